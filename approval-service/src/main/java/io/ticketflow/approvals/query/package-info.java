/**
 * Reads of the ledger and the status store through Kafka Streams interactive queries, on this instance's local
 * stores. Reads see what the local tasks have applied; with several instances, each sees its own partitions (see the
 * module README).
 */
package io.ticketflow.approvals.query;
