package io.ticketflow.benchmarks;

import java.util.Random;

/**
 * Topics whose centres are random unit vectors, so that tickets of different topics have cosines around 0 and every
 * direction is used alike: a graph search finds no gradient to follow from one topic towards another. Real embeddings
 * are not like this (see {@link FittedTopics}), and at a million tickets they are the harder case for the graph.
 */
record RandomTopics(int dimensions) implements TopicModel {

    /**
     * Each component's noise around the centre: at 384 dimensions, noise of squared length 384 × 0.042² = 0.68 around a
     * unit centre puts two tickets of a topic at cosine 1 / 1.68 = 0.6.
     */
    private static final double NOISE = 0.042;

    RandomTopics {
        if (dimensions < 2) {
            throw new IllegalArgumentException("--dimensions must be at least 2, was " + dimensions);
        }
    }

    @Override
    public float[] centre(Random random) {
        return TopicModel.around(new float[dimensions], 1.0, random);
    }

    @Override
    public float[] ticket(float[] centre, Random random) {
        return TopicModel.around(centre, NOISE, random);
    }

    @Override
    public String description() {
        return "random topic centres in " + dimensions + " dimensions";
    }
}
