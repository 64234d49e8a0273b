package io.ticketflow.topology.ai.simulated;

/**
 * The simulated embedding: a hashed bag of words (the "hashing trick"), L2-normalised. Texts sharing words get a
 * positive cosine, unrelated texts about 0, the same text always the same vector: enough for duplicate detection to
 * behave plausibly in tests, not a semantic model.
 */
final class HashedBagOfWords {

    private HashedBagOfWords() {}

    /**
     * @return a unit vector of {@code dimensions} components; for a text without words, the first unit vector
     */
    static float[] vector(String text, int dimensions) {
        float[] vector = new float[dimensions];
        for (String word : TextTokens.words(text)) {
            long hash = SimulatedEndpoint.mix64(word.hashCode());
            // A signed count per bucket: collisions of unrelated words cancel out on average instead of adding up.
            vector[(int) Math.floorMod(hash, (long) dimensions)] += hash < 0 ? -1f : 1f;
        }
        double norm = 0;
        for (float component : vector) {
            norm += component * component;
        }
        if (norm == 0) {
            vector[0] = 1f;
            return vector;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimensions; i++) {
            vector[i] *= scale;
        }
        return vector;
    }
}
