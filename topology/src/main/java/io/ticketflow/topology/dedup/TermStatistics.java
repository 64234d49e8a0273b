package io.ticketflow.topology.dedup;

import java.util.HashMap;
import java.util.Map;

/**
 * Document frequencies of the words of every indexed ticket, and the lexical similarity they weigh: the cosine of
 * two tickets' TF-IDF vectors, with sub-linear term frequency ({@code 1 + ln tf}) and smoothed inverse document
 * frequency ({@code ln((1 + n) / (1 + df)) + 1}). Bounded in [0, 1] and symmetric, so it can share a threshold with
 * the embedding cosine, and rare shared words (a class name, an error code) count far more than common ones.
 *
 * <p>Not thread-safe: one stream thread owns it.
 */
public final class TermStatistics {

    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private int documents;

    /** Counts the words of one more ticket. */
    public void add(Map<String, Integer> terms) {
        documents++;
        terms.keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
    }

    /** Forgets the words of a ticket added before. */
    public void remove(Map<String, Integer> terms) {
        documents--;
        terms.keySet().forEach(term -> documentFrequency.computeIfPresent(term, (t, df) -> df == 1 ? null : df - 1));
    }

    /** Forgets everything. */
    public void clear() {
        documentFrequency.clear();
        documents = 0;
    }

    /** The TF-IDF cosine of two tickets' words, in [0, 1]; 0 when either has none. */
    public double similarity(Map<String, Integer> a, Map<String, Integer> b) {
        Map<String, Integer> smaller = a.size() <= b.size() ? a : b;
        Map<String, Integer> larger = smaller == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Integer> term : smaller.entrySet()) {
            Integer other = larger.get(term.getKey());
            if (other != null) {
                double idf = idf(term.getKey());
                dot += tf(term.getValue()) * tf(other) * idf * idf;
            }
        }
        if (dot == 0) {
            return 0;
        }
        return Math.min(1.0, dot / (norm(a) * norm(b)));
    }

    private double norm(Map<String, Integer> terms) {
        double sum = 0;
        for (Map.Entry<String, Integer> term : terms.entrySet()) {
            double weight = tf(term.getValue()) * idf(term.getKey());
            sum += weight * weight;
        }
        return Math.sqrt(sum);
    }

    private double idf(String term) {
        return Math.log((1.0 + documents) / (1.0 + documentFrequency.getOrDefault(term, 0))) + 1.0;
    }

    private static double tf(int count) {
        return 1.0 + Math.log(count);
    }
}
