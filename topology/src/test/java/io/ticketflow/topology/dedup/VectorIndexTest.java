package io.ticketflow.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;

class VectorIndexTest {

    private static final double DUPLICATE_THRESHOLD = 0.91;
    /** A saved index's header without a walk basis: dimensions, scale, size, whether one was tried, whether one follows. */
    private static final int HEADER = 4 + 4 + 1 + 1 + 4;

    private final Random random = new Random(7);
    private final List<float[]> centres = new ArrayList<>();

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
    void shouldFindEveryVectorAboveTheDuplicateThresholdThatExactSearchFinds() {
        VectorIndex index = new VectorIndex(64);
        List<float[]> all = new ArrayList<>();
        // Enough vectors that the first lookup links them on worker threads, then more linked one by one.
        for (int i = 0; i < 6000; i++) {
            putClustered(index, all, i);
        }
        for (int i = 6000; i < 6500; i++) {
            index.nearest(randomUnit(64), 1, 10);
            putClustered(index, all, i);
        }

        assertThat(recall(index, all)).isGreaterThanOrEqualTo(0.99);
        assertThat(index.walkDimensions())
                .as("centres in every direction: no walk basis")
                .isEqualTo(64);
    }

    @Test
    void shouldWalkAFewDirectionsOfVectorsThatSpanFewAndStillFindEveryNearDuplicate() {
        VectorIndex index = new VectorIndex(64);
        // The basis is fitted when the index reaches 4,096 vectors.
        List<float[]> all = addedOneByOne(index, this::fewDirections);

        assertThat(index.walkDimensions()).isBetween(1, 8);
        assertThat(recall(index, all)).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void shouldFitTheWalkBasisAgainWhenRemovalsRebuildTheGraph() {
        VectorIndex index = new VectorIndex(64);
        List<float[]> all = new ArrayList<>();
        IntStream.range(0, 5000).forEach(i -> all.add(fewDirections(all, i)));
        IntStream.range(0, 5000).forEach(i -> index.put("k" + i, all.get(i)));
        index.nearest(all.getFirst(), 1, 10);
        int fitted = index.walkDimensions();
        // Then the vectors turn random, and the old ones leave: more removals than live keys rebuild the graph.
        for (int i = 5000; i < 10500; i++) {
            all.add(randomUnit(64));
            index.put("k" + i, all.getLast());
            index.remove("k" + (i - 5000));
        }

        assertThat(index.nearest(all.get(7777), 1, 50).getFirst().key()).isEqualTo("k7777");
        assertThat(fitted).isLessThan(32);
        assertThat(index.walkDimensions())
                .as("refitted to random vectors: none")
                .isEqualTo(64);
    }

    /**
     * Of 300 fresh near-duplicates of random vectors of {@code all} (key "k" + position), the share of the vectors of
     * {@code all} at or above the duplicate threshold that the index's 50 nearest hold.
     */
    private double recall(VectorIndex index, List<float[]> all) {
        int expected = 0;
        int found = 0;
        for (int q = 0; q < 300; q++) {
            float[] query = near(all.get(random.nextInt(all.size())), 0.03);
            Set<String> answered = new HashSet<>();
            index.nearest(query, 50, 100).forEach(neighbour -> answered.add(neighbour.key()));
            for (int i = 0; i < all.size(); i++) {
                if (VectorUtil.dotProduct(query, all.get(i)) >= DUPLICATE_THRESHOLD) {
                    expected++;
                    found += answered.contains("k" + i) ? 1 : 0;
                }
            }
        }

        assertThat(expected).isGreaterThan(300);
        return (double) found / expected;
    }

    @Test
    void shouldFindEveryVectorAboveTheDuplicateThresholdInAGraphLinkedOneByOne() {
        VectorIndex index = new VectorIndex(64);
        List<float[]> all = addedOneByOne(index, this::clustered);

        assertThat(recall(index, all)).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void shouldAnswerAPutVectorsNearestAtLeastAsWellAsALookupBeforeThePut() {
        VectorIndex index = new VectorIndex(64);
        VectorIndex lookedUpThenPut = new VectorIndex(64);
        List<float[]> all = new ArrayList<>();
        int expected = 0;
        int found = 0;
        int foundBefore = 0;
        // Past 4,096 vectors the graph is relinked on a walk basis; every other lookup is wider than the beam.
        for (int i = 0; i < 5000; i++) {
            float[] vector = fewDirections(all, i);
            int searchWidth = i % 2 == 0 ? 50 : 150;
            List<VectorIndex.Neighbour> answered = index.putNearest("k" + i, vector, 50, searchWidth);
            Set<String> before = keys(lookedUpThenPut.nearest(vector, 50, searchWidth));
            lookedUpThenPut.put("k" + i, vector);

            for (VectorIndex.Neighbour neighbour : answered) {
                int position = Integer.parseInt(neighbour.key().substring(1));
                assertThat(position).isLessThan(i);
                assertThat(neighbour.cosine()).isEqualTo(VectorUtil.dotProduct(vector, all.get(position)), within());
            }
            assertThat(answered)
                    .extracting(VectorIndex.Neighbour::cosine)
                    .isSortedAccordingTo(Comparator.reverseOrder());
            Set<String> keys = keys(answered);
            int above = 0;
            for (int earlier = 0; earlier < i; earlier++) {
                if (VectorUtil.dotProduct(vector, all.get(earlier)) >= DUPLICATE_THRESHOLD) {
                    above++;
                    found += keys.contains("k" + earlier) ? 1 : 0;
                    foundBefore += before.contains("k" + earlier) ? 1 : 0;
                }
            }
            // Tight clusters hold more than 50 above the threshold: the 50 answered can hold only 50 of them.
            expected += Math.min(above, 50);
            all.add(vector);
        }

        assertThat(index.size()).isEqualTo(5000);
        assertThat(index.walkDimensions()).isLessThan(64);
        assertThat(expected).isGreaterThan(500);
        assertThat(found).isGreaterThanOrEqualTo(foundBefore);
        assertThat((double) found / expected).isGreaterThanOrEqualTo(0.99);
    }

    private static Set<String> keys(List<VectorIndex.Neighbour> neighbours) {
        Set<String> keys = new HashSet<>();
        neighbours.forEach(neighbour -> keys.add(neighbour.key()));
        return keys;
    }

    @Test
    void shouldNeverAnswerAPutVectorsOwnKeyNorItsEarlierVector() {
        VectorIndex index = new VectorIndex(16);
        float[] first = randomUnit(16);
        index.put("a", first);
        IntStream.range(0, 200).forEach(i -> index.put("other" + i, randomUnit(16)));
        float[] update = near(first, 0.01);

        // 100 from the linking's own search (its beam), all 200 others from a search of its own.
        assertThat(index.putNearest("a", update, 100, 50))
                .hasSize(100)
                .extracting(VectorIndex.Neighbour::key)
                .doesNotContain("a");
        assertThat(index.putNearest("a", update, 300, 50))
                .hasSize(200)
                .extracting(VectorIndex.Neighbour::key)
                .doesNotContain("a");
        assertThat(index.nearest(update, 1, 50).getFirst().key()).isEqualTo("a");
        assertThat(index.size()).isEqualTo(201);
        assertThat(new VectorIndex(16).putNearest("first", randomUnit(16), 10, 50))
                .isEmpty();
    }

    @Test
    void shouldAnswerExactCosinesInExactOrderDespiteQuantisation() {
        VectorIndex index = new VectorIndex(64);
        float[] query = randomUnit(64);
        // Closer to each other than the graph's int8 codes can tell apart: only the exact re-scoring orders them.
        float[] nearer = near(query, 0.0005);
        float[] farther = near(nearer, 0.0005);
        double nearerCosine = VectorUtil.dotProduct(query, nearer);
        double fartherCosine = VectorUtil.dotProduct(query, farther);
        index.put("nearer", nearerCosine >= fartherCosine ? nearer : farther);
        index.put("farther", nearerCosine >= fartherCosine ? farther : nearer);
        IntStream.range(0, 500).forEach(i -> index.put("other" + i, randomUnit(64)));

        List<VectorIndex.Neighbour> nearest = index.nearest(query, 2, 50);

        assertThat(nearest).extracting(VectorIndex.Neighbour::key).containsExactly("nearer", "farther");
        assertThat(nearest.getFirst().cosine()).isEqualTo(Math.max(nearerCosine, fartherCosine), within());
        assertThat(nearest.getLast().cosine()).isEqualTo(Math.min(nearerCosine, fartherCosine), within());
    }

    @Test
    void shouldLinkABulkOnTheThreadsItIsGiven() {
        VectorIndex index = new VectorIndex(16);
        index.linkingWorkers(1);
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            vectors.add(randomUnit(16));
            index.put("k" + i, vectors.getLast());
        }

        for (int i = 0; i < 5000; i += 499) {
            assertThat(index.nearest(vectors.get(i), 1, 50).getFirst().key()).isEqualTo("k" + i);
        }
        assertThatThrownBy(() -> index.linkingWorkers(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldForgetRemovedAndReplacedVectorsLinkedInBulk() {
        VectorIndex index = new VectorIndex(16);
        List<float[]> original = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            original.add(randomUnit(16));
            index.put("k" + i, original.getLast());
        }
        index.nearest(randomUnit(16), 1, 10);
        float[] moved = randomUnit(16);
        index.put("k7", moved);
        index.remove("k8");

        assertThat(index.size()).isEqualTo(4999);
        assertThat(index.nearest(moved, 1, 50).getFirst().key()).isEqualTo("k7");
        assertThat(index.nearest(original.get(7), 5, 50))
                .extracting(VectorIndex.Neighbour::key)
                .doesNotContain("k7");
        assertThat(index.nearest(original.get(8), 5, 50))
                .extracting(VectorIndex.Neighbour::key)
                .doesNotContain("k8");
    }

    @Test
    void shouldRestoreASavedIndexThatFindsWhatTheOriginalFound() throws IOException {
        VectorIndex original = new VectorIndex(64);
        List<float[]> all = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            putClustered(original, all, i);
        }
        original.nearest(randomUnit(64), 1, 10);
        Map<String, float[]> store = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            store.put("k" + i, all.get(i));
        }

        VectorIndex restored = VectorIndex.restore(saved(original), store::get).orElseThrow();

        assertThat(restored.size()).isEqualTo(6000);
        for (int q = 0; q < 200; q++) {
            float[] stored = all.get(random.nextInt(all.size()));
            assertThat(restored.nearest(stored, 10, 100))
                    .as("query %d", q)
                    .isEqualTo(original.nearest(stored, 10, 100));
        }
    }

    @Test
    void shouldRestoreTheWalkBasisWithTheGraph() throws IOException {
        VectorIndex original = new VectorIndex(64);
        Map<String, float[]> store = new HashMap<>();
        List<float[]> all = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            all.add(fewDirections(all, i));
            store.put("k" + i, all.getLast());
            original.put("k" + i, all.getLast());
        }
        original.nearest(all.getFirst(), 1, 10);

        VectorIndex restored = VectorIndex.restore(saved(original), store::get).orElseThrow();

        assertThat(original.walkDimensions()).isLessThan(64);
        assertThat(restored.walkDimensions()).isEqualTo(original.walkDimensions());
        assertThat(restored.size())
                .as("every saved code made again by the restored basis")
                .isEqualTo(5000);
        for (int q = 0; q < 100; q++) {
            float[] stored = all.get(random.nextInt(all.size()));
            assertThat(restored.nearest(stored, 10, 100)).isEqualTo(original.nearest(stored, 10, 100));
        }
        float[] added = fewDirections(all, 5000);
        restored.put("added", added);
        assertThat(restored.nearest(added, 1, 50).getFirst().key()).isEqualTo("added");
    }

    @Test
    void shouldRestoreOnlyVectorsTheStoreStillHoldsUnchangedAndLinkNewOnes() throws IOException {
        Map<String, float[]> store = new HashMap<>();
        VectorIndex original = randomIndex(3000, 16, store);
        original.remove("k1");
        byte[] saved = bytes(original);
        // Since the snapshot: k2 left the store, k3 changed, k1 (removed before it) came back.
        store.remove("k2");
        float[] changed = randomUnit(16);
        store.put("k3", changed);

        VectorIndex restored = VectorIndex.restore(input(saved), store::get).orElseThrow();

        assertThat(restored.contains("k0")).isTrue();
        assertThat(restored.contains("k1")).as("removed when saved").isFalse();
        assertThat(restored.contains("k2")).as("gone from the store").isFalse();
        assertThat(restored.contains("k3")).as("changed in the store").isFalse();
        assertThat(restored.size()).isEqualTo(2997);
        // What the store has and the snapshot lacked is put again: one by one, then enough to link in bulk.
        restored.put("k1", store.get("k1"));
        restored.put("k3", changed);
        assertThat(restored.nearest(changed, 1, 50).getFirst().key()).isEqualTo("k3");
        assertThat(restored.nearest(store.get("k1"), 1, 50).getFirst().key()).isEqualTo("k1");
        List<float[]> added = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            added.add(randomUnit(16));
            restored.put("new" + i, added.getLast());
        }
        assertThat(restored.nearest(added.get(4321), 1, 50).getFirst().key()).isEqualTo("new4321");
        assertThat(restored.nearest(store.get("k7"), 1, 50).getFirst().key()).isEqualTo("k7");
        assertThat(restored.size()).isEqualTo(7999);
    }

    @Test
    void shouldComeBackEmptyWhenMostSavedVectorsAreGoneFromTheStore() throws IOException {
        Map<String, float[]> store = new HashMap<>();
        VectorIndex original = randomIndex(100, 8, store);
        byte[] saved = bytes(original);
        IntStream.range(0, 51).forEach(i -> store.remove("k" + i));

        assertThat(VectorIndex.restore(input(saved), store::get)).isEmpty();
    }

    @Test
    void shouldRestoreNothingForVectorsOfOtherDimensions() throws IOException {
        Map<String, float[]> store = new HashMap<>();
        byte[] saved = bytes(randomIndex(100, 8, store));
        // The store after a change of embedding model: the same keys, vectors of another length.
        store.replaceAll((key, vector) -> randomUnit(9));

        assertThat(VectorIndex.restore(input(saved), store::get)).isEmpty();
    }

    @Test
    void shouldRefuseAGraphSavedWithAnotherM() throws IOException {
        Map<String, float[]> store = new HashMap<>();
        byte[] saved = bytes(randomIndex(50, 8, store));
        // M follows the header (no walk basis), the keys ("k0" to "k49", each after its length), the codes and the
        // graph's size.
        int keys = 50 * Integer.BYTES + 10 * 2 + 40 * 3;
        int maxConnections = HEADER + keys + 50 * 8 + 4;
        assertThat(VectorIndex.restore(input(saved), store::get)).isPresent();

        ByteBuffer.wrap(saved).putInt(maxConnections, 8);

        assertThatThrownBy(() -> VectorIndex.restore(input(saved), store::get))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("linked with M 8, this build links with M 48");
    }

    @Test
    void shouldRefuseBytesThatAreNoSavedIndex() throws IOException {
        Map<String, float[]> store = new HashMap<>();
        VectorIndex original = randomIndex(50, 8, store);
        byte[] saved = bytes(original);
        byte[] truncated = Arrays.copyOf(saved, saved.length - 3);
        // The first neighbour of level 0 follows the header, the keys (a length and "k0" to "k49"), the codes, the
        // graph's header (size, M, levels, entry node), level 0's nodes and offsets, its count.
        int keys = 50 * Integer.BYTES + 10 * 2 + 40 * 3;
        int firstNeighbour = HEADER + keys + 50 * 8 + 4 * 4 + (4 + 50 * 4) + (4 + 51 * 4) + 4;
        byte[] strayNeighbour = saved.clone();
        Arrays.fill(strayNeighbour, firstNeighbour, firstNeighbour + 4, (byte) 0x7f);

        assertThatThrownBy(() -> VectorIndex.restore(input(truncated), store::get))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> VectorIndex.restore(input(strayNeighbour), store::get))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void shouldRefuseAVectorOfTheWrongLength() {
        VectorIndex index = new VectorIndex(3);

        assertThatThrownBy(() -> index.put("a", new float[2])).hasMessageContaining("2 dimensions");
    }

    /** An index of {@code count} random vectors "k0", "k1", ..., each also put into {@code store}. */
    private VectorIndex randomIndex(int count, int dimensions, Map<String, float[]> store) {
        VectorIndex index = new VectorIndex(dimensions);
        for (int i = 0; i < count; i++) {
            store.put("k" + i, randomUnit(dimensions));
            index.put("k" + i, store.get("k" + i));
        }
        return index;
    }

    private static DataInputStream saved(VectorIndex index) throws IOException {
        return input(bytes(index));
    }

    private static byte[] bytes(VectorIndex index) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        index.save().write(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static DataInputStream input(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    /**
     * 5,000 vectors from {@code next} (given those before and the position), added as the dedup stage adds them: each
     * looked up and put under key "k" + position at once.
     */
    private static List<float[]> addedOneByOne(VectorIndex index, BiFunction<List<float[]>, Integer, float[]> next) {
        List<float[]> all = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            float[] vector = next.apply(all, i);
            index.putNearest("k" + i, vector, 50, 50);
            all.add(vector);
        }
        return all;
    }

    /** Puts the {@code i}th {@link #clustered} vector under key "k" + i, and adds it to {@code all}. */
    private void putClustered(VectorIndex index, List<float[]> all, int i) {
        float[] vector = clustered(all, i);
        all.add(vector);
        index.put("k" + i, vector);
    }

    /** The {@code i}th vector: every tenth a near-duplicate of one of {@code earlier}, the rest around 100 centres. */
    private float[] clustered(List<float[]> earlier, int i) {
        if (centres.isEmpty()) {
            IntStream.range(0, 100).forEach(c -> centres.add(randomUnit(64)));
        }
        return i % 10 == 9
                ? near(earlier.get(random.nextInt(earlier.size())), 0.03)
                : near(centres.get(random.nextInt(centres.size())), 0.1);
    }

    /**
     * The {@code i}th vector of 64 dimensions that vary mostly along 6 of them, as real embeddings vary along a few
     * directions: around 30 centres in those 6, each ticket its centre plus noise along them and a little along all,
     * and every tenth a near-duplicate of one of {@code earlier}.
     */
    private float[] fewDirections(List<float[]> earlier, int i) {
        if (i % 10 == 9) {
            return near(earlier.get(random.nextInt(earlier.size())), 0.03);
        }
        int centre = random.nextInt(30);
        Random ofCentre = new Random(centre);
        float[] vector = new float[64];
        for (int d = 0; d < 64; d++) {
            double along = d < 6 ? ofCentre.nextGaussian() + random.nextGaussian() * 0.8 : 0;
            vector[d] = (float) (along + random.nextGaussian() * 0.02);
        }
        return unit(vector);
    }

    /** {@code vector} plus Gaussian noise of {@code deviation} per component, normalised. */
    private float[] near(float[] vector, double deviation) {
        float[] noisy = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            noisy[i] = (float) (vector[i] + random.nextGaussian() * deviation);
        }
        return unit(noisy);
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
