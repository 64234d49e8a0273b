package io.ticketflow.approvals.ledger;

import io.ticketflow.schemas.ApprovalDecided;
import io.ticketflow.schemas.ApprovalRequested;
import java.util.Objects;

/**
 * One approval as the ledger holds it: the request, where it stands, and the decision once there is one. Immutable.
 *
 * @param request what the topology asked for
 * @param status where it stands
 * @param version 1 when requested, one more with every change; a decision must name the version it saw
 * @param decision the applied decision; {@code null} while pending
 */
public record Approval(ApprovalRequested request, ApprovalStatus status, long version, AppliedDecision decision) {

    public Approval {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        if ((status == ApprovalStatus.PENDING) != (decision == null)) {
            throw new IllegalArgumentException("a pending approval has no decision and a finished one has one");
        }
    }

    /** The ticket id: the approval's key everywhere. */
    public String ticketId() {
        return request.ticketId();
    }

    /** Whether it still waits for a decision. */
    public boolean isPending() {
        return status == ApprovalStatus.PENDING;
    }

    /** This approval with {@code applied} as its outcome, one version on. */
    Approval finish(AppliedDecision applied) {
        ApprovalStatus finished = applied.expiryOutcome() == null ? ApprovalStatus.DECIDED : ApprovalStatus.EXPIRED;
        return new Approval(request, finished, version + 1, applied);
    }

    /** The {@code approvals.decided} event of a finished approval. */
    ApprovalDecided decided() {
        return new ApprovalDecided(
                ApprovalDecided.CURRENT_SCHEMA_VERSION,
                request.approvalId(),
                request.ticketId(),
                request.tenant(),
                decision.decision(),
                decision.edits(),
                decision.comment(),
                decision.reviewer(),
                decision.decidedAt(),
                version,
                decision.expiryOutcome());
    }
}
