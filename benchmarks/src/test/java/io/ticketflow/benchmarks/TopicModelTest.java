package io.ticketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TopicModelTest {

    private static final int DIMENSIONS = 64;

    @Test
    void shouldPutTicketsOfARandomTopicAtCosineAboutTheTopicCosineAndOfDifferentTopicsAtZero() {
        Random random = new Random(1);
        TopicModel model = new RandomTopics(384);

        assertThat(meanCosineWithinTopics(model, random)).isCloseTo(TopicModel.TOPIC_COSINE, within(0.02));
        assertThat(meanCosineAcrossTopics(model, random)).isCloseTo(0, within(0.02));
    }

    @Test
    void shouldGenerateTicketsWithTheSamplesMeanCosineAndSpreadAndTopicsAtTheTopicCosine() {
        Random random = new Random(2);
        float[][] sample = anisotropicUnitVectors(4_000, random);
        Moments real = Moments.of(sample);
        TopicModel model = FittedTopics.fit(sample, "the sample");

        float[][] generated = new float[4_000][];
        for (int i = 0; i < generated.length; i++) {
            generated[i] = model.ticket(model.centre(random), random);
        }
        Moments fitted = Moments.of(generated);

        assertThat(model.dimensions()).isEqualTo(DIMENSIONS);
        assertThat(fitted.meanCosine()).isCloseTo(real.meanCosine(), within(0.03));
        assertThat(fitted.participationRatio())
                .isCloseTo(real.participationRatio(), within(0.1 * real.participationRatio()));
        assertThat(meanCosineWithinTopics(model, random)).isCloseTo(TopicModel.TOPIC_COSINE, within(0.05));
        assertThat(meanCosineAcrossTopics(model, random)).isCloseTo(real.meanCosine(), within(0.05));
        assertThat(model.description()).contains("4,000 embeddings of the sample");
    }

    @Test
    void shouldFactoriseACovariance() {
        double[][] covariance = {{4, 0, 0}, {2, 5, 0}, {-2, 1, 6}}; // lower triangle of a symmetric matrix
        float[][] factor = FittedTopics.cholesky(covariance, 0);

        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                double product = 0;
                for (int k = 0; k < 3; k++) {
                    product += factor[i][k] * factor[j][k];
                }
                assertThat(product).as("(L Lᵀ)[%d][%d]", i, j).isCloseTo(covariance[i][j], within(1e-5));
            }
        }
        assertThat(factor[0][1]).isZero();
    }

    @Test
    void shouldRefuseSamplesItCannotFit() {
        Random random = new Random(3);
        assertThatThrownBy(() -> FittedTopics.fit(anisotropicUnitVectors(DIMENSIONS, random), "few"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs more than 64");
        float[][] alike = new float[100][DIMENSIONS];
        for (float[] vector : alike) {
            vector[0] = 1;
            vector[1] = (float) (0.01 * random.nextGaussian());
            TopicModel.normalised(vector);
        }
        assertThatThrownBy(() -> FittedTopics.fit(alike, "alike"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too alike");
    }

    /**
     * Unit vectors shaped like real embeddings, if in fewer dimensions: a common direction holding a fifth of their
     * squared length (a mean cosine near 0.2), the rest spread unevenly over the dimensions (variance falling as 1 / (1
     * + d/16): a participation ratio near 50 of 64).
     */
    private static float[][] anisotropicUnitVectors(int count, Random random) {
        double spread = 0;
        for (int d = 0; d < DIMENSIONS; d++) {
            spread += 1 / (1 + d / 16.0);
        }
        float[][] vectors = new float[count][DIMENSIONS];
        for (float[] vector : vectors) {
            vector[0] = (float) Math.sqrt(0.2);
            for (int d = 0; d < DIMENSIONS; d++) {
                vector[d] += (float) (random.nextGaussian() * Math.sqrt(0.8 / spread / (1 + d / 16.0)));
            }
            TopicModel.normalised(vector);
        }
        return vectors;
    }

    private static double meanCosineWithinTopics(TopicModel model, Random random) {
        double sum = 0;
        for (int i = 0; i < 1_000; i++) {
            float[] centre = model.centre(random);
            sum += dot(model.ticket(centre, random), model.ticket(centre, random));
        }
        return sum / 1_000;
    }

    private static double meanCosineAcrossTopics(TopicModel model, Random random) {
        double sum = 0;
        for (int i = 0; i < 1_000; i++) {
            sum += dot(model.ticket(model.centre(random), random), model.ticket(model.centre(random), random));
        }
        return sum / 1_000;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return sum;
    }
}
