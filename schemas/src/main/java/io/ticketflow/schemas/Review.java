package io.ticketflow.schemas;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The review a ticket went through (or did not need).
 *
 * @param outcome how review ended
 * @param reasons why review was needed; empty for {@link ReviewOutcome#AUTO_APPROVED} (never {@code null})
 * @param approvalId the approval's id; optional ({@code null} when auto-approved)
 * @param reviewer who decided, from the reviewer's authenticated identity; optional
 * @param decidedAt when the decision was applied; optional
 * @param comment the reviewer's comment; optional
 * @param edits the reviewer's corrections; optional ({@code null} unless {@link ReviewOutcome#EDITED})
 * @param divergedFromAi whether the human decision differs from the AI suggestion; optional
 * @param expiryOutcome what the expiry decided; optional ({@code null} unless {@link ReviewOutcome#EXPIRED}; since
 *     version 2 of {@code TicketEnriched})
 */
public record Review(
        ReviewOutcome outcome,
        List<ReviewReason> reasons,
        String approvalId,
        String reviewer,
        Instant decidedAt,
        String comment,
        TriageEdits edits,
        Boolean divergedFromAi,
        ExpiryOutcome expiryOutcome) {

    public Review {
        Objects.requireNonNull(outcome, "outcome");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
