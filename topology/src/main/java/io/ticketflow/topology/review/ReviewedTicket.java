package io.ticketflow.topology.review;

import io.ticketflow.schemas.ApprovalDecided;
import io.ticketflow.schemas.Decision;
import io.ticketflow.schemas.DuplicateCandidate;
import io.ticketflow.schemas.DuplicateLink;
import io.ticketflow.schemas.DuplicateVerdict;
import io.ticketflow.schemas.Review;
import io.ticketflow.schemas.ReviewOutcome;
import io.ticketflow.schemas.StageRecord;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.Triage;
import io.ticketflow.schemas.TriageEdits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A parked ticket with a decision applied: what leaves for {@code tickets.enriched}, and where the human diverged from
 * the AI. Pure: no clock, no store.
 *
 * <ul>
 *   <li>{@code APPROVE}: the AI suggestion stands ({@code APPROVED}).
 *   <li>{@code REJECT}: the ticket leaves {@code REJECTED}, its AI triage kept for the record.
 *   <li>{@code EDIT}: the corrected priority and category replace the AI's in {@code triage} (the AI's values stay in
 *       the {@code review} audit entry, {@code ai.*} details); {@code duplicateOf} links the ticket to that original
 *       as a {@code DUPLICATE} (with the candidate's similarity when it was a candidate), and a blank
 *       {@code duplicateOf} removes the link. Without an AI triage (AI unavailable) the reviewer's priority and
 *       category are in {@code review.edits} only.
 *   <li>{@code EXPIRED}: nobody decided in time: the AI suggestion stands, marked {@code EXPIRED} (unreviewed), with
 *       the approval service's expiry outcome in {@code review.expiryOutcome} ({@code ESCALATE} tells consumers the
 *       ticket must go to someone who will decide); nothing to compare, so no divergence.
 * </ul>
 *
 * @param ticket the ticket with its review and {@code review} audit entry
 * @param divergences what the human changed in the AI's suggestion; empty when nothing (or nothing to compare)
 */
public record ReviewedTicket(TicketEnriched ticket, Set<Divergence> divergences) {

    /** The stage's name: its processor and audit entries. */
    public static final String STAGE = "review";

    /** Audit flag of a duplicate link a reviewer set to a ticket that was not a candidate: no similarity measured. */
    public static final String SIMILARITY_UNMEASURED = "DUPLICATE_SIMILARITY_UNMEASURED";

    public ReviewedTicket {
        Objects.requireNonNull(ticket, "ticket");
        divergences = Set.copyOf(divergences);
    }

    /** {@code decision} applied to {@code parked}, at {@code now}. */
    public static ReviewedTicket of(ParkedTicket parked, ApprovalDecided decision, Instant now) {
        TicketEnriched ai = parked.ticket();
        TriageEdits edits = decision.decision() == Decision.EDIT ? decision.edits() : null;
        Set<Divergence> divergences = EnumSet.noneOf(Divergence.class);
        Map<String, String> details = new HashMap<>();
        List<String> flags = new ArrayList<>();
        TicketEnriched corrected = ai;
        if (edits != null) {
            corrected = ai.withCorrections(
                    correctedTriage(ai.triage(), edits, divergences, details),
                    correctedDuplicate(ai.duplicate(), edits, divergences, details, flags));
        }
        if (decision.decision() == Decision.REJECT && ai.triage() != null) {
            divergences.add(Divergence.REJECTED);
        }
        details.put("decision", decision.decision().name());
        details.put("approvalId", parked.approvalId());
        details.put("requestedAt", parked.requestedAt().toString());
        details.put("decidedAt", decision.decidedAt().toString());
        if (!divergences.isEmpty()) {
            details.put("divergence", divergences.stream().map(Divergence::tag).collect(Collectors.joining(",")));
        }
        Review review = new Review(
                outcomeOf(decision.decision()),
                parked.reasons(),
                parked.approvalId(),
                decision.reviewer(),
                decision.decidedAt(),
                decision.comment(),
                edits,
                divergedFromAi(ai, decision.decision(), divergences),
                decision.expiryOutcome());
        TicketEnriched reviewed = corrected.withReview(review).withStage(new StageRecord(STAGE, now, flags, details));
        return new ReviewedTicket(reviewed, divergences);
    }

    private static ReviewOutcome outcomeOf(Decision decision) {
        return switch (decision) {
            case APPROVE -> ReviewOutcome.APPROVED;
            case REJECT -> ReviewOutcome.REJECTED;
            case EDIT -> ReviewOutcome.EDITED;
            case EXPIRED -> ReviewOutcome.EXPIRED;
        };
    }

    /** {@code null} when there was nothing to compare: no human decided, or the AI suggested nothing. */
    private static Boolean divergedFromAi(TicketEnriched ai, Decision decision, Set<Divergence> divergences) {
        if (decision == Decision.EXPIRED || (ai.triage() == null && ai.duplicate() == null && divergences.isEmpty())) {
            return null;
        }
        return !divergences.isEmpty();
    }

    private static Triage correctedTriage(
            Triage triage, TriageEdits edits, Set<Divergence> divergences, Map<String, String> details) {
        if (triage == null) {
            return null;
        }
        var priority = triage.priority();
        if (edits.priority() != null && edits.priority() != priority) {
            divergences.add(Divergence.PRIORITY);
            details.put("ai.priority", priority.name());
            priority = edits.priority();
        }
        String category = triage.category();
        if (edits.category() != null && !edits.category().equals(category)) {
            divergences.add(Divergence.CATEGORY);
            details.put("ai.category", category);
            category = edits.category();
        }
        return new Triage(
                priority,
                category,
                triage.confidence(),
                triage.summary(),
                triage.solutionSteps(),
                triage.estimatedResolutionMinutes(),
                triage.source(),
                triage.model(),
                triage.usage());
    }

    private static DuplicateLink correctedDuplicate(
            DuplicateLink link,
            TriageEdits edits,
            Set<Divergence> divergences,
            Map<String, String> details,
            List<String> flags) {
        String original = edits.duplicateOf();
        if (original == null) {
            return link;
        }
        String aiOriginal = link == null ? "" : link.duplicateOf();
        if (!original.strip().equals(aiOriginal)) {
            divergences.add(Divergence.DUPLICATE);
            details.put("ai.duplicateOf", aiOriginal);
        }
        if (original.isBlank()) {
            return null;
        }
        List<DuplicateCandidate> candidates = link == null ? List.of() : link.candidates();
        var chosen = candidates.stream()
                .filter(candidate -> candidate.ticketId().equals(original.strip()))
                .findFirst();
        if (chosen.isEmpty()) {
            // The reviewer knows an original that detection did not offer: there is no similarity to report.
            flags.add(SIMILARITY_UNMEASURED);
        }
        double similarity = chosen.map(DuplicateCandidate::similarity).orElse(0.0);
        return new DuplicateLink(DuplicateVerdict.DUPLICATE, original.strip(), similarity, candidates);
    }
}
