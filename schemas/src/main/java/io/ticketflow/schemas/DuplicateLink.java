package io.ticketflow.schemas;

import java.util.List;
import java.util.Objects;

/**
 * A link from a ticket to the earlier ticket it (possibly) repeats.
 *
 * @param verdict duplicate or possible duplicate
 * @param duplicateOf id of the best-matching earlier ticket
 * @param similarity that ticket's similarity score
 * @param candidates the best candidates, best first, including {@code duplicateOf} (never {@code null})
 */
public record DuplicateLink(
        DuplicateVerdict verdict, String duplicateOf, double similarity, List<DuplicateCandidate> candidates) {
    public DuplicateLink {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(duplicateOf, "duplicateOf");
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
