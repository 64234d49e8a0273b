package io.ticketflow.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TermStatisticsTest {

    private final TermStatistics statistics = new TermStatistics();

    @BeforeEach
    void countTickets() {
        // "error" occurs in every ticket, "zookeeper" in one.
        statistics.add(Map.of("error", 1, "zookeeper", 2, "session", 1));
        for (int i = 0; i < 20; i++) {
            statistics.add(Map.of("error", 1, "printer" + i, 1));
        }
    }

    @Test
    void shouldScoreATextAgainstItselfOneAndTextsWithoutSharedWordsZero() {
        Map<String, Integer> text = Map.of("error", 1, "zookeeper", 2, "session", 1);

        assertThat(statistics.query(text).relativeBm25(text)).isEqualTo(1.0, within(1e-9));
        assertThat(statistics.query(text).tfIdfCosine(text)).isEqualTo(1.0, within(1e-9));
        assertThat(statistics.query(text).similarity(text)).isEqualTo(1.0, within(1e-9));
        assertThat(statistics.query(text).similarity(Map.of("printer3", 1))).isZero();
    }

    @Test
    void shouldWeighARareSharedWordFarAboveACommonOne() {
        Map<String, Integer> query = Map.of("zookeeper", 1, "error", 1);
        Map<String, Integer> sharesRare = Map.of("zookeeper", 1, "printer1", 1);
        Map<String, Integer> sharesCommon = Map.of("error", 1, "printer1", 1);

        assertThat(statistics.query(query).relativeBm25(sharesRare))
                .isGreaterThan(3 * statistics.query(query).relativeBm25(sharesCommon));
        assertThat(statistics.query(query).tfIdfCosine(sharesRare))
                .isGreaterThan(statistics.query(query).tfIdfCosine(sharesCommon));
    }

    @Test
    void shouldBlendBothMeasuresForEachCandidateOfOneQuery() {
        // One query scores many candidates in turn: what it notes about one must not leak into the next.
        Map<String, Integer> words = Map.of("zookeeper", 1, "error", 2, "session", 1);
        TermStatistics.Query query = statistics.query(words);
        for (Map<String, Integer> candidate : List.of(
                Map.of("zookeeper", 3, "printer1", 1),
                Map.of("printer2", 1),
                Map.of("error", 1, "session", 2, "printer3", 4),
                Map.of("session", 1))) {
            assertThat(query.similarity(candidate))
                    .isEqualTo(0.6 * query.tfIdfCosine(candidate) + 0.4 * query.relativeBm25(candidate))
                    .isEqualTo(statistics.query(words).similarity(candidate));
        }
        assertThat(query.similarity(Map.of("printer2", 1))).isZero();
        assertThat(query.similarity(Map.of("session", 1))).isPositive();
    }

    @Test
    void shouldForgetTheWordsOfARemovedTicket() {
        statistics.remove(Map.of("error", 1, "zookeeper", 2, "session", 1));

        assertThat(statistics.documentFrequency("zookeeper")).isZero();
        assertThat(statistics.documentFrequency("error")).isEqualTo(20);
    }

    @Test
    void shouldHoldOneInstanceOfEachCountedWord() {
        String counted = new String("zookeeper");
        TermStatistics fresh = new TermStatistics();
        fresh.add(Map.of(counted, 1));

        Map<String, Integer> held = fresh.add(Map.of(new String("zookeeper"), 3, "session", 1));

        assertThat(held).isEqualTo(Map.of("zookeeper", 3, "session", 1));
        assertThat(held.keySet())
                .filteredOn("zookeeper"::equals)
                .singleElement()
                .isSameAs(counted);
        assertThat(fresh.documentFrequency("zookeeper")).isEqualTo(2);
        // Scores do not depend on which instance a word is.
        assertThat(fresh.query(Map.of(new String("zookeeper"), 1)).similarity(held))
                .isEqualTo(fresh.query(Map.of("zookeeper", 1)).similarity(Map.of("zookeeper", 3, "session", 1)));
    }

    @Test
    void shouldScoreTheTfIdfCosineTheSameEitherWayRound() {
        Map<String, Integer> longer = new HashMap<>(Map.of("error", 2, "zookeeper", 1, "session", 3));
        for (int i = 0; i < 15; i++) {
            longer.put("printer" + i, 1 + i % 3);
        }
        Map<String, Integer> shorter = Map.of("zookeeper", 2, "printer4", 1, "error", 1, "unseen", 1);

        assertThat(statistics.query(longer).tfIdfCosine(shorter))
                .isPositive()
                .isEqualTo(statistics.query(shorter).tfIdfCosine(longer), within(1e-12));
    }
}
