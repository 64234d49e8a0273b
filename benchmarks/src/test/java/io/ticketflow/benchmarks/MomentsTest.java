package io.ticketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MomentsTest {

    @Test
    void shouldComputeTheMeanAndTheUnbiasedCovariance() {
        Moments moments = Moments.of(new float[][] {{1, 0}, {0, 1}, {1, 1}});

        assertThat(moments.mean()).containsExactly(new double[] {2.0 / 3, 2.0 / 3}, within(1e-12));
        // Deviations (1/3, -2/3), (-2/3, 1/3), (1/3, 1/3): sums of products 2/3 (each variance), -1/3, over n - 1 = 2.
        assertThat(moments.covariance()[0][0]).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(moments.covariance()[1][1]).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(moments.covariance()[1][0]).isCloseTo(-1.0 / 6, within(1e-12));
        assertThat(moments.trace()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(moments.meanSquared()).isCloseTo(8.0 / 9, within(1e-12));
    }

    @Test
    void shouldCountTheDirectionsASampleSpreadsOver() {
        Random random = new Random(7);
        float[][] isotropic = new float[20_000][8];
        float[][] line = new float[1_000][8];
        for (int i = 0; i < isotropic.length; i++) {
            for (int d = 0; d < 8; d++) {
                isotropic[i][d] = (float) random.nextGaussian();
            }
        }
        for (int i = 0; i < line.length; i++) {
            float along = (float) random.nextGaussian();
            for (int d = 0; d < 8; d++) {
                line[i][d] = along * (d + 1);
            }
        }

        assertThat(Moments.of(isotropic).participationRatio()).isCloseTo(8, within(0.1));
        assertThat(Moments.of(line).participationRatio()).isCloseTo(1, within(1e-6));
        assertThat(Moments.of(isotropic).meanCosine()).isCloseTo(0, within(0.01));
    }

    @Test
    void shouldRefuseASampleOfOne() {
        assertThatThrownBy(() -> Moments.of(new float[][] {{1, 0}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two");
    }
}
