package io.ticketflow.benchmarks;

import java.util.List;

/**
 * Recall rate at k and mean average precision of duplicate retrieval, as duplicate-detection papers report them:
 * for each query (a labelled duplicate), where its one original ranks among the earlier reports.
 */
final class RankingMetrics {

    private static final int[] CUTOFFS = {1, 3, 5, 10};

    private final int[] foundWithin = new int[CUTOFFS.length];
    private double reciprocalRanks;
    private int queries;

    /** Records one query whose ranked candidates were {@code ranked} (best first) and whose original is {@code original}. */
    void add(List<String> ranked, String original) {
        queries++;
        int rank = ranked.indexOf(original) + 1;
        if (rank == 0) {
            return;
        }
        reciprocalRanks += 1.0 / rank;
        for (int i = 0; i < CUTOFFS.length; i++) {
            if (rank <= CUTOFFS[i]) {
                foundWithin[i]++;
            }
        }
    }

    /** Share of queries whose original is among the top {@code k} (one of 1, 3, 5, 10). */
    double recallRate(int k) {
        for (int i = 0; i < CUTOFFS.length; i++) {
            if (CUTOFFS[i] == k) {
                return queries == 0 ? 0 : (double) foundWithin[i] / queries;
            }
        }
        throw new IllegalArgumentException("k must be one of 1, 3, 5, 10, was " + k);
    }

    /** Mean of 1 / rank of the original (0 when it is not ranked at all). */
    double meanAveragePrecision() {
        return queries == 0 ? 0 : reciprocalRanks / queries;
    }

    int queries() {
        return queries;
    }
}
