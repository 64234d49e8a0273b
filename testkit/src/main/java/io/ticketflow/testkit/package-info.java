/**
 * What ticketflow's tests, benchmarks and local stack share: {@link io.ticketflow.testkit.KRaftBroker}, a real
 * single-node Kafka broker run in-process; {@link io.ticketflow.testkit.KafkaBrokerExtension} (with
 * {@link io.ticketflow.testkit.WithKafkaBroker}), which gives every test of a JVM the same broker through a
 * {@link io.ticketflow.testkit.KafkaCluster}; and {@link io.ticketflow.testkit.TicketGenerator}, a seeded source of
 * realistic upstream tickets with known repeats, rewordings and invalid records.
 *
 * <p>Everything here is public API; {@code io.ticketflow.testkit.internal} is not.
 */
package io.ticketflow.testkit;
