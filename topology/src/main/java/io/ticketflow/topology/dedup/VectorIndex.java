package io.ticketflow.topology.dedup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.codecs.hnsw.DefaultFlatVectorScorer;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.RandomVectorScorer;

/**
 * An in-memory approximate nearest-neighbour index of unit vectors by key: Lucene's HNSW graph
 * ({@link HnswGraphBuilder}, M = 16, beam width 100), searched by dot product (the cosine of unit vectors).
 *
 * <p>An HNSW graph cannot drop a node, so a removed or replaced key leaves its node in the graph, excluded from every
 * answer; when removed nodes outnumber live ones the graph is rebuilt from the live vectors (amortised: each rebuild
 * follows at least as many removals as it re-inserts).
 *
 * <p>Not thread-safe: one stream thread owns it.
 */
public final class VectorIndex {

    private static final int MAX_CONNECTIONS = 16;
    private static final int BEAM_WIDTH = 100;
    private static final long SEED = 42;
    private static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    private final int dimensions;
    private List<float[]> vectors;
    private List<String> keys;
    private Map<String, Integer> ordinals;
    private FixedBitSet live;
    private FloatVectorValues values;
    private HnswGraphBuilder graph;

    /** An empty index of vectors with {@code dimensions} components. */
    public VectorIndex(int dimensions) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be positive, was " + dimensions);
        }
        this.dimensions = dimensions;
        clear();
    }

    /** A nearest key and the cosine similarity of its vector. */
    public record Neighbour(String key, double cosine) {}

    /** Number of keys in the index. */
    public int size() {
        return ordinals.size();
    }

    /** Vector length this index takes. */
    public int dimensions() {
        return dimensions;
    }

    /** Adds {@code vector} (unit length) under {@code key}, replacing any vector the key had. */
    public void put(String key, float[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException(
                    "Vector of " + vector.length + " dimensions, the index holds " + dimensions);
        }
        remove(key);
        int ordinal = vectors.size();
        vectors.add(vector);
        keys.add(key);
        ordinals.put(key, ordinal);
        live = FixedBitSet.ensureCapacity(live, ordinal);
        live.set(ordinal);
        try {
            graph.addGraphNode(ordinal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes {@code key}'s vector, if it has one. */
    public void remove(String key) {
        Integer ordinal = ordinals.remove(key);
        if (ordinal == null) {
            return;
        }
        // The vector stays: later insertions still walk the graph through its node.
        live.clear(ordinal);
        if (vectors.size() - ordinals.size() > Math.max(1024, ordinals.size())) {
            compact();
        }
    }

    /** Removes everything. */
    public void clear() {
        vectors = new ArrayList<>();
        keys = new ArrayList<>();
        ordinals = new HashMap<>();
        live = new FixedBitSet(64);
        values = FloatVectorValues.fromFloats(vectors, dimensions);
        try {
            graph = HnswGraphBuilder.create(
                    DefaultFlatVectorScorer.INSTANCE.getRandomVectorScorerSupplier(SIMILARITY, values),
                    MAX_CONNECTIONS,
                    BEAM_WIDTH,
                    SEED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The (approximately) {@code count} nearest keys to {@code query}, nearest first.
     *
     * @param searchWidth candidates the graph search keeps (HNSW's ef); at least {@code count}, larger finds the
     *     exact nearest more often at more cost
     */
    public List<Neighbour> nearest(float[] query, int count, int searchWidth) {
        if (ordinals.isEmpty()) {
            return List.of();
        }
        try {
            RandomVectorScorer scorer =
                    DefaultFlatVectorScorer.INSTANCE.getRandomVectorScorer(SIMILARITY, values, query);
            TopDocs top = HnswGraphSearcher.search(
                            scorer, Math.max(count, searchWidth), graph.getGraph(), live, Integer.MAX_VALUE)
                    .topDocs();
            List<Neighbour> nearest = new ArrayList<>(count);
            for (ScoreDoc hit : top.scoreDocs) {
                if (nearest.size() == count) {
                    break;
                }
                // Lucene scales dot product to (1 + dot) / 2 so that scores are positive.
                nearest.add(new Neighbour(keys.get(hit.doc), 2.0 * hit.score - 1.0));
            }
            return nearest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rebuilds the graph from the live vectors only, dropping the removed ones. */
    private void compact() {
        List<String> liveKeys = new ArrayList<>(ordinals.size());
        List<float[]> liveVectors = new ArrayList<>(ordinals.size());
        for (int ordinal = 0; ordinal < keys.size(); ordinal++) {
            if (live.get(ordinal)) {
                liveKeys.add(keys.get(ordinal));
                liveVectors.add(vectors.get(ordinal));
            }
        }
        clear();
        for (int i = 0; i < liveKeys.size(); i++) {
            put(liveKeys.get(i), liveVectors.get(i));
        }
    }
}
