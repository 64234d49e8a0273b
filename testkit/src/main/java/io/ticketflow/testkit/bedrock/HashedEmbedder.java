package io.ticketflow.testkit.bedrock;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Deterministic stand-in for Titan Text Embeddings: a signed, hashed bag of word stems. Texts sharing words get a
 * positive cosine, texts sharing none about zero, so "similar tickets score higher" holds as with a real model, while
 * the same text always gives the same vector. Thread-safe (stateless).
 */
final class HashedEmbedder {

    private HashedEmbedder() {}

    /**
     * @param text non-empty text
     * @param dimensions the vector length
     * @param normalize whether to scale the vector to unit length, as Titan's {@code normalize} does
     */
    static float[] embed(String text, int dimensions, boolean normalize) {
        List<String> stems = Words.stems(text);
        // A text of stop words only still needs a vector of its own.
        List<String> features = stems.isEmpty() ? List.of(text.strip()) : stems;
        float[] vector = new float[dimensions];
        for (String feature : features) {
            long hash = fnv1a(feature);
            int index = (int) Math.floorMod(hash, (long) dimensions);
            // The sign from another bit keeps collisions of unrelated words from adding up to a false similarity.
            vector[index] += (hash >>> 63) == 0 ? 1f : -1f;
        }
        if (normalize) {
            scaleToUnitLength(vector);
        }
        return vector;
    }

    private static void scaleToUnitLength(float[] vector) {
        double sumOfSquares = 0;
        for (float component : vector) {
            sumOfSquares += component * component;
        }
        if (sumOfSquares == 0) {
            return;
        }
        float norm = (float) Math.sqrt(sumOfSquares);
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= norm;
        }
    }

    /* FNV-1a, 64 bit, then a final mix so that short words spread over all bits. */
    private static long fnv1a(String feature) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }
}
