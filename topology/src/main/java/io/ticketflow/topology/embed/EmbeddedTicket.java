package io.ticketflow.topology.embed;

import io.ticketflow.schemas.TicketEnriched;
import java.util.Objects;

/**
 * A ticket in flight between {@code embed} and {@code triage}, with its vector. Internal to the topology: it travels
 * through in-flight stores and, later, repartition topics, never to consumers.
 *
 * @param ticket the ticket so far
 * @param embedding its L2-normalised vector; {@code null} when the embedding model was unavailable
 */
public record EmbeddedTicket(TicketEnriched ticket, float[] embedding) {
    public EmbeddedTicket {
        Objects.requireNonNull(ticket, "ticket");
    }
}
