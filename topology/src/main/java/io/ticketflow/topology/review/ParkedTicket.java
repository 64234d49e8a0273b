package io.ticketflow.topology.review;

import io.ticketflow.schemas.ApprovalRequested;
import io.ticketflow.schemas.ReviewReason;
import io.ticketflow.schemas.TicketEnriched;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A ticket waiting for a reviewer's decision: the value of the {@value ParkedTickets#STORE} store. Internal to the
 * topology (it travels only through the store's changelog).
 *
 * @param ticket the ticket as routed, AI suggestion and audit trail included
 * @param approvalId the id of the approval requested for it; a decision on any other approval is refused
 * @param reasons why it needs review (never empty)
 * @param requestedAt when it was parked
 * @param expiresAt when the approval service expires the approval
 */
public record ParkedTicket(
        TicketEnriched ticket, String approvalId, List<ReviewReason> reasons, Instant requestedAt, Instant expiresAt) {

    public ParkedTicket {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(approvalId, "approvalId");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        reasons = List.copyOf(reasons);
    }

    /** The approval to ask the approval service for. */
    public ApprovalRequested approvalRequest() {
        return new ApprovalRequested(
                ApprovalRequested.CURRENT_SCHEMA_VERSION,
                approvalId,
                ticket.ticket().id(),
                ticket.ticket().tenant(),
                ticket.ticket(),
                ticket.triage(),
                ticket.duplicate(),
                reasons,
                requestedAt,
                expiresAt);
    }
}
