package io.ticketflow.topology.ai.simulated;

import io.ticketflow.schemas.TokenUsage;
import io.ticketflow.topology.ai.Embedding;
import io.ticketflow.topology.ai.EmbeddingModel;
import io.ticketflow.topology.ai.EmbeddingRequest;
import java.util.concurrent.CompletionStage;

/**
 * The simulated embedding model: a hashed bag of words of {@code dimensions} components, answered with the latency,
 * faults and quota of {@link io.ticketflow.topology.config.SimulatedModelSettings}. Thread-safe and non-blocking;
 * made by {@link SimulatedModels}.
 */
public final class SimulatedEmbeddingModel implements EmbeddingModel {

    /** The model id in answers, metrics and audit trails. */
    public static final String MODEL_ID = "simulated-embedding";

    private final int dimensions;
    private final SimulatedEndpoint endpoint;

    SimulatedEmbeddingModel(int dimensions, SimulatedEndpoint endpoint) {
        this.dimensions = dimensions;
        this.endpoint = endpoint;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    /** Exact: the tokens the answer will report. */
    @Override
    public long estimatedTokens(EmbeddingRequest request) {
        return TextTokens.count(request.text());
    }

    @Override
    public CompletionStage<Embedding> embed(EmbeddingRequest request) {
        long tokens = estimatedTokens(request);
        return endpoint.call(
                tokens,
                () -> new Embedding(
                        HashedBagOfWords.vector(request.text(), dimensions), MODEL_ID, new TokenUsage(tokens, 0)));
    }

    /** The calls so far, by outcome. */
    public SimulatedCounts counts() {
        return endpoint.counts();
    }
}
