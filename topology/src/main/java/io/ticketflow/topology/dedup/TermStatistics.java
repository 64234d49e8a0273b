package io.ticketflow.topology.dedup;

import java.util.HashMap;
import java.util.Map;

/**
 * Document frequencies and lengths of the words of every indexed ticket, and the lexical similarity they weigh. Two
 * measures, blended by {@link Query#similarity}:
 *
 * <ul>
 *   <li>the cosine of two tickets' TF-IDF vectors, with sub-linear term frequency ({@code 1 + ln tf}) and smoothed
 *       inverse document frequency ({@code ln((1 + n) / (1 + df)) + 1}): symmetric, in [0, 1];
 *   <li>the query's BM25 score against the ticket ({@code k1} = 1.2, {@code b} = 0.75, Lucene's defaults), relative to
 *       the score the query would reach against itself, capped at 1: BM25 rewards rare shared words more steeply and
 *       discounts long tickets, and dividing by the self-score puts it on the same [0, 1] scale whatever the query's
 *       length.
 * </ul>
 *
 * Rare shared words (a class name, an error code) count far more than common ones in both.
 *
 * <p>Not thread-safe: one stream thread owns it.
 */
public final class TermStatistics {

    private static final double K1 = 1.2;
    private static final double B = 0.75;
    /** The TF-IDF cosine's share of the lexical similarity; the rest is relative BM25. */
    private static final double TF_IDF_SHARE = 0.6;

    private final Map<String, Word> vocabulary = new HashMap<>();
    private int documents;
    private long totalLength;

    /** A word of the counted tickets: one instance of its text, and the number of tickets containing it. */
    private static final class Word {
        private final String text;
        private int documents;

        Word(String text) {
            this.text = text;
        }
    }

    /**
     * Counts the words of one more ticket, and answers them with each word's text replaced by the one instance these
     * statistics hold. Why: every ticket kept with these words then shares one string per word instead of holding its
     * own copy (about 50 words a real ticket), and comparing two tickets' words finds equal ones by reference, without
     * reading either string, which at scale is a cache miss each.
     */
    public Map<String, Integer> add(Map<String, Integer> terms) {
        documents++;
        totalLength += length(terms);
        @SuppressWarnings("unchecked")
        Map.Entry<String, Integer>[] held = new Map.Entry[terms.size()];
        int i = 0;
        for (Map.Entry<String, Integer> term : terms.entrySet()) {
            Word word = vocabulary.computeIfAbsent(term.getKey(), Word::new);
            word.documents++;
            held[i++] = Map.entry(word.text, term.getValue());
        }
        return Map.ofEntries(held);
    }

    /** Forgets the words of a ticket added before. */
    public void remove(Map<String, Integer> terms) {
        documents--;
        totalLength -= length(terms);
        for (String term : terms.keySet()) {
            Word word = vocabulary.get(term);
            if (word != null && --word.documents == 0) {
                vocabulary.remove(term);
            }
        }
    }

    /** Forgets everything. */
    public void clear() {
        vocabulary.clear();
        documents = 0;
        totalLength = 0;
    }

    /** Number of tickets containing {@code term}. */
    public int documentFrequency(String term) {
        Word word = vocabulary.get(term);
        return word == null ? 0 : word.documents;
    }

    /**
     * {@code terms} as a query to compare with many candidates: what depends on the query alone (its words' weights,
     * its norm, its BM25 score against itself) is computed here once, not again for every candidate. It reflects the
     * statistics of now: take a new one after adding or removing tickets.
     */
    public Query query(Map<String, Integer> terms) {
        return new Query(terms);
    }

    /** A ticket's words as a query: see {@link #query}. Not thread-safe: it notes the candidate it is scoring. */
    public final class Query {

        private final String[] words;
        private final int[] counts;
        /** Per word: its sub-linear term frequency times its smoothed IDF squared, its half of a TF-IDF product. */
        private final double[] tfIdfWeights;

        private final double[] bm25Idfs;
        /** Scratch: how often the candidate being scored has each query word. */
        private final int[] shared;

        private final double norm;
        private final double selfScore;

        private Query(Map<String, Integer> terms) {
            int size = terms.size();
            words = new String[size];
            counts = new int[size];
            tfIdfWeights = new double[size];
            bm25Idfs = new double[size];
            shared = new int[size];
            int length = length(terms);
            double squares = 0;
            double self = 0;
            int i = 0;
            for (Map.Entry<String, Integer> term : terms.entrySet()) {
                // One look-up gives the instance of the word's text held here (if any) and its document frequency.
                Word word = vocabulary.get(term.getKey());
                int df = word == null ? 0 : word.documents;
                words[i] = word == null ? term.getKey() : word.text;
                counts[i] = term.getValue();
                double idf = smoothedIdf(df);
                double weight = tf(counts[i]) * idf;
                squares += weight * weight;
                tfIdfWeights[i] = weight * idf;
                bm25Idfs[i] = bm25Idf(df);
                self += bm25(counts[i], bm25Idfs[i], counts[i], length);
                i++;
            }
            norm = Math.sqrt(squares);
            selfScore = self;
        }

        /**
         * The lexical similarity of ticket {@code candidate} to this query, in [0, 1]: 0.6 × {@link #tfIdfCosine} + 0.4
         * × {@link #relativeBm25} (the split measured best for ranking with {@code benchmarks/run dedup-eval
         * --sweep}). Both from one look-up of each query word in the candidate and one pass over the candidate's words:
         * a lookup scores about a hundred candidates, and at scale each one's words are cache misses.
         */
        public double similarity(Map<String, Integer> candidate) {
            if (!findShared(candidate)) {
                return 0;
            }
            Shape shape = shape(candidate);
            return TF_IDF_SHARE * tfIdfCosine(shape.norm()) + (1 - TF_IDF_SHARE) * relativeBm25(shape.length());
        }

        /** The TF-IDF cosine of this query's and {@code candidate}'s words, in [0, 1]; 0 when either has none. */
        public double tfIdfCosine(Map<String, Integer> candidate) {
            return findShared(candidate) ? tfIdfCosine(shape(candidate).norm()) : 0;
        }

        /**
         * The BM25 score of ticket {@code candidate} for this query divided by the query's score against itself, capped
         * at 1; 0 when they share no word or no ticket is counted.
         */
        public double relativeBm25(Map<String, Integer> candidate) {
            return findShared(candidate) ? relativeBm25(shape(candidate).length()) : 0;
        }

        /**
         * Notes in {@link #shared} how often the candidate has each query word (0: not at all); whether it has any.
         */
        private boolean findShared(Map<String, Integer> candidate) {
            boolean any = false;
            for (int i = 0; i < words.length; i++) {
                Integer count = candidate.get(words[i]);
                shared[i] = count == null ? 0 : count;
                any |= count != null;
            }
            return any;
        }

        /**
         * The TF-IDF cosine with the candidate {@link #findShared} looked at, whose TF-IDF norm is {@code
         * candidateNorm}.
         */
        private double tfIdfCosine(double candidateNorm) {
            double dot = 0;
            for (int i = 0; i < words.length; i++) {
                if (shared[i] > 0) {
                    dot += tfIdfWeights[i] * tf(shared[i]);
                }
            }
            if (dot == 0) {
                return 0;
            }
            return Math.min(1.0, dot / (norm * candidateNorm));
        }

        /** The relative BM25 of the candidate {@link #findShared} looked at, of {@code candidateLength} words. */
        private double relativeBm25(int candidateLength) {
            if (documents == 0) {
                return 0;
            }
            double score = 0;
            for (int i = 0; i < words.length; i++) {
                if (shared[i] > 0) {
                    score += bm25(counts[i], bm25Idfs[i], shared[i], candidateLength);
                }
            }
            return score == 0 ? 0 : Math.min(1.0, score / selfScore);
        }
    }

    /** A ticket's number of words (repeats included) and the norm of its TF-IDF vector. */
    private record Shape(int length, double norm) {}

    /** {@code terms}' {@link Shape}, in one pass over them. */
    private Shape shape(Map<String, Integer> terms) {
        int length = 0;
        double squares = 0;
        for (Map.Entry<String, Integer> term : terms.entrySet()) {
            length += term.getValue();
            double weight = tf(term.getValue()) * smoothedIdf(documentFrequency(term.getKey()));
            squares += weight * weight;
        }
        return new Shape(length, Math.sqrt(squares));
    }

    /**
     * One query word's BM25 contribution to a ticket's score: the query's count of it × its BM25 IDF × the ticket's
     * length-normalised, saturated count of it.
     *
     * @param queryCount how often the query contains the word
     * @param idf the word's {@link #bm25Idf}
     * @param count how often the ticket contains it
     * @param length the ticket's number of words
     */
    double bm25(int queryCount, double idf, int count, int length) {
        double averageLength = documents == 0 ? length : (double) totalLength / documents;
        double norm = count * (K1 + 1) / (count + K1 * (1 - B + B * length / Math.max(averageLength, 1e-9)));
        return queryCount * idf * norm;
    }

    /** Lucene's BM25 IDF, {@code ln(1 + (n − df + 0.5) / (df + 0.5))}: positive, largest for unseen words. */
    double bm25Idf(String term) {
        return bm25Idf(documentFrequency(term));
    }

    /** {@link #bm25Idf(String)} of a word in {@code df} tickets. */
    private double bm25Idf(int df) {
        return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
    }

    /** Number of words of a ticket, repeats included. */
    static int length(Map<String, Integer> terms) {
        int length = 0;
        for (int count : terms.values()) {
            length += count;
        }
        return length;
    }

    /** The smoothed IDF of a word in {@code df} tickets. */
    private double smoothedIdf(int df) {
        return Math.log((1.0 + documents) / (1.0 + df)) + 1.0;
    }

    private static double tf(int count) {
        return 1.0 + Math.log(count);
    }
}
