/**
 * The ticketflow topology application. {@link io.ticketflow.topology.TicketTopology} wires the stages, one package
 * each ({@code ingest}, {@code publish}; later {@code async}, {@code ai}, {@code dedup}, {@code triage},
 * {@code routing}, {@code review}); {@code config} holds the settings, {@code deadletter} the dead-letter path and
 * {@code runtime} the Spring Boot lifecycle.
 */
package io.ticketflow.topology;
