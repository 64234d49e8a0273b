package io.ticketflow.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WalkBasisTest {

    private static final int DIMENSIONS = 32;

    private final Random random = new Random(11);

    @Test
    void shouldKeepTheFewDirectionsHoldingMostOfTheVariance() {
        // As much variance along each of three oblique directions, a little along all: 80 % of it needs all three.
        List<float[]> directions = List.of(randomUnit(), randomUnit(), randomUnit());
        List<float[]> sample = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            sample.add(along(directions, 3, 3, 3));
        }

        WalkBasis basis = WalkBasis.fit(sample, DIMENSIONS).orElseThrow();

        assertThat(basis.size()).isEqualTo(3);
        assertThat(basis.code(sample.getFirst())).hasSize(3);
    }

    @Test
    void shouldGiveCodesWhoseDistancesRankLikeTheVectorsCosines() {
        List<float[]> directions = List.of(randomUnit(), randomUnit(), randomUnit(), randomUnit());
        List<float[]> sample = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            sample.add(unit(along(directions, 1, 1, 1, 1)));
        }
        WalkBasis basis = WalkBasis.fit(sample, DIMENSIONS).orElseThrow();
        float[] query = sample.getFirst();
        List<float[]> others = sample.subList(1, 200);

        List<Integer> byCosine = ranked(others, other -> -dot(query, other));
        List<Integer> byCodeDistance = ranked(others, other -> squareDistance(basis.code(query), basis.code(other)));

        // The discarded directions hold little here: the nearest by cosine are among the nearest by code.
        assertThat(byCodeDistance.subList(0, 10)).containsAll(byCosine.subList(0, 3));
    }

    @Test
    void shouldFitNoneToVectorsThatFillTheirDimensions() {
        List<float[]> sample = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            sample.add(randomUnit());
        }

        assertThat(WalkBasis.fit(sample, DIMENSIONS)).isEmpty();
    }

    @Test
    void shouldFitNoneToASampleThatDoesNotVary() {
        float[] same = randomUnit();

        assertThat(WalkBasis.fit(Collections.nCopies(100, same), DIMENSIONS)).isEmpty();
        assertThat(WalkBasis.fit(List.of(same), DIMENSIONS)).isEmpty();
    }

    @Test
    void shouldReadBackWhatItWroteAndRefuseNonsense() throws IOException {
        List<float[]> directions = List.of(randomUnit(), randomUnit());
        List<float[]> sample = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sample.add(along(directions, 3, 2));
        }
        WalkBasis basis = WalkBasis.fit(sample, DIMENSIONS).orElseThrow();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        basis.write(new DataOutputStream(bytes));

        WalkBasis read = WalkBasis.read(input(bytes.toByteArray()), DIMENSIONS);

        assertThat(read.code(sample.get(7))).isEqualTo(basis.code(sample.get(7)));
        byte[] tooMany = bytes.toByteArray();
        ByteBuffer.wrap(tooMany).putInt(0, DIMENSIONS + 1);
        assertThatThrownBy(() -> WalkBasis.read(input(tooMany), DIMENSIONS))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("33 components");
        byte[] noScale = bytes.toByteArray();
        ByteBuffer.wrap(noScale).putFloat(4, Float.NaN);
        assertThatThrownBy(() -> WalkBasis.read(input(noScale), DIMENSIONS)).isInstanceOf(IOException.class);
    }

    /** Gaussian amounts of {@code deviations[i]} along {@code directions[i]}, plus a little noise along every axis. */
    private float[] along(List<float[]> directions, double... deviations) {
        float[] vector = new float[DIMENSIONS];
        for (int d = 0; d < directions.size(); d++) {
            double amount = random.nextGaussian() * deviations[d];
            for (int i = 0; i < DIMENSIONS; i++) {
                vector[i] += (float) (amount * directions.get(d)[i]);
            }
        }
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] += (float) (random.nextGaussian() * 0.01);
        }
        return vector;
    }

    private static List<Integer> ranked(List<float[]> vectors, java.util.function.ToDoubleFunction<float[]> key) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            order.add(i);
        }
        order.sort(java.util.Comparator.comparingDouble(i -> key.applyAsDouble(vectors.get(i))));
        return order;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double squareDistance(byte[] a, byte[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return sum;
    }

    private float[] randomUnit() {
        float[] vector = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return unit(vector);
    }

    private static float[] unit(float[] vector) {
        double norm = Math.sqrt(dot(vector, vector));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    private static DataInputStream input(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }
}
