/**
 * The {@code embed} stage: each ticket's text becomes a vector, through the embedding model, on the async processor.
 * The vector rides along, for duplicate detection, in an {@link io.ticketflow.topology.embed.EmbeddedTicket}.
 */
package io.ticketflow.topology.embed;
