package io.ticketflow.topology.ai.bedrock;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.topology.ai.Embedding;
import io.ticketflow.topology.ai.EmbeddingModel;
import io.ticketflow.topology.ai.EmbeddingRequest;
import io.ticketflow.topology.ai.ModelException;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;

/**
 * Embeddings from Amazon Titan Text Embeddings v2 (or a model with the same body format) through Bedrock's
 * InvokeModel: {@code {"inputText", "dimensions", "normalize": true}}, dimensions from
 * {@link BedrockSettings#embeddingDimensions()}.
 *
 * <p><b>Contract.</b> Thread-safe and non-blocking: {@link #embed} returns at once, and the stage completes on an
 * SDK thread. The text must already be redacted ({@link io.ticketflow.topology.ai.redaction.PiiRedactor}). Each call
 * is made exactly once: the SDK does not retry (see {@link BedrockModels}); a failure completes the stage with a
 * {@link ModelException} that says whether a retry may help, classified as {@link BedrockErrors} describes, and an
 * answer without exactly {@code dimensions} finite numbers is {@code INVALID_ANSWER}. Vectors are scaled to unit
 * length. Tokens and cost are recorded in the meter registry for every answered call.
 */
public final class BedrockEmbeddingModel implements EmbeddingModel {

    private static final String OPERATION = "InvokeModel";

    private final BedrockRuntimeAsyncClient client;
    private final String modelId;
    private final int dimensions;
    private final ModelUsageMeter usage;

    /**
     * @param client the Bedrock Runtime client; shared, not closed by this model
     * @param settings model id, dimensions and prices
     * @param registry where the token and cost counters go
     */
    public BedrockEmbeddingModel(BedrockRuntimeAsyncClient client, BedrockSettings settings, MeterRegistry registry) {
        this.client = Objects.requireNonNull(client, "client");
        this.modelId = settings.embeddingModelId();
        this.dimensions = settings.embeddingDimensions();
        this.usage =
                new ModelUsageMeter(registry, modelId, settings.priceTable().priceOf(modelId));
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public long estimatedTokens(EmbeddingRequest request) {
        return TokenEstimates.of(request.text());
    }

    @Override
    public CompletionStage<Embedding> embed(EmbeddingRequest request) {
        InvokeModelRequest invoke = InvokeModelRequest.builder()
                .modelId(modelId)
                .contentType("application/json")
                .accept("application/json")
                .body(SdkBytes.fromUtf8String(TitanEmbeddings.request(request.text(), dimensions)))
                .build();
        return ModelCalls.call(
                () -> client.invokeModel(invoke),
                response -> {
                    Embedding embedding = TitanEmbeddings.read(response.body().asUtf8String(), dimensions, modelId);
                    usage.record(embedding.usage());
                    return embedding;
                },
                OPERATION,
                modelId);
    }
}
