package io.ticketflow.topology.ai.local;

/** Arithmetic on dense vectors. Stateless. */
final class Vectors {

    private Vectors() {}

    /** {@code vector} scaled in place to length 1 and returned; a zero vector is returned unchanged. */
    static float[] normalise(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        if (sum > 0) {
            float scale = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
        }
        return vector;
    }
}
