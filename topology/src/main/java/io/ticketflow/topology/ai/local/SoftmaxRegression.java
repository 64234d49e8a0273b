package io.ticketflow.topology.ai.local;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Multinomial logistic regression on sparse features, trained by stochastic gradient descent with AdaGrad step sizes
 * in a fixed order (a seeded shuffle per epoch), so the same data always gives the same model. Weights are floats
 * from the start, as {@link #writeTo} stores them, so a model read back predicts exactly as the one trained. Not
 * thread-safe while training; immutable and thread-safe once built.
 */
final class SoftmaxRegression {

    private static final long SHUFFLE_SEED = 20261123L;

    private final float[][] weights; // [class][feature], the last feature the bias

    private SoftmaxRegression(float[][] weights) {
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
        float[][] weights = new float[classes][features + 1];
        double[][] squaredGradients = new double[classes][features + 1];
        List<Integer> order =
                new ArrayList<>(IntStream.range(0, rows.size()).boxed().toList());
        Random random = new Random(SHUFFLE_SEED);
        double[] probabilities = new double[classes];
        double[] scores = new double[classes];
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            for (int row : order) {
                SparseFeatures x = rows.get(row);
                for (int c = 0; c < classes; c++) {
                    scores[c] = score(weights[c], x);
                }
                softmax(scores, probabilities);
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

    /** The number of classes. */
    int classes() {
        return weights.length;
    }

    /** The number of features a row may have (indexes below it), the bias not counted. */
    int features() {
        return weights[0].length - 1;
    }

    /** The probability of each class for {@code x}; they sum to 1. */
    double[] probabilities(SparseFeatures x) {
        double[] scores = new double[weights.length];
        for (int c = 0; c < weights.length; c++) {
            scores[c] = score(weights[c], x);
        }
        double[] probabilities = new double[weights.length];
        softmax(scores, probabilities);
        return probabilities;
    }

    /** Writes the weights: classes, features, then each class's weights. */
    void writeTo(DataOutput out) throws IOException {
        out.writeInt(weights.length);
        out.writeInt(weights[0].length);
        for (float[] classWeights : weights) {
            for (float w : classWeights) {
                out.writeFloat(w);
            }
        }
    }

    /** Reads weights written by {@link #writeTo}. */
    static SoftmaxRegression readFrom(DataInput in) throws IOException {
        int classes = in.readInt();
        int width = in.readInt();
        if (classes < 1 || width < 1) {
            throw new IOException("a model needs classes and features, found " + classes + " × " + width);
        }
        float[][] weights = new float[classes][width];
        for (float[] classWeights : weights) {
            for (int f = 0; f < width; f++) {
                classWeights[f] = in.readFloat();
            }
        }
        return new SoftmaxRegression(weights);
    }

    private static void step(float[] w, double[] squared, int feature, double gradient, double learningRate) {
        if (gradient == 0) {
            return;
        }
        squared[feature] += gradient * gradient;
        w[feature] -= (float) (learningRate * gradient / Math.sqrt(squared[feature]));
    }

    private static void softmax(double[] scores, double[] into) {
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double total = 0;
        for (int c = 0; c < scores.length; c++) {
            into[c] = Math.exp(scores[c] - max);
            total += into[c];
        }
        for (int c = 0; c < scores.length; c++) {
            into[c] /= total;
        }
    }

    private static double score(float[] w, SparseFeatures x) {
        double score = w[w.length - 1];
        for (int j = 0; j < x.indexes().length; j++) {
            score += w[x.indexes()[j]] * x.values()[j];
        }
        return score;
    }
}
