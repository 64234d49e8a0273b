package io.ticketflow.topology.routing;

import io.ticketflow.schemas.DuplicateVerdict;
import io.ticketflow.schemas.ReviewReason;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.Triage;
import io.ticketflow.topology.ai.ModelFailures;
import io.ticketflow.topology.config.ReviewSettings;
import io.ticketflow.topology.triage.TriageCall;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a ticket needs a human reviewer, and why: the rules of {@link ReviewSettings}, each one a
 * {@link ReviewReason}. Immutable and thread-safe.
 */
public final class ReviewPolicy {

    private final ReviewSettings settings;

    public ReviewPolicy(ReviewSettings settings) {
        this.settings = settings;
    }

    /**
     * Every rule {@code ticket} matches, in the order of {@link ReviewReason}; empty when it may be auto-approved.
     *
     * @param ticket a ticket after triage (and duplicate detection)
     * @return the reasons for review, never {@code null}
     */
    public List<ReviewReason> reasonsFor(TicketEnriched ticket) {
        List<ReviewReason> reasons = new ArrayList<>();
        Triage triage = ticket.triage();
        if (triage != null && isUnsure(triage)) {
            reasons.add(ReviewReason.LOW_CONFIDENCE);
        }
        if (triage != null && settings.priorities().contains(triage.priority())) {
            reasons.add(ReviewReason.HIGH_PRIORITY);
        }
        if (settings.possibleDuplicates() && isPossibleDuplicate(ticket)) {
            reasons.add(ReviewReason.POSSIBLE_DUPLICATE);
        }
        if (settings.aiUnavailable() && lacksAiAssessment(ticket)) {
            reasons.add(ReviewReason.AI_UNAVAILABLE);
        }
        if (triage != null && settings.categories().contains(triage.category())) {
            reasons.add(ReviewReason.CATEGORY_RULE);
        }
        if (settings.tenants().contains(ticket.ticket().tenant())) {
            reasons.add(ReviewReason.TENANT_RULE);
        }
        return List.copyOf(reasons);
    }

    private boolean isUnsure(Triage triage) {
        return triage.confidence() < settings.confidenceThreshold();
    }

    private static boolean isPossibleDuplicate(TicketEnriched ticket) {
        return ticket.duplicate() != null && ticket.duplicate().verdict() == DuplicateVerdict.POSSIBLE_DUPLICATE;
    }

    /** The triage stage flagged its model unavailable, or the ticket has no triage to approve at all. */
    private static boolean lacksAiAssessment(TicketEnriched ticket) {
        return ticket.triage() == null
                || ticket.audit().stream()
                        .anyMatch(stage -> stage.stage().equals(TriageCall.STAGE)
                                && stage.flags().contains(ModelFailures.AI_UNAVAILABLE));
    }
}
