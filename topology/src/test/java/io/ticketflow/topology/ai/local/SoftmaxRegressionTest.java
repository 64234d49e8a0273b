package io.ticketflow.topology.ai.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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

        assertThat(mostProbable(model, row(0))).isZero();
        assertThat(mostProbable(model, row(1))).isEqualTo(1);
        assertThat(mostProbable(model, row(2))).isEqualTo(2);
    }

    @Test
    void shouldTrainTheSameModelFromTheSameData() {
        SoftmaxRegression first = SoftmaxRegression.train(ROWS, LABELS, 3, 4, 2, 0.5);
        SoftmaxRegression second = SoftmaxRegression.train(ROWS, LABELS, 3, 4, 2, 0.5);
        SparseFeatures mixed = new SparseFeatures(new int[] {0, 1, 3}, new float[] {0.5f, 0.6f, 1});

        assertThat(second.probabilities(mixed)).containsExactly(first.probabilities(mixed));
    }

    @Test
    void shouldReadBackTheModelItWrote() throws IOException {
        SoftmaxRegression trained = SoftmaxRegression.train(ROWS, LABELS, 3, 4, 2, 0.5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trained.writeTo(new DataOutputStream(bytes));

        SoftmaxRegression read =
                SoftmaxRegression.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        SparseFeatures mixed = new SparseFeatures(new int[] {0, 2, 3}, new float[] {0.3f, 0.9f, 1});
        assertThat(read.probabilities(mixed)).containsExactly(trained.probabilities(mixed));
        assertThat(read.classes()).isEqualTo(3);
        assertThat(read.features()).isEqualTo(4);
    }

    private static int mostProbable(SoftmaxRegression model, SparseFeatures x) {
        double[] probabilities = model.probabilities(x);
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return best;
    }
}
