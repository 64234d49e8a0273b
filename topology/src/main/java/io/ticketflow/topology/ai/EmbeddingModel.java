package io.ticketflow.topology.ai;

import java.util.concurrent.CompletionStage;

/**
 * Turns ticket text into a vector, for duplicate detection. Thread-safe and non-blocking.
 *
 * <p>Vectors of one model instance all have {@link #dimensions()} components and are L2-normalised, so their dot
 * product is their cosine similarity.
 */
public interface EmbeddingModel {

    /** The model's id, for example {@code amazon.titan-embed-text-v2:0}; recorded in audit trails and metrics. */
    String modelId();

    /** The length of every vector this model returns. */
    int dimensions();

    /**
     * Estimates, before the call, how many tokens it will consume: what quota limiters reserve. The model's reported
     * usage corrects the estimate afterwards.
     */
    long estimatedTokens(EmbeddingRequest request);

    /**
     * Starts embedding {@code request}; returns at once.
     *
     * @return a stage completed with the embedding, or exceptionally with a {@link ModelException} that says whether
     *     retrying may help
     */
    CompletionStage<Embedding> embed(EmbeddingRequest request);
}
