package io.ticketflow.topology.ai.local;

/**
 * A sparse feature vector: the non-zero values and their feature indexes, in the same order.
 *
 * @param indexes feature indexes
 * @param values their values
 */
record SparseFeatures(int[] indexes, float[] values) {

    SparseFeatures {
        if (indexes.length != values.length) {
            throw new IllegalArgumentException("as many indexes as values are needed");
        }
    }
}
