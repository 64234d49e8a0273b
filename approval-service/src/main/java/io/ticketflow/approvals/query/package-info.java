/**
 * Reads of the ledger and the status store through Kafka Streams interactive queries of this instance's local
 * stores, and the merge of several instances' local pages into one listing page ({@link
 * io.ticketflow.approvals.query.PageMerge}). Which instance reads what is decided in {@code routing}.
 */
package io.ticketflow.approvals.query;
