package io.ticketflow.topology.dedup;

import io.ticketflow.schemas.DuplicateCandidate;
import io.ticketflow.schemas.DuplicateLink;
import io.ticketflow.schemas.DuplicateVerdict;
import io.ticketflow.topology.config.DedupSettings;
import java.util.List;
import java.util.Optional;

/**
 * The rule that turns a ticket's best matches into a verdict: a best score at or above the duplicate threshold is a
 * duplicate, at or above the review threshold a possible duplicate for a human, below it a new ticket.
 */
public final class DuplicateDecision {

    private final double duplicateThreshold;
    private final double reviewThreshold;

    public DuplicateDecision(DedupSettings settings) {
        this(settings.duplicateThreshold(), settings.reviewThreshold());
    }

    public DuplicateDecision(double duplicateThreshold, double reviewThreshold) {
        this.duplicateThreshold = duplicateThreshold;
        this.reviewThreshold = reviewThreshold;
    }

    /**
     * The link for a ticket whose best matches are {@code matches} (best first), or empty for a new ticket. The link
     * carries every match given as a candidate, best first.
     */
    public Optional<DuplicateLink> decide(List<DuplicateIndex.Match> matches) {
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        DuplicateIndex.Match best = matches.getFirst();
        if (best.score() < reviewThreshold) {
            return Optional.empty();
        }
        DuplicateVerdict verdict =
                best.score() >= duplicateThreshold ? DuplicateVerdict.DUPLICATE : DuplicateVerdict.POSSIBLE_DUPLICATE;
        List<DuplicateCandidate> candidates = matches.stream()
                .map(match -> new DuplicateCandidate(
                        match.ticket().id(),
                        rounded(match.score()),
                        match.ticket().title()))
                .toList();
        return Optional.of(new DuplicateLink(verdict, best.ticket().id(), rounded(best.score()), candidates));
    }

    /** Scores are compared in full precision; four decimals are plenty for people and consumers. */
    private static double rounded(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }
}
