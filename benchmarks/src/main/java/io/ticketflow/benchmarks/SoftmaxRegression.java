package io.ticketflow.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Multinomial logistic regression on sparse features, trained by stochastic gradient descent with AdaGrad step sizes
 * in a fixed order (a seeded shuffle per epoch), so the same data always gives the same model. Not thread-safe while
 * training; {@link #predict} is safe once trained.
 */
final class SoftmaxRegression {

    private final double[][] weights; // [class][feature], the last feature the bias

    private SoftmaxRegression(double[][] weights) {
        this.weights = weights;
    }

    /**
     * Trains a model.
     *
     * @param rows the training rows' features, every index below {@code features}
     * @param labels each row's class, from 0 to {@code classes - 1}
     * @param learningRate AdaGrad's base step size
     */
    static SoftmaxRegression train(
            List<SparseFeatures> rows, int[] labels, int classes, int features, int epochs, double learningRate) {
        double[][] weights = new double[classes][features + 1];
        double[][] squaredGradients = new double[classes][features + 1];
        List<Integer> order =
                new ArrayList<>(IntStream.range(0, rows.size()).boxed().toList());
        Random random = new Random(20261123L);
        double[] probabilities = new double[classes];
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            for (int row : order) {
                SparseFeatures x = rows.get(row);
                softmax(weights, x, probabilities);
                for (int c = 0; c < classes; c++) {
                    double error = probabilities[c] - (c == labels[row] ? 1 : 0);
                    for (int j = 0; j < x.indexes().length; j++) {
                        step(weights[c], squaredGradients[c], x.indexes()[j], error * x.values()[j], learningRate);
                    }
                    step(weights[c], squaredGradients[c], features, error, learningRate);
                }
            }
        }
        return new SoftmaxRegression(weights);
    }

    /** The most probable class of {@code x}. */
    int predict(SparseFeatures x) {
        double[] probabilities = probabilities(x);
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return best;
    }

    /** The probability of each class for {@code x}. */
    double[] probabilities(SparseFeatures x) {
        double[] probabilities = new double[weights.length];
        softmax(weights, x, probabilities);
        return probabilities;
    }

    private static void step(double[] w, double[] squared, int feature, double gradient, double learningRate) {
        if (gradient == 0) {
            return;
        }
        squared[feature] += gradient * gradient;
        w[feature] -= learningRate * gradient / Math.sqrt(squared[feature]);
    }

    private static void softmax(double[][] weights, SparseFeatures x, double[] into) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < weights.length; c++) {
            into[c] = score(weights[c], x);
            max = Math.max(max, into[c]);
        }
        double total = 0;
        for (int c = 0; c < weights.length; c++) {
            into[c] = Math.exp(into[c] - max);
            total += into[c];
        }
        for (int c = 0; c < weights.length; c++) {
            into[c] /= total;
        }
    }

    private static double score(double[] w, SparseFeatures x) {
        double score = w[w.length - 1];
        for (int j = 0; j < x.indexes().length; j++) {
            score += w[x.indexes()[j]] * x.values()[j];
        }
        return score;
    }
}
