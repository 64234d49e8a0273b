package io.ticketflow.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScoredVisitsTest {

    private final ScoredVisits visits = new ScoredVisits();

    @Test
    void shouldAnswerTheBestAcceptedNodesBestFirst() {
        visits.add(1, 0.5f);
        visits.add(2, 0.9f);
        visits.add(3, 0.7f);
        visits.add(4, 0.95f);
        visits.add(5, 0.8f);

        assertThat(visits.best(3, node -> node != 4)).containsExactly(2, 5, 3);
        assertThat(visits.best(10, node -> true)).containsExactly(4, 2, 5, 3, 1);
    }

    @Test
    void shouldAnswerANodeScoredTwiceOnceAndStillAsManyNodes() {
        // A search of two levels scored the best three on both.
        for (int node = 1; node <= 3; node++) {
            visits.add(node, 0.9f + node / 100f);
        }
        for (int node = 10; node < 20; node++) {
            visits.add(node, 0.5f + node / 100f);
        }
        for (int node = 1; node <= 3; node++) {
            visits.add(node, 0.9f + node / 100f);
        }

        assertThat(visits.best(5, node -> true)).containsExactly(3, 2, 1, 19, 18);
        assertThat(visits.best(20, node -> true)).hasSize(13).doesNotHaveDuplicates();
    }

    @Test
    void shouldKeepEveryVisitPastItsFirstCapacityUntilCleared() {
        for (int node = 0; node < 5000; node++) {
            visits.add(node, node);
        }

        assertThat(visits.size()).isEqualTo(5000);
        assertThat(visits.best(3, node -> true)).containsExactly(4999, 4998, 4997);

        visits.clear();

        assertThat(visits.size()).isZero();
        assertThat(visits.best(3, node -> true)).isEmpty();
    }
}
