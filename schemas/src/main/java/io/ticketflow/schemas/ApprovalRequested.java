package io.ticketflow.schemas;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A ticket waits for a human: the contract of {@code approvals.requested}, keyed by ticket id.
 *
 * @param schemaVersion version of this contract (currently {@value #CURRENT_SCHEMA_VERSION})
 * @param approvalId unique id of this approval
 * @param ticketId the parked ticket's id
 * @param tenant the ticket's tenant, for filtering
 * @param ticket the ticket as normalised
 * @param suggestion the AI's triage; optional ({@code null} when the AI was unavailable)
 * @param duplicate duplicate candidates; optional
 * @param reasons why review is needed (at least one)
 * @param requestedAt when review was requested
 * @param expiresAt when the approval expires to its configured outcome
 */
public record ApprovalRequested(
        int schemaVersion,
        String approvalId,
        String ticketId,
        String tenant,
        TicketIngested ticket,
        Triage suggestion,
        DuplicateLink duplicate,
        List<ReviewReason> reasons,
        Instant requestedAt,
        Instant expiresAt) {

    /** The version of this contract that this code writes. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    public ApprovalRequested {
        Objects.requireNonNull(approvalId, "approvalId");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("an approval needs at least one reason");
        }
    }
}
