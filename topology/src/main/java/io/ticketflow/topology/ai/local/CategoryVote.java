package io.ticketflow.topology.ai.local;

import java.util.Objects;

/**
 * The nearest neighbours' verdict on a ticket's category.
 *
 * @param category the winning category, one of the example set's
 * @param confidence the vote margin, in [0, 1]: 1 when all neighbours agree, 0 on a tie
 * @param nearestSimilarity the cosine similarity of the nearest example, from -1 to 1: how familiar the ticket is
 */
public record CategoryVote(String category, double confidence, double nearestSimilarity) {
    public CategoryVote {
        Objects.requireNonNull(category, "category");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within [0, 1], was " + confidence);
        }
    }
}
