/**
 * Running the topology inside Spring Boot: topic provisioning, the Kafka Streams lifecycle, and health that follows
 * the Kafka Streams state.
 */
package io.ticketflow.topology.runtime;
