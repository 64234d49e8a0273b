package io.ticketflow.approvals.ledger;

import io.ticketflow.schemas.Decision;
import io.ticketflow.schemas.ExpiryOutcome;
import io.ticketflow.schemas.TriageEdits;
import java.time.Instant;
import java.util.Objects;

/**
 * The decision the ledger applied to an approval.
 *
 * @param decision what was decided
 * @param edits corrections; {@code null} unless {@link Decision#EDIT}
 * @param comment the reviewer's comment, or for an expiry the outcome that applied; optional
 * @param reviewer the reviewer's identity from their token; {@code null} for an expiry
 * @param decidedAt when the ledger applied it
 * @param idempotencyKey the key it was applied under; {@code null} for an expiry
 * @param expiryOutcome the outcome of an expiry; {@code null} otherwise
 */
public record AppliedDecision(
        Decision decision,
        TriageEdits edits,
        String comment,
        String reviewer,
        Instant decidedAt,
        String idempotencyKey,
        ExpiryOutcome expiryOutcome) {

    public AppliedDecision {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
