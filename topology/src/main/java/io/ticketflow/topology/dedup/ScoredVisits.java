package io.ticketflow.topology.dedup;

import java.util.Arrays;
import java.util.function.IntPredicate;
import org.apache.lucene.util.hnsw.NeighborQueue;

/**
 * The graph nodes a search scored, with their scores ({@link CodeScorers#record}), from which the best are chosen
 * afterwards. A graph search offers every node it scores to the results it keeps, so the best {@code k} of its visits
 * are the best {@code k} of its results. Reused from one search to the next.
 */
final class ScoredVisits {

    private int[] nodes = new int[1024];
    private float[] scores = new float[1024];
    private int size;

    /** Forgets every visit. */
    void clear() {
        size = 0;
    }

    /** Number of visits recorded. */
    int size() {
        return size;
    }

    void add(int node, float score) {
        if (size == nodes.length) {
            nodes = Arrays.copyOf(nodes, size * 2);
            scores = Arrays.copyOf(scores, size * 2);
        }
        nodes[size] = node;
        scores[size] = score;
        size++;
    }

    /**
     * The (at most) {@code k} best-scored nodes that {@code accept} takes, best first, each once: a search of several
     * levels may score a node on more than one.
     */
    int[] best(int k, IntPredicate accept) {
        for (int wanted = k; ; ) {
            NeighborQueue top = new NeighborQueue(wanted, false);
            for (int i = 0; i < size; i++) {
                if (accept.test(nodes[i])) {
                    top.insertWithOverflow(nodes[i], scores[i]);
                }
            }
            boolean everyAccepted = top.size() < wanted;
            int[] best = new int[top.size()];
            for (int i = best.length - 1; i >= 0; i--) {
                best[i] = top.pop();
            }
            best = Arrays.stream(best).distinct().toArray();
            if (best.length >= k || everyAccepted) {
                return best.length > k ? Arrays.copyOf(best, k) : best;
            }
            // Rare: a node scored on two levels took two places; take as many more as there were repeats.
            wanted += k - best.length;
        }
    }
}
