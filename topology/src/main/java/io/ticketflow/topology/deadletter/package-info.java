/**
 * The dead-letter path: whatever a stage cannot process goes to {@code tickets.dlq} with its original bytes and
 * headers that say why, where and what, and processing goes on with the next record.
 *
 * <p>Built on Kafka Streams' own dead-letter support (KIP-1034): the exception handlers return the dead-letter
 * record and Kafka Streams writes it in the same transaction as the task's other output, so under exactly-once a
 * record is either processed or dead-lettered, never both, never neither.
 */
package io.ticketflow.topology.deadletter;
