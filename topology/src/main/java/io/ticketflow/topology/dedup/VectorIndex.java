package io.ticketflow.topology.dedup;

import java.io.DataInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.VectorUtil;
import org.apache.lucene.util.hnsw.HnswConcurrentMergeBuilder;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.InitializedHnswGraphBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory approximate nearest-neighbour index of unit vectors by key: Lucene's HNSW graph ({@link
 * HnswGraphBuilder}, M = {@value #MAX_CONNECTIONS}, beam width {@value #BEAM_WIDTH}), answering by dot product (the
 * cosine of unit vectors).
 *
 * <p><b>int8 codes, exact answers.</b> The graph is built and walked on int8 scalar codes of the vectors (one fixed
 * scale for all, so the codes' dot product ranks like the cosine): a quarter of the memory traffic and faster dot
 * products than floats. The candidates a search returns are then re-scored with the exact float vectors, so every
 * cosine answered, and the order, is exact; quantisation can only make the walk miss a neighbour, which the recall
 * measurement of {@code benchmarks/run dedup-scale} bounds. {@link CodeScorers} scores them, reading each batch of
 * neighbours' codes ahead so that their cache misses overlap.
 *
 * <p><b>A walk basis, where the vectors have one.</b> Once it holds {@value #BASIS_MINIMUM} vectors, the index fits a
 * {@link WalkBasis} to them (the principal components holding most of their variance) and, when there is one (real
 * embeddings have: they spread over few directions), relinks its graph on codes of those components instead: about a
 * quarter of the length, so linking and walking cost less, with answers still scored exactly. Vectors with no such
 * basis (random ones) keep full-length codes. The basis is fitted again whenever the graph is rebuilt for removals,
 * so it follows what the index holds.
 *
 * <p><b>One search to look up and link.</b> The dedup stage looks every ticket up among the earlier ones and then
 * keeps it. Linking a vector into the graph is itself a search for its nearest nodes, wider than a lookup's (the beam,
 * {@value #BEAM_WIDTH}), so {@link #putNearest} links the vector at once and answers from the nodes that linking scored
 * ({@link CodeScorers#record}) instead of searching the graph a second time.
 *
 * <p><b>Lazy, bulk graph building.</b> {@link #put} only records the vector; the graph takes it in at the next {@link
 * #nearest} or {@link #putNearest}. Many pending vectors (a rebuild from the store, a compaction) are linked by {@link
 * HnswConcurrentMergeBuilder} on one worker per processor, so that a task's initialisation is not bound to one core; a
 * few, one by one on the calling thread.
 *
 * <p><b>Memory.</b> The index keeps the caller's array, not a copy: a vector handed to {@link #put} must not be changed
 * afterwards (the dedup stage's {@link StoredTicket} embedding is that array, so each float embedding is held once);
 * its own additions are the int8 code (one byte a component) and the graph's links.
 *
 * <p><b>Removal.</b> An HNSW graph cannot drop a node, so a removed or replaced key leaves its node in the graph,
 * excluded from every answer; when removed nodes outnumber live ones the graph is rebuilt from the live vectors
 * (amortised: each rebuild follows at least as many removals as it re-inserts).
 *
 * <p><b>Saving.</b> {@link #save} copies the linked graph with each node's key and code, for {@link
 * SavedVectors#write} to write, and {@link #restore} reads it back for the vectors the caller still holds, so that a
 * task restarting on the same machine does not link every vector again (at a million, many minutes on two cores;
 * reading it back takes seconds). The floats are not saved: they
 * are the store's, and a node whose vector in the store no longer has its saved code is left out.
 *
 * <p>Not thread-safe: one stream thread owns it (the bulk build's workers are internal and joined before it returns).
 */
public final class VectorIndex {

    private static final Logger LOG = LoggerFactory.getLogger(VectorIndex.class);

    /**
     * Links a node keeps per level (twice as many on level 0). Embeddings of real text spread over a few dozen
     * directions, and among a million of them a walk on a sparse graph stops short of a near-duplicate: for a million
     * synthetic tickets with the mean and covariance of MiniLM's embeddings of real bug reports, the graph search found
     * 287 of 335 near-duplicates at M 16 (Lucene's default), 327 at 32, all 335 at 48, at p50 1.7, 2.4 and 2.8 ms a
     * lookup + insert and cold rebuilds of 303, 464 and 531 s ({@code benchmarks/run dedup-scale --like FOLDER}, 7
     * December 2026). A miss is a duplicate triaged again, so recall wins.
     */
    private static final int MAX_CONNECTIONS = 48;
    /**
     * Candidates kept while linking a new node (Lucene's default). Linking is most of a lookup + insert at scale and its
     * cost grows with the beam, but a narrower beam makes a graph the search finds its way through less well: at
     * 200,000 tickets (M 16, random topics) the graph search alone found all 335 exact matches above cosine 0.91 with
     * beam 100, 334 with 64, 326 with 50 and 284 with 32, at about 1.2, 0.8, 0.6 and 0.55 ms a lookup + insert; on
     * vectors shaped like real embeddings, beam 200 gained less recall per millisecond than M or the search width:
     * {@code benchmarks/run dedup-scale}, 6 and 7 December 2026. Linking a vector from the nodes its own lookup had
     * just found (Lucene's {@code addGraphNode} with entry points, which then takes min(beam / 2, 3 M) = 50 candidates)
     * halved a lookup + insert, but a graph linked that way ticket by ticket found only 326 of 335 near-duplicates at
     * 1M: tried and reverted ({@code benchmarks/README.md}).
     */
    private static final int BEAM_WIDTH = 100;
    /**
     * Codes clip components at ±this many times 1/sqrt(dimensions), the standard deviation of a random unit
     * vector's components: a clipped outlier only blurs the graph walk, never an answered cosine.
     */
    private static final double CLIP_DEVIATIONS = 6;

    private static final long SEED = 42;
    /**
     * Vectors from which the index fits a {@link WalkBasis}: enough for the covariance of a few hundred dimensions,
     * and relinking that many in bulk takes about a second, once (1.2 s, {@code benchmarks/run dedup-scale --count 8000
     * --rebuilt 1000 --like FOLDER}).
     */
    private static final int BASIS_MINIMUM = 4096;
    /** Most vectors a basis is fitted to, evenly spread over the index. */
    private static final int BASIS_SAMPLE = 8192;
    /**
     * Pending vectors from which linking them is worth worker threads: {@link HnswConcurrentMergeBuilder} hands out
     * batches of 2,048 nodes, so fewer would leave all but one worker idle.
     */
    private static final int BULK_BUILD_MINIMUM = 4096;

    /** Threads a bulk linking uses unless told otherwise: one per processor. */
    static final int DEFAULT_LINKING_WORKERS = Runtime.getRuntime().availableProcessors();

    /** Longest key a saved index may hold: far above any ticket id, low enough that a corrupt length cannot exhaust the heap. */
    private static final int MAX_KEY_BYTES = 1 << 16;

    private final int dimensions;
    private List<float[]> vectors;
    /** Each vector's int8 code (same ordinal), which the graph is built and walked on. */
    private List<byte[]> codes;
    /** Code units per unit of a component, for full-length codes. */
    private final float scale;
    /** The components codes are made of; {@code null} for full-length codes. */
    private WalkBasis basis;
    /** Whether a basis was fitted to this graph's vectors (found or not), so that it is not tried again. */
    private boolean basisTried;

    private List<String> keys;
    private Map<String, Integer> ordinals;
    private FixedBitSet live;
    private CodeScorers scorers;
    /** What linking a vector in {@link #putNearest} scored: the candidates of its lookup. */
    private final ScoredVisits visits = new ScoredVisits();

    private HnswGraphBuilder graph;
    /** Ordinals below this are linked into the graph; the rest are pending. */
    private int linked;
    /** Threads a bulk linking uses. */
    private int workers = DEFAULT_LINKING_WORKERS;

    /** An empty index of vectors with {@code dimensions} components. */
    public VectorIndex(int dimensions) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be positive, was " + dimensions);
        }
        this.dimensions = dimensions;
        this.scale = (float) (127 * Math.sqrt(dimensions) / CLIP_DEVIATIONS);
        clear();
    }

    /** A nearest key and the cosine similarity of its vector. */
    public record Neighbour(String key, double cosine) {}

    /** Number of keys in the index. */
    public int size() {
        return ordinals.size();
    }

    /**
     * Links many pending vectors on at most {@code workers} threads from now on (by default one per processor): a
     * background job that must leave cores to the stream threads asks for fewer.
     */
    void linkingWorkers(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be positive, was " + workers);
        }
        this.workers = workers;
    }

    /** Vector length this index takes. */
    public int dimensions() {
        return dimensions;
    }

    /**
     * Adds {@code vector} (unit length) under {@code key}, replacing any vector the key had. The index keeps {@code
     * vector} itself: the caller must not change it afterwards.
     */
    public void put(String key, float[] vector) {
        checkLength(vector);
        remove(key);
        append(key, vector);
    }

    /**
     * Adds {@code vector} as {@link #put} does, links it into the graph at once, and answers the (approximately) {@code
     * count} nearest other keys to it, nearest first: what {@link #nearest} would have answered just before the put,
     * with one graph search instead of two. Linking a vector searches the graph for its nearest {@value #BEAM_WIDTH}
     * nodes (the beam), at least as wide as a lookup's search; the best {@value #BEAM_WIDTH} of the nodes it scored are
     * scored again exactly and the nearest {@code count} answered. When {@code count} or {@code searchWidth} is wider
     * than the beam, the lookup searches on its own, as wide as asked.
     *
     * @param searchWidth candidates the answer is chosen from (HNSW's ef); up to {@value #BEAM_WIDTH} it makes no
     *     difference, the beam's are taken
     */
    public List<Neighbour> putNearest(String key, float[] vector, int count, int searchWidth) {
        checkLength(vector);
        remove(key);
        try {
            // The vectors put before are linked first, so that the new one is the only one linked here.
            linkPending();
            int node = append(key, vector);
            int candidates = Math.max(count, searchWidth);
            if (candidates > BEAM_WIDTH) {
                graph.addGraphNode(node);
                linked++;
                live.clear(node);
                try {
                    return searchLinked(vector, count, candidates);
                } finally {
                    live.set(node);
                }
            }
            visits.clear();
            scorers.record(node, visits);
            try {
                graph.addGraphNode(node);
            } finally {
                scorers.stopRecording();
            }
            linked++;
            // The whole beam is scored exactly: 100 dot products of floats cost little beside the linking.
            return exactlyNearest(
                    vector, visits.best(BEAM_WIDTH, ordinal -> ordinal != node && live.get(ordinal)), count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkLength(float[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException(
                    "Vector of " + vector.length + " dimensions, the index holds " + dimensions);
        }
    }

    /** Adds {@code vector} under {@code key}, which has none, as a pending node; its ordinal. */
    private int append(String key, float[] vector) {
        int ordinal = vectors.size();
        vectors.add(vector);
        codes.add(code(vector));
        keys.add(key);
        ordinals.put(key, ordinal);
        live = FixedBitSet.ensureCapacity(live, ordinal);
        live.set(ordinal);
        return ordinal;
    }

    /** Whether {@code key} has a vector here. */
    public boolean contains(String key) {
        return ordinals.containsKey(key);
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
        clear(null, false);
    }

    /** Removes everything, and makes codes with {@code basis} from now on ({@code null}: full-length codes). */
    private void clear(WalkBasis basis, boolean basisTried) {
        vectors = new ArrayList<>();
        codes = new ArrayList<>();
        keys = new ArrayList<>();
        ordinals = new HashMap<>();
        live = new FixedBitSet(64);
        linked = 0;
        this.basis = basis;
        this.basisTried = basisTried;
        try {
            scorers = new CodeScorers(codes, walkDimensions(), similarity());
            graph = HnswGraphBuilder.create(scorers, MAX_CONNECTIONS, BEAM_WIDTH, SEED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Length of the codes the graph is linked and walked on: the basis's components, or else the vectors' dimensions.
     */
    int walkDimensions() {
        return basis == null ? dimensions : basis.size();
    }

    /**
     * How codes are compared: full-length codes by dot product (the cosine of unit vectors, scaled), a basis's by
     * Euclidean distance, which ranks as the cosine does and, unlike the dot product, does not depend on the
     * centring.
     */
    private VectorSimilarityFunction similarity() {
        return basis == null ? VectorSimilarityFunction.DOT_PRODUCT : VectorSimilarityFunction.EUCLIDEAN;
    }

    /**
     * The (approximately) {@code count} nearest keys to {@code query}, nearest first. Links pending vectors into the
     * graph first.
     *
     * @param searchWidth candidates the graph search keeps (HNSW's ef); at least {@code count}, larger finds the
     *     exact nearest more often at more cost
     */
    public List<Neighbour> nearest(float[] query, int count, int searchWidth) {
        if (ordinals.isEmpty()) {
            return List.of();
        }
        try {
            linkPending();
            return searchLinked(query, count, Math.max(count, searchWidth));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code count} nearest live keys to {@code query} by a graph search keeping {@code candidates}. */
    private List<Neighbour> searchLinked(float[] query, int count, int candidates) throws IOException {
        ScoreDoc[] hits = HnswGraphSearcher.search(
                        scorers.scorer(code(query)), candidates, graph.getGraph(), live, Integer.MAX_VALUE)
                .topDocs()
                .scoreDocs;
        int[] found = new int[hits.length];
        Arrays.setAll(found, i -> hits[i].doc);
        return exactlyNearest(query, found, count);
    }

    /**
     * The {@code count} nearest to {@code query} of the nodes {@code found}, by their exact vectors: the codes only
     * steer the walk, every cosine answered and the order are the floats'.
     */
    private List<Neighbour> exactlyNearest(float[] query, int[] found, int count) {
        List<Neighbour> nearest = new ArrayList<>(found.length);
        for (int ordinal : found) {
            nearest.add(new Neighbour(keys.get(ordinal), VectorUtil.dotProduct(query, vectors.get(ordinal))));
        }
        nearest.sort(Comparator.comparingDouble(Neighbour::cosine).reversed());
        return nearest.size() > count ? List.copyOf(nearest.subList(0, count)) : nearest;
    }

    /**
     * A copy of the index — each graph node's key (none once removed), int8 code and links — for an {@link
     * IndexSnapshot} to write while this index changes, linking pending vectors first (the last one put, usually), so
     * that what is saved is whole.
     */
    public SavedVectors save() {
        try {
            linkPending();
            String[] savedKeys = new String[linked];
            for (int ordinal = 0; ordinal < linked; ordinal++) {
                savedKeys[ordinal] = live.get(ordinal) ? keys.get(ordinal) : null;
            }
            return new SavedVectors(
                    dimensions,
                    scale,
                    basisTried,
                    basis,
                    savedKeys,
                    List.copyOf(codes.subList(0, linked)),
                    linked > 0 ? SavedGraph.copyOf(graph.getGraph(), linked) : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An index restored from what {@link SavedVectors#write} wrote, holding of the saved keys those for which {@code
     * vectorOf} still answers a vector with the saved code; the rest of the graph's nodes stay in it as removed ones.
     * Empty when fewer than half are still current (none at all, for instance, after a change of embedding model): the
     * saved graph is then not worth walking through.
     *
     * @param vectorOf the vector a key has now (the store's), or {@code null} when it has none; kept, not copied
     * @throws IOException when the bytes are not a saved index, or one whose graph was linked with another M than this
     *     build's (after an upgrade that changed it)
     */
    public static Optional<VectorIndex> restore(DataInput in, Function<String, float[]> vectorOf) throws IOException {
        int dimensions = in.readInt();
        float scale = in.readFloat();
        int size = in.readInt();
        if (dimensions < 1 || size < 0) {
            throw new IOException("Not a saved vector index: " + dimensions + " dimensions, " + size + " vectors");
        }
        VectorIndex index = new VectorIndex(dimensions);
        if (scale != index.scale) {
            throw new IOException(
                    "Saved vector index quantised with scale " + scale + ", this build uses " + index.scale);
        }
        boolean basisTried = in.readBoolean();
        WalkBasis basis = in.readBoolean() ? WalkBasis.read(in, dimensions) : null;
        index.clear(basis, basisTried);
        String[] savedKeys = new String[size];
        for (int ordinal = 0; ordinal < size; ordinal++) {
            savedKeys[ordinal] = readKey(in);
        }
        for (int ordinal = 0; ordinal < size; ordinal++) {
            byte[] code = new byte[index.walkDimensions()];
            in.readFully(code);
            index.codes.add(code);
        }
        if (size == 0) {
            return Optional.empty();
        }
        SavedGraph saved = SavedGraph.read(in);
        if (saved.size() != size) {
            throw new IOException("Saved vector index of " + size + " vectors with a graph of " + saved.size());
        }
        if (saved.maxConn() != MAX_CONNECTIONS) {
            // The graph would go on growing with the saved M, not this build's: link everything anew, once.
            throw new IOException("Saved vector index linked with M " + saved.maxConn() + ", this build links with M "
                    + MAX_CONNECTIONS);
        }
        for (int ordinal = 0; ordinal < size; ordinal++) {
            index.restoreNode(ordinal, savedKeys[ordinal], vectorOf);
        }
        if (index.size() * 2 < size) {
            return Optional.empty();
        }
        int[] sameOrdinals = new int[size];
        Arrays.setAll(sameOrdinals, ordinal -> ordinal);
        // No final size (-1): a graph given one refuses to grow, and this one takes every later put.
        index.graph = InitializedHnswGraphBuilder.fromGraph(
                index.scorers, BEAM_WIDTH, SEED, saved, sameOrdinals, new OrdinalsBelow(size), -1);
        index.linked = size;
        return Optional.of(index);
    }

    /** Takes saved node {@code ordinal} (its code already added) live when {@code key}'s vector still has that code. */
    private void restoreNode(int ordinal, String key, Function<String, float[]> vectorOf) {
        float[] vector = key == null ? null : vectorOf.apply(key);
        boolean current = vector != null
                && vector.length == dimensions
                && !ordinals.containsKey(key)
                && Arrays.equals(code(vector), codes.get(ordinal));
        vectors.add(current ? vector : null);
        keys.add(current ? key : null);
        live = FixedBitSet.ensureCapacity(live, ordinal);
        if (current) {
            ordinals.put(key, ordinal);
            live.set(ordinal);
        }
    }

    private static String readKey(DataInput in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > MAX_KEY_BYTES) {
            throw new IOException("Saved vector index: a key of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Links every pending vector into the graph: on worker threads when there are many, else here. First, once the
     * index is large enough, fits a walk basis, and relinks everything on its codes when there is one.
     */
    private void linkPending() throws IOException {
        if (!basisTried && ordinals.size() >= BASIS_MINIMUM) {
            Optional<WalkBasis> fitted = fittedBasis();
            basisTried = true;
            if (fitted.isPresent()) {
                rebuild(fitted.get(), true);
            }
        }
        int end = vectors.size();
        if (end - linked >= BULK_BUILD_MINIMUM && workers > 1) {
            linkConcurrently(end);
        }
        for (; linked < end; linked++) {
            graph.addGraphNode(linked);
        }
    }

    /**
     * Links ordinals {@code [linked, end)} with {@link HnswConcurrentMergeBuilder}. The graph grows its node array
     * when a node beyond it arrives, which is not safe while workers add nodes; linking the last node first, alone,
     * grows it once to its final length, and the workers then skip it (it is "initialised", as are the ordinals
     * already linked).
     */
    private void linkConcurrently(int end) throws IOException {
        graph.addGraphNode(end - 1);
        FixedBitSet initialised = new FixedBitSet(end);
        initialised.set(0, linked);
        initialised.set(end - 1);
        ExecutorService threads = Executors.newFixedThreadPool(
                workers,
                Thread.ofPlatform().name("vector-index-build-", 0).daemon().factory());
        try {
            new HnswConcurrentMergeBuilder(
                            new TaskExecutor(threads),
                            workers,
                            scorers,
                            MAX_CONNECTIONS,
                            BEAM_WIDTH,
                            graph.getGraph(),
                            initialised)
                    .build(end);
        } finally {
            threads.shutdownNow();
        }
        linked = end;
    }

    /** A walk basis fitted to the live vectors, if they have one; logged either way. */
    private Optional<WalkBasis> fittedBasis() {
        Optional<WalkBasis> fitted = WalkBasis.fit(basisSample(), dimensions);
        if (fitted.isPresent()) {
            LOG.info(
                    "Dedup index of {} vectors: {} of {} principal components hold {} % of their variance; relinking"
                            + " its graph on them",
                    ordinals.size(), fitted.get().size(), dimensions, Math.round(WalkBasis.VARIANCE_KEPT * 100));
        } else {
            LOG.info(
                    "Dedup index of {} vectors: they spread over most of their {} dimensions; walking them whole",
                    ordinals.size(),
                    dimensions);
        }
        return fitted;
    }

    /** At most {@link #BASIS_SAMPLE} live vectors, evenly spread over the ordinals (so over time, too). */
    private List<float[]> basisSample() {
        int step = Math.max(1, ordinals.size() / BASIS_SAMPLE);
        List<float[]> sample = new ArrayList<>(Math.min(ordinals.size(), BASIS_SAMPLE));
        int seen = 0;
        for (int ordinal = 0; ordinal < vectors.size() && sample.size() < BASIS_SAMPLE; ordinal++) {
            if (live.get(ordinal) && seen++ % step == 0) {
                sample.add(vectors.get(ordinal));
            }
        }
        return sample;
    }

    /**
     * {@code vector}'s code: along the basis, when there is one; else each component times {@link #scale}, rounded,
     * clipped to ±127.
     */
    private byte[] code(float[] vector) {
        if (basis != null) {
            return basis.code(vector);
        }
        byte[] code = new byte[vector.length];
        for (int i = 0; i < vector.length; i++) {
            code[i] = (byte) Math.clamp(Math.round(vector[i] * scale), -127, 127);
        }
        return code;
    }

    /**
     * Rebuilds the graph from the live vectors only, dropping the removed ones, on a walk basis fitted anew to them
     * (once they are enough for one), so that the vectors are coded once, not first at full length and then again.
     */
    private void compact() {
        boolean fit = ordinals.size() >= BASIS_MINIMUM;
        rebuild(fit ? fittedBasis().orElse(null) : null, fit);
    }

    /**
     * Rebuilds the graph from the live vectors only, on codes made with {@code newBasis} (or full-length ones);
     * {@code basisTried} whether a basis was fitted to them.
     */
    private void rebuild(WalkBasis newBasis, boolean basisTried) {
        List<String> liveKeys = new ArrayList<>(ordinals.size());
        List<float[]> liveVectors = new ArrayList<>(ordinals.size());
        for (int ordinal = 0; ordinal < keys.size(); ordinal++) {
            if (live.get(ordinal)) {
                liveKeys.add(keys.get(ordinal));
                liveVectors.add(vectors.get(ordinal));
            }
        }
        clear(newBasis, basisTried);
        for (int i = 0; i < liveKeys.size(); i++) {
            put(liveKeys.get(i), liveVectors.get(i));
        }
    }

    /**
     * The restored graph's nodes: every ordinal below a bound. {@link InitializedHnswGraphBuilder} skips these when asked
     * to link them; a fixed-size bit set would not do, since the builder is asked about every later ordinal too.
     */
    private static final class OrdinalsBelow extends BitSet {

        private final int bound;

        OrdinalsBelow(int bound) {
            this.bound = bound;
        }

        @Override
        public boolean get(int index) {
            return index < bound;
        }

        @Override
        public int length() {
            return Integer.MAX_VALUE;
        }

        @Override
        public int cardinality() {
            return bound;
        }

        @Override
        public int approximateCardinality() {
            return bound;
        }

        @Override
        public int prevSetBit(int index) {
            return Math.min(index, bound - 1);
        }

        @Override
        public int nextSetBit(int start, int upTo) {
            return start < Math.min(bound, upTo) ? start : DocIdSetIterator.NO_MORE_DOCS;
        }

        @Override
        public int nextClearBit(int start, int upTo) {
            int clear = Math.max(start, bound);
            return clear < upTo ? clear : DocIdSetIterator.NO_MORE_DOCS;
        }

        @Override
        public long ramBytesUsed() {
            return Integer.BYTES;
        }

        @Override
        public void set(int index) {
            throw new UnsupportedOperationException("The restored ordinals are fixed");
        }

        @Override
        public boolean getAndSet(int index) {
            throw new UnsupportedOperationException("The restored ordinals are fixed");
        }

        @Override
        public void clear(int index) {
            throw new UnsupportedOperationException("The restored ordinals are fixed");
        }

        @Override
        public void clear(int startIndex, int endIndex) {
            throw new UnsupportedOperationException("The restored ordinals are fixed");
        }
    }
}
