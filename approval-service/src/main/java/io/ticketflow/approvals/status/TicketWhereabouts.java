package io.ticketflow.approvals.status;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a ticket is and since when.
 *
 * @param ticketId the ticket
 * @param stage where it is
 * @param since the timestamp of the record that put it there
 */
public record TicketWhereabouts(String ticketId, TicketStage stage, Instant since) {
    public TicketWhereabouts {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(since, "since");
    }
}
