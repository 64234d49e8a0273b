/**
 * The async stage: model calls inside Kafka Streams without blocking the stream thread, with per-key order,
 * bounded in-flight work, durability across crashes and rebalances, and a fallback that never drops a record. See
 * {@link io.ticketflow.topology.async.AsyncProcessor} for the contract.
 */
package io.ticketflow.topology.async;
