package io.ticketflow.topology.ai.local;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Gives a ticket the category most of its nearest labelled examples have: the {@code k} examples with the highest
 * cosine similarity vote, each with the weight its {@link Weighting} gives it.
 *
 * <p>Confidence is the vote margin: the winning category's weight minus the runner-up's, as a share of all the
 * weight cast, in [0, 1]; unanimous neighbours give 1, a tie gives 0. Ties between equally similar examples go to
 * the earlier example, and ties between categories to the one whose best neighbour is nearer, so a result depends
 * only on the example set and the input. Brute force: one dot product per example (about 0.6 ms per 1,000
 * examples on these machines). Immutable and thread-safe.
 */
public final class NearestNeighbourClassifier {

    /** How much a neighbour's vote counts. */
    public enum Weighting {
        /** One vote each. */
        UNIFORM,
        /** The neighbour's cosine similarity, never below zero. */
        SIMILARITY,
        /**
         * {@code exp((s - s1) / temperature)} for the neighbour's similarity {@code s} and the nearest one's
         * {@code s1}: the nearest counts 1, and a neighbour {@code temperature} less similar counts 1/e of it.
         */
        SOFTMAX
    }

    private final LabelledExamples examples;
    private final int k;
    private final Weighting weighting;
    private final double temperature;

    /**
     * @param examples the labelled examples
     * @param k neighbours that vote; at least 1 (fewer vote when there are fewer examples)
     * @param weighting how much each vote counts
     * @param temperature of {@link Weighting#SOFTMAX}; positive (ignored by the other weightings)
     */
    public NearestNeighbourClassifier(LabelledExamples examples, int k, Weighting weighting, double temperature) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, was " + temperature);
        }
        this.examples = examples;
        this.k = Math.min(k, examples.size());
        this.weighting = Objects.requireNonNull(weighting, "weighting");
        this.temperature = temperature;
    }

    /** The categories this classifier can answer: those of its examples. */
    public List<String> categories() {
        return examples.categories();
    }

    /**
     * Classifies {@code vector}.
     *
     * @param vector an L2-normalised embedding by the examples' model, of their dimension
     * @throws IllegalArgumentException when the vector's length does not match the examples'
     */
    public CategoryVote classify(float[] vector) {
        int dimensions = examples.dimensions();
        if (vector.length != dimensions) {
            throw new IllegalArgumentException(
                    "the vector has " + vector.length + " components, the examples " + dimensions);
        }
        int[] nearest = new int[k];
        float[] similarity = new float[k];
        Arrays.fill(similarity, Float.NEGATIVE_INFINITY);
        float[] flat = examples.vectors();
        for (int i = 0; i < examples.size(); i++) {
            float s = Vectors.dot(vector, flat, i * dimensions);
            if (s > similarity[k - 1]) {
                insert(nearest, similarity, i, s);
            }
        }
        return vote(nearest, similarity);
    }

    /** Keeps the best {@code k} sorted by falling similarity; a later example never displaces an equal earlier one. */
    private static void insert(int[] nearest, float[] similarity, int example, float s) {
        int position = similarity.length - 1;
        while (position > 0 && similarity[position - 1] < s) {
            nearest[position] = nearest[position - 1];
            similarity[position] = similarity[position - 1];
            position--;
        }
        nearest[position] = example;
        similarity[position] = s;
    }

    private CategoryVote vote(int[] nearest, float[] similarity) {
        int categories = examples.categories().size();
        double[] weight = new double[categories];
        // The rank of each category's nearest neighbour breaks ties: neighbours are sorted, so the first seen wins.
        int[] firstRank = new int[categories];
        Arrays.fill(firstRank, Integer.MAX_VALUE);
        double total = 0;
        for (int rank = 0; rank < nearest.length; rank++) {
            int category = examples.label(nearest[rank]);
            double w = switch (weighting) {
                case UNIFORM -> 1;
                case SIMILARITY -> Math.max(similarity[rank], 0);
                case SOFTMAX -> Math.exp((similarity[rank] - similarity[0]) / temperature);
            };
            weight[category] += w;
            total += w;
            firstRank[category] = Math.min(firstRank[category], rank);
        }
        int best = -1;
        int second = -1;
        for (int c = 0; c < categories; c++) {
            if (firstRank[c] == Integer.MAX_VALUE) {
                continue;
            }
            if (best < 0 || beats(c, best, weight, firstRank)) {
                second = best;
                best = c;
            } else if (second < 0 || beats(c, second, weight, firstRank)) {
                second = c;
            }
        }
        double margin = weight[best] - (second < 0 ? 0 : weight[second]);
        double confidence = total > 0 ? Math.min(1, Math.max(0, margin / total)) : 0;
        return new CategoryVote(examples.categories().get(best), confidence, similarity[0]);
    }

    private static boolean beats(int c, int other, double[] weight, int[] firstRank) {
        return weight[c] > weight[other] || (weight[c] == weight[other] && firstRank[c] < firstRank[other]);
    }
}
