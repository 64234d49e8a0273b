package io.ticketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {

    /** Three classes, each marked by its own feature, plus a feature every row shares. */
    private static final List<SparseFeatures> ROWS = List.of(row(0), row(0), row(1), row(1), row(2), row(2));

    private static final int[] LABELS = {0, 0, 1, 1, 2, 2};

    private static SparseFeatures row(int marker) {
        return new SparseFeatures(new int[] {marker, 3}, new float[] {1, 1});
    }

    @Test
    void shouldLearnWhichFeatureMarksWhichClass() {
        SoftmaxRegression model = SoftmaxRegression.train(ROWS, LABELS, 3, 4, 5, 0.5);

        assertThat(model.predict(row(0))).isZero();
        assertThat(model.predict(row(1))).isEqualTo(1);
        assertThat(model.predict(row(2))).isEqualTo(2);
    }

    @Test
    void shouldTrainTheSameModelFromTheSameData() {
        SoftmaxRegression first = SoftmaxRegression.train(ROWS, LABELS, 3, 4, 2, 0.5);
        SoftmaxRegression second = SoftmaxRegression.train(ROWS, LABELS, 3, 4, 2, 0.5);
        SparseFeatures mixed = new SparseFeatures(new int[] {0, 1, 3}, new float[] {0.5f, 0.6f, 1});

        assertThat(second.probabilities(mixed)).containsExactly(first.probabilities(mixed));
    }
}
