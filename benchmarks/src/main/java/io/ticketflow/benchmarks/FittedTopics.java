package io.ticketflow.benchmarks;

import java.util.Random;
import org.apache.lucene.util.VectorUtil;

/**
 * Topics shaped like real embeddings: tickets drawn from a Gaussian with the mean and covariance of a sample of real
 * embeddings (for example a dedup folder's reports, embedded by the topology's model), split into topics.
 *
 * <p>Real text embeddings are far from {@link RandomTopics}: they share a common direction (MiniLM's embeddings of
 * gitbugs-hadoop's reports have a mean cosine of 0.22, not 0) and spread over few directions (the covariance's
 * participation ratio, (Σλ)² / Σλ², is 59, not 384), with
 * every degree of relatedness in between. Here a topic's centre is {@code μ + √(1 − f) · L z} and a ticket of it
 * {@code centre + √f · L z'} (then normalised), where {@code L Lᵀ} is the sample's covariance and {@code z}, {@code
 * z'} standard normal: every ticket on its own follows the sample's mean and covariance, and {@code f}, the share of
 * the variance within a topic, is chosen so that two tickets of a topic have a cosine of about {@value
 * TopicModel#TOPIC_COSINE}, as with random topics.
 *
 * <p>Only the first two moments are matched: clusters the real embeddings form are not reproduced.
 */
final class FittedTopics implements TopicModel {

    private final float[] mean;
    /** The rows of the covariance's Cholesky factor, zero above the diagonal. */
    private final float[][] factor;

    private final double topicScale;
    private final double ticketScale;
    private final String description;

    private FittedTopics(float[] mean, float[][] factor, double withinShare, String description) {
        this.mean = mean;
        this.factor = factor;
        this.topicScale = Math.sqrt(1 - withinShare);
        this.ticketScale = Math.sqrt(withinShare);
        this.description = description;
    }

    /**
     * A model fitted to {@code sample} (unit vectors, at least one more than they have components).
     *
     * @param source names the sample, for the description
     * @throws IllegalArgumentException when the sample is too small or too alike for topics at {@value
     *     TopicModel#TOPIC_COSINE}
     */
    static FittedTopics fit(float[][] sample, String source) {
        int n = sample.length;
        int dimensions = n == 0 ? 0 : sample[0].length;
        if (n <= dimensions || dimensions < 2) {
            throw new IllegalArgumentException("fitting topics to " + dimensions + "-dimensional embeddings needs more"
                    + " than " + dimensions + " of them, " + source + " has " + n);
        }
        Moments moments = Moments.of(sample);
        double meanSquared = moments.meanSquared();
        double trace = moments.trace();
        // Two tickets of a topic share the mean and the topic's part of the variance: their expected dot product is
        // |μ|² + (1 − f)·trace, of expected squared lengths |μ|² + trace.
        double withinShare = (meanSquared + trace) * (1 - TOPIC_COSINE) / trace;
        if (withinShare >= 1) {
            throw new IllegalArgumentException(String.format(
                    "the embeddings of %s are too alike (mean cosine %.2f) for topics whose tickets have cosine %.1f",
                    source, moments.meanCosine(), TOPIC_COSINE));
        }
        float[] meanVector = new float[dimensions];
        for (int d = 0; d < dimensions; d++) {
            meanVector[d] = (float) moments.mean()[d];
        }
        String description = String.format(
                "topics fitted to %,d embeddings of %s: mean cosine %.3f, participation ratio %.1f, %.0f %% of the"
                        + " variance within a topic",
                n, source, moments.meanCosine(), moments.participationRatio(), 100 * withinShare);
        return new FittedTopics(
                meanVector, cholesky(moments.covariance(), trace / dimensions * 1e-6), withinShare, description);
    }

    @Override
    public int dimensions() {
        return mean.length;
    }

    @Override
    public float[] centre(Random random) {
        float[] centre = correlated(random, topicScale);
        for (int d = 0; d < centre.length; d++) {
            centre[d] += mean[d];
        }
        return centre;
    }

    @Override
    public float[] ticket(float[] centre, Random random) {
        float[] ticket = correlated(random, ticketScale);
        for (int d = 0; d < ticket.length; d++) {
            ticket[d] += centre[d];
        }
        return TopicModel.normalised(ticket);
    }

    @Override
    public String description() {
        return description;
    }

    /** {@code scale · L z} for a standard normal {@code z}: a draw with the sample's covariance, scaled. */
    private float[] correlated(Random random, double scale) {
        float[] normal = new float[mean.length];
        for (int d = 0; d < normal.length; d++) {
            normal[d] = (float) random.nextGaussian();
        }
        float[] draw = new float[mean.length];
        for (int d = 0; d < draw.length; d++) {
            draw[d] = (float) (scale * VectorUtil.dotProduct(factor[d], normal));
        }
        return draw;
    }

    /**
     * The lower-triangular {@code L} with {@code L Lᵀ} = {@code covariance} (its lower triangle is read) plus {@code
     * ridge} on the diagonal, which keeps directions the sample hardly varies in from failing the factorisation.
     */
    static float[][] cholesky(double[][] covariance, double ridge) {
        int size = covariance.length;
        double[][] factor = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = covariance[i][j] + (i == j ? ridge : 0);
                for (int k = 0; k < j; k++) {
                    sum -= factor[i][k] * factor[j][k];
                }
                if (i == j) {
                    if (sum <= 0) {
                        throw new IllegalArgumentException("the embeddings' covariance is not positive definite");
                    }
                    factor[i][i] = Math.sqrt(sum);
                } else {
                    factor[i][j] = sum / factor[j][j];
                }
            }
        }
        float[][] rows = new float[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j <= i; j++) {
                rows[i][j] = (float) factor[i][j];
            }
        }
        return rows;
    }
}
