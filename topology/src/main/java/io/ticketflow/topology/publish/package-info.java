/**
 * The terminal step: a ticket leaves the pipeline for {@code tickets.enriched}, stamped with the time it left.
 */
package io.ticketflow.topology.publish;
