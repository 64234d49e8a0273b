package io.ticketflow.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.UpdateableRandomVectorScorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CodeScorersTest {

    /** Longer than two cache lines, and not a multiple of one: the reads ahead must not run past a code's end. */
    private static final int LENGTH = 150;

    private final Random random = new Random(5);
    private final List<byte[]> codes = new ArrayList<>();

    @ParameterizedTest
    @EnumSource(
            value = VectorSimilarityFunction.class,
            names = {"DOT_PRODUCT", "EUCLIDEAN"})
    void shouldScoreABatchAsLuceneScoresEachCode(VectorSimilarityFunction similarity) throws IOException {
        addCodes(300);
        byte[] query = randomCode();
        RandomVectorScorer scorer = new CodeScorers(codes, LENGTH, similarity).scorer(query);

        // Batches of growing and shrinking sizes, in a longer array than each batch, as Lucene hands them over.
        for (int count : new int[] {1, 96, 7, 200, 0, 150}) {
            int[] nodes = randomNodes(count);
            float[] scores = new float[count + 10];

            float best = scorer.bulkScore(nodes, scores, count);

            float expectedBest = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < count; i++) {
                float expected = similarity.compare(query, codes.get(nodes[i]));
                assertThat(scores[i]).isEqualTo(expected);
                assertThat(scorer.score(nodes[i])).isEqualTo(expected);
                expectedBest = Math.max(expectedBest, expected);
            }
            assertThat(best).isEqualTo(expectedBest);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = VectorSimilarityFunction.class,
            names = {"DOT_PRODUCT", "EUCLIDEAN"})
    void shouldScoreAgainstTheChosenCodeIncludingCodesAddedLater(VectorSimilarityFunction similarity)
            throws IOException {
        addCodes(10);
        CodeScorers scorers = new CodeScorers(codes, LENGTH, similarity);
        UpdateableRandomVectorScorer scorer = scorers.scorer();
        addCodes(10);

        scorer.setScoringOrdinal(15);
        float[] scores = new float[2];
        scorer.bulkScore(new int[] {3, 19}, scores, 2);

        assertThat(scorer.maxOrd()).isEqualTo(20);
        assertThat(scores[0]).isEqualTo(similarity.compare(codes.get(15), codes.get(3)));
        assertThat(scores[1]).isEqualTo(similarity.compare(codes.get(15), codes.get(19)));
        assertThat(scorers.copy().scorer()).isNotSameAs(scorer);
    }

    @Test
    void shouldRecordTheScoresOfTheRecordedNodeAgainstOthersUntilStopped() throws IOException {
        addCodes(20);
        CodeScorers scorers = new CodeScorers(codes, LENGTH, VectorSimilarityFunction.DOT_PRODUCT);
        UpdateableRandomVectorScorer linking = scorers.scorer();
        RandomVectorScorer lookup = scorers.scorer(randomCode());
        ScoredVisits visits = new ScoredVisits();

        scorers.record(5, visits);
        linking.setScoringOrdinal(5);
        linking.bulkScore(new int[] {1, 2}, new float[2], 2);
        float third = linking.score(3);
        // Another node's scores (as when linking checks its neighbours' diversity), and a lookup's: not recorded.
        linking.setScoringOrdinal(6);
        linking.score(4);
        lookup.score(7);
        linking.setScoringOrdinal(5);
        scorers.stopRecording();
        linking.score(8);

        assertThat(visits.size()).isEqualTo(3);
        assertThat(visits.best(3, node -> true)).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(visits.best(1, node -> node == 3)).containsExactly(3);
        assertThat(third).isEqualTo(VectorSimilarityFunction.DOT_PRODUCT.compare(codes.get(5), codes.get(3)));
    }

    private void addCodes(int count) {
        for (int i = 0; i < count; i++) {
            codes.add(randomCode());
        }
    }

    private byte[] randomCode() {
        byte[] code = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = (byte) (random.nextInt(255) - 127);
        }
        return code;
    }

    private int[] randomNodes(int count) {
        int[] nodes = new int[count];
        for (int i = 0; i < count; i++) {
            nodes[i] = random.nextInt(codes.size());
        }
        return nodes;
    }
}
