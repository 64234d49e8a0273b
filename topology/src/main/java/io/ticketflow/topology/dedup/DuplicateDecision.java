package io.ticketflow.topology.dedup;

import io.ticketflow.schemas.DuplicateCandidate;
import io.ticketflow.schemas.DuplicateLink;
import io.ticketflow.schemas.DuplicateVerdict;
import io.ticketflow.topology.config.DedupSettings;
import java.util.List;
import java.util.Optional;

/**
 * The rule that turns a ticket's best matches into a verdict. It judges the best-ranked match by its
 * {@linkplain DuplicateIndex.Match#distinctiveness() distinctiveness} (how far its cosine stands above the query's
 * neighbourhood), not by its ranking score, because reports that merely share a template score high too:
 *
 * <ul>
 *   <li>at or above the duplicate threshold, with a lexical similarity of at least {@value #DUPLICATE_MIN_LEXICAL}: a
 *       duplicate. Both kinds of evidence are required because a duplicate skips its own triage: an embedding match
 *       whose texts share (almost) no word is left to a human;
 *   <li>otherwise at or above the review threshold: a possible duplicate for a human;
 *   <li>below it: a new ticket.
 * </ul>
 */
public final class DuplicateDecision {

    /**
     * The lexical similarity a duplicate needs besides its distinctiveness. Low on purpose: related reports share far
     * more words than that, so it only vetoes matches of the embedding alone.
     */
    public static final double DUPLICATE_MIN_LEXICAL = 0.1;

    private final double duplicateThreshold;
    private final double reviewThreshold;

    public DuplicateDecision(DedupSettings settings) {
        this(settings.duplicateThreshold(), settings.reviewThreshold());
    }

    /**
     * @param duplicateThreshold the distinctiveness at or above which the best match is a duplicate
     * @param reviewThreshold the distinctiveness at or above which it is at least a possible duplicate
     */
    public DuplicateDecision(double duplicateThreshold, double reviewThreshold) {
        this.duplicateThreshold = duplicateThreshold;
        this.reviewThreshold = reviewThreshold;
    }

    /** The verdict on a ticket whose best-ranked match is {@code best}; empty for a new ticket. */
    public Optional<DuplicateVerdict> verdictOn(DuplicateIndex.Match best) {
        if (best.distinctiveness() >= duplicateThreshold && best.lexical() >= DUPLICATE_MIN_LEXICAL) {
            return Optional.of(DuplicateVerdict.DUPLICATE);
        }
        if (best.distinctiveness() >= reviewThreshold) {
            return Optional.of(DuplicateVerdict.POSSIBLE_DUPLICATE);
        }
        return Optional.empty();
    }

    /**
     * The link for a ticket whose best matches are {@code matches} (best first), or empty for a new ticket. The link's
     * similarity is the best match's distinctiveness (the value compared with the thresholds); it carries every match
     * given as a candidate, best first, each with its ranking score.
     */
    public Optional<DuplicateLink> decide(List<DuplicateIndex.Match> matches) {
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        DuplicateIndex.Match best = matches.getFirst();
        return verdictOn(best)
                .map(verdict -> new DuplicateLink(
                        verdict, best.ticket().id(), rounded(best.distinctiveness()), candidates(matches)));
    }

    private static List<DuplicateCandidate> candidates(List<DuplicateIndex.Match> matches) {
        return matches.stream()
                .map(match -> new DuplicateCandidate(
                        match.ticket().id(),
                        rounded(match.score()),
                        match.ticket().title()))
                .toList();
    }

    /** Scores are compared in full precision; four decimals are plenty for people and consumers. */
    private static double rounded(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }
}
