package io.ticketflow.topology.ai.local;

/** Arithmetic on dense vectors, shared by the encoder and the classifier. Stateless. */
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

    /** The dot product of {@code a} and {@code b[offset .. offset + a.length)}: their cosine when both are unit. */
    static float dot(float[] a, float[] b, int offset) {
        // Four independent sums let the CPU overlap the multiply-adds: the classifier's hot loop. The order of
        // additions is fixed, so results are deterministic.
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[offset + i];
            s1 += a[i + 1] * b[offset + i + 1];
            s2 += a[i + 2] * b[offset + i + 2];
            s3 += a[i + 3] * b[offset + i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[offset + i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
