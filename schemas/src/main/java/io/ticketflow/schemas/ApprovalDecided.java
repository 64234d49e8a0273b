package io.ticketflow.schemas;

import java.time.Instant;
import java.util.Objects;

/**
 * A decision on an approval, applied by the approval service: the contract of {@code approvals.decided}, keyed by
 * ticket id.
 *
 * @param schemaVersion version of this contract (currently {@value #CURRENT_SCHEMA_VERSION})
 * @param approvalId the approval decided
 * @param ticketId the parked ticket's id
 * @param tenant the ticket's tenant
 * @param decision what was decided
 * @param edits corrections; optional ({@code null} unless {@link Decision#EDIT})
 * @param comment the reviewer's comment; optional
 * @param reviewer the reviewer's authenticated identity; optional ({@code null} for {@link Decision#EXPIRED})
 * @param decidedAt when the decision was applied
 * @param version the approval's version after this decision
 * @param expiryOutcome what the expiry decided; optional ({@code null} unless {@link Decision#EXPIRED}; since version 2)
 */
public record ApprovalDecided(
        int schemaVersion,
        String approvalId,
        String ticketId,
        String tenant,
        Decision decision,
        TriageEdits edits,
        String comment,
        String reviewer,
        Instant decidedAt,
        long version,
        ExpiryOutcome expiryOutcome) {

    /** The version of this contract that this code writes. */
    public static final int CURRENT_SCHEMA_VERSION = 2;

    public ApprovalDecided {
        Objects.requireNonNull(approvalId, "approvalId");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
