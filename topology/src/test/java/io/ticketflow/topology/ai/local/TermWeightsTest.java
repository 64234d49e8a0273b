package io.ticketflow.topology.ai.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermWeightsTest {

    private final TermWeights weights = TermWeights.fit(
            List.of("printer jammed again", "printer offline", "password reset please", "printer jammed"), 2);

    @Test
    void shouldSplitIntoLowerCaseWordsAndAdjacentPairs() {
        assertThat(TermWeights.terms("Printer JAMMED, again!"))
                .containsExactly("printer", "printer jammed", "jammed", "jammed again", "again");
    }

    @Test
    void shouldKeepOnlyTermsOfEnoughTextsAndWeighRareOnesMore() {
        // "printer" (3 texts), "jammed" and "printer jammed" (2 each) are kept; the rest occur once.
        assertThat(weights.vocabularySize()).isEqualTo(3);

        SparseFeatures features = weights.features("printer jammed", null);

        assertThat(features.indexes()).hasSize(3);
        double norm = 0;
        for (float value : features.values()) {
            norm += value * value;
        }
        assertThat(norm).isCloseTo(1, within(1e-6));
        assertThat(features.values()[indexOf(features, "jammed")])
                .isGreaterThan(features.values()[indexOf(features, "printer")]);
    }

    @Test
    void shouldAppendTheEmbeddingAfterTheVocabulary() {
        SparseFeatures features = weights.features("unknown words only", new float[] {0.6f, 0.8f});

        assertThat(features.indexes()).containsExactly(3, 4);
        assertThat(features.values()).containsExactly(0.6f, 0.8f);
    }

    /** Where {@code term}'s feature is, found by featurising the term alone. */
    private int indexOf(SparseFeatures features, String term) {
        int feature = weights.features(term, null).indexes()[0];
        for (int i = 0; i < features.indexes().length; i++) {
            if (features.indexes()[i] == feature) {
                return i;
            }
        }
        throw new AssertionError(term + " not among the features");
    }
}
