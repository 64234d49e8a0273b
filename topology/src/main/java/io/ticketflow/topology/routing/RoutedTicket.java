package io.ticketflow.topology.routing;

import io.ticketflow.schemas.Review;
import io.ticketflow.schemas.ReviewOutcome;
import io.ticketflow.schemas.ReviewReason;
import io.ticketflow.schemas.TicketEnriched;
import java.util.List;
import java.util.Objects;

/**
 * A ticket with the routing policy's verdict. Internal to the topology: it only travels between {@code route} and the
 * branch after it, never through a topic or store.
 *
 * @param ticket the ticket, its {@code route} audit entry included
 * @param reasons why it needs review; empty when it is auto-approved (never {@code null})
 */
public record RoutedTicket(TicketEnriched ticket, List<ReviewReason> reasons) {

    public RoutedTicket {
        Objects.requireNonNull(ticket, "ticket");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** Whether a human must decide before the ticket leaves. */
    public boolean needsReview() {
        return !reasons.isEmpty();
    }

    /** The ticket as it leaves without review: the AI suggestion stands. */
    public TicketEnriched autoApproved() {
        return ticket.withReview(
                new Review(ReviewOutcome.AUTO_APPROVED, List.of(), null, null, null, null, null, null, null));
    }
}
