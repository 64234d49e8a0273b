package io.ticketflow.benchmarks;

import java.util.Random;

/**
 * Where {@code dedup-scale}'s synthetic tickets lie: topics, each a centre, and the tickets of a topic scattered around
 * it, so that tickets of one topic have a cosine of about {@value #TOPIC_COSINE} (related, not duplicates).
 */
sealed interface TopicModel permits RandomTopics, FittedTopics {

    /** The mean cosine of two tickets of one topic. */
    double TOPIC_COSINE = 0.6;

    int dimensions();

    /** A new topic's centre, not necessarily of unit length. */
    float[] centre(Random random);

    /** A ticket of the topic whose centre is {@code centre}: a unit vector. */
    float[] ticket(float[] centre, Random random);

    /** One line saying what the model is. */
    String description();

    /**
     * {@code centre} plus Gaussian noise of standard deviation {@code deviation} in every component, normalised: a unit
     * vector about {@code centre} (a random direction when {@code centre} is zero).
     */
    static float[] around(float[] centre, double deviation, Random random) {
        float[] vector = new float[centre.length];
        for (int d = 0; d < vector.length; d++) {
            vector[d] = (float) (random.nextGaussian() * deviation);
            vector[d] += centre[d];
        }
        return normalised(vector);
    }

    static float[] normalised(float[] vector) {
        double norm = 0;
        for (float component : vector) {
            norm += component * component;
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < vector.length; d++) {
            vector[d] = (float) (vector[d] / norm);
        }
        return vector;
    }
}
