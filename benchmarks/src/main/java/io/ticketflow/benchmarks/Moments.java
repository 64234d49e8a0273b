package io.ticketflow.benchmarks;

/**
 * The mean and covariance of a sample of unit vectors, and the two figures that say how a sample of embeddings is
 * shaped: its mean cosine and its participation ratio.
 *
 * @param mean the sample mean
 * @param covariance the sample covariance (divided by n − 1); only the lower triangle, {@code [i][j]} with {@code j ≤
 *     i}, is filled
 */
record Moments(double[] mean, double[][] covariance) {

    /** The moments of {@code sample}, at least two vectors of the same length. */
    static Moments of(float[][] sample) {
        int n = sample.length;
        if (n < 2) {
            throw new IllegalArgumentException("moments need at least two vectors, got " + n);
        }
        int dimensions = sample[0].length;
        double[] mean = new double[dimensions];
        for (float[] vector : sample) {
            for (int d = 0; d < dimensions; d++) {
                mean[d] += vector[d] / (double) n;
            }
        }
        double[][] covariance = new double[dimensions][];
        for (int i = 0; i < dimensions; i++) {
            covariance[i] = new double[dimensions];
        }
        double[] centred = new double[dimensions];
        for (float[] vector : sample) {
            for (int d = 0; d < dimensions; d++) {
                centred[d] = vector[d] - mean[d];
            }
            for (int i = 0; i < dimensions; i++) {
                double scaled = centred[i] / (n - 1);
                double[] row = covariance[i];
                for (int j = 0; j <= i; j++) {
                    row[j] += scaled * centred[j];
                }
            }
        }
        return new Moments(mean, covariance);
    }

    int dimensions() {
        return mean.length;
    }

    /** |μ|²: the expected dot product of two independent vectors of the sample. */
    double meanSquared() {
        double sum = 0;
        for (double component : mean) {
            sum += component * component;
        }
        return sum;
    }

    /** The total variance: the trace of the covariance. */
    double trace() {
        double sum = 0;
        for (int i = 0; i < mean.length; i++) {
            sum += covariance[i][i];
        }
        return sum;
    }

    /** The mean cosine of two vectors of the sample (unit vectors): |μ|² over |μ|² + trace. */
    double meanCosine() {
        return meanSquared() / (meanSquared() + trace());
    }

    /**
     * (Σλ)² / Σλ² over the covariance's eigenvalues λ: how many directions the sample spreads over, from 1 (a line) to
     * the dimensions (every direction alike, as random vectors).
     */
    double participationRatio() {
        double squaredEntries = 0;
        for (int i = 0; i < mean.length; i++) {
            for (int j = 0; j <= i; j++) {
                squaredEntries += (i == j ? 1 : 2) * covariance[i][j] * covariance[i][j];
            }
        }
        return trace() * trace() / squaredEntries;
    }
}
