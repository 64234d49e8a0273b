/**
 * Start-up and shutdown of the service's Kafka parts: topics, the ledger's Kafka Streams application, the command
 * producer and the reader of {@code approvals.events}, wired by {@link io.ticketflow.approvals.runtime.KafkaConfiguration}.
 */
package io.ticketflow.approvals.runtime;
