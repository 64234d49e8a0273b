package io.ticketflow.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VectorIndexTest {

    private final Random random = new Random(7);

    @Test
    void shouldFindTheNearestVectorsNearestFirst() {
        VectorIndex index = new VectorIndex(2);
        index.put("east", unit(1, 0));
        index.put("north-east", unit(1, 1));
        index.put("north", unit(0, 1));

        assertThat(index.nearest(unit(1, 0.1f), 2, 10))
                .extracting(VectorIndex.Neighbour::key)
                .containsExactly("east", "north-east");
        assertThat(index.nearest(unit(1, 0), 1, 10).getFirst().cosine()).isEqualTo(1.0, within());
    }

    @Test
    void shouldReplaceAndRemoveKeysEvenAcrossACompaction() {
        VectorIndex index = new VectorIndex(8);
        IntStream.range(0, 3000).forEach(i -> index.put("k" + i, randomUnit(8)));
        float[] target = randomUnit(8);
        index.put("k5", target);
        // More removals than live keys: the graph is rebuilt from the live vectors.
        IntStream.range(1000, 3000).forEach(i -> index.remove("k" + i));

        assertThat(index.size()).isEqualTo(1000);
        assertThat(index.nearest(target, 1, 50).getFirst().key()).isEqualTo("k5");
        assertThat(index.nearest(target, 1000, 1000))
                .extracting(VectorIndex.Neighbour::key)
                .doesNotContain("k1000", "k2999")
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldRefuseAVectorOfTheWrongLength() {
        VectorIndex index = new VectorIndex(3);

        assertThatThrownBy(() -> index.put("a", new float[2])).hasMessageContaining("2 dimensions");
    }

    private float[] randomUnit(int dimensions) {
        float[] vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return unit(vector);
    }

    private static float[] unit(float... vector) {
        double norm = 0;
        for (float component : vector) {
            norm += component * component;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / Math.sqrt(norm));
        }
        return unit;
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }
}
