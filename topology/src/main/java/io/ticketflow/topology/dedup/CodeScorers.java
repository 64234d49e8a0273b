package io.ticketflow.topology.dedup;

import java.util.List;
import org.apache.lucene.index.ByteVectorValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;
import org.apache.lucene.util.hnsw.UpdateableRandomVectorScorer;

/**
 * Scores a {@link VectorIndex}'s int8 codes for Lucene's HNSW builder and searcher, with the same scores as Lucene's
 * {@code DefaultFlatVectorScorer}, but reading memory in a better order.
 *
 * <p>Why: at a million tickets the codes are far larger than the processor's caches, so scoring a graph node's
 * neighbours is mostly waiting for each one's code to arrive from memory, one after the other (a profile of a lookup +
 * insert at 1M found two thirds of the graph walks' time in the distance function, on its first read of a code). Lucene
 * asks for the neighbours' scores as one batch ({@link RandomVectorScorer#bulkScore}), so this scorer first reads a
 * byte of every cache line of every code in the batch, then scores them: those reads do not depend on one another, so
 * the processor has many of them in flight at once and the batch waits for memory about once, not once a code.
 *
 * <p><b>Recording a linking's scores.</b> Between {@link #record} and {@link #stopRecording}, every score of one node
 * against another code is also added to a {@link ScoredVisits}: linking a new node searches the graph for its nearest
 * nodes, and the nodes that search scored answer the node's own lookup, with no second search ({@link
 * VectorIndex#putNearest}).
 *
 * <p>A scorer holds its query code, so each search or linking thread takes its own ({@link #scorer()}, {@link
 * #scorer(byte[])}); {@link #copy()} is the supplier itself, whose only changing state is the recording, which its
 * owner's thread turns on and off while no linking workers run.
 */
final class CodeScorers implements RandomVectorScorerSupplier {

    /** Bytes of a cache line: one read in each brings the whole code in. */
    private static final int CACHE_LINE = 64;

    private final List<byte[]> codes;
    private final ByteVectorValues values;
    private final VectorSimilarityFunction similarity;
    /** The node whose scores are being recorded; meaningless while {@link #visits} is {@code null}. */
    private int recorded;
    /** Where the recorded node's scores go, or {@code null} when none is being recorded. */
    private ScoredVisits visits;

    /**
     * Scorers of {@code codes} (a live view: codes added later are scored too), each {@code length} bytes, compared by
     * {@code similarity}.
     */
    CodeScorers(List<byte[]> codes, int length, VectorSimilarityFunction similarity) {
        this.codes = codes;
        this.values = ByteVectorValues.fromBytes(codes, length);
        this.similarity = similarity;
    }

    /** A scorer of every code against {@code query}. */
    RandomVectorScorer scorer(byte[] query) {
        return new Scorer(query);
    }

    /** A scorer against a code of the index, which the builder chooses with {@link Scorer#setScoringOrdinal}. */
    @Override
    public UpdateableRandomVectorScorer scorer() {
        return new Scorer(null);
    }

    @Override
    public RandomVectorScorerSupplier copy() {
        return this;
    }

    /** From now on, adds every score of {@code node}'s code against another to {@code into}. */
    void record(int node, ScoredVisits into) {
        recorded = node;
        visits = into;
    }

    /** Ends {@link #record}. */
    void stopRecording() {
        visits = null;
    }

    private final class Scorer extends UpdateableRandomVectorScorer.AbstractUpdateableRandomVectorScorer {

        private byte[] query;
        /** The index's node whose code {@link #query} is, or -1 for a code from outside (a lookup's). */
        private int ordinal = -1;
        /**
         * What the reads ahead of a batch add up to. Stored so that the compiler cannot drop them as unused; nothing
         * reads it.
         */
        @SuppressWarnings("unused")
        private int readAhead;

        Scorer(byte[] query) {
            super(values);
            this.query = query;
        }

        @Override
        public void setScoringOrdinal(int node) {
            query = codes.get(node);
            ordinal = node;
        }

        @Override
        public float score(int node) {
            float score = similarity.compare(query, codes.get(node));
            if (visits != null && ordinal == recorded) {
                visits.add(node, score);
            }
            return score;
        }

        @Override
        public float bulkScore(int[] nodes, float[] scores, int count) {
            int sum = 0;
            for (int i = 0; i < count; i++) {
                byte[] code = codes.get(nodes[i]);
                for (int at = 0; at < code.length; at += CACHE_LINE) {
                    sum += code[at];
                }
                sum += code[code.length - 1];
            }
            readAhead = sum;
            float best = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < count; i++) {
                scores[i] = score(nodes[i]);
                best = Math.max(best, scores[i]);
            }
            return best;
        }
    }
}
