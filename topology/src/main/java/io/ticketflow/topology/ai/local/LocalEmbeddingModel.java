package io.ticketflow.topology.ai.local;

import io.ticketflow.schemas.TokenUsage;
import io.ticketflow.topology.ai.Embedding;
import io.ticketflow.topology.ai.EmbeddingModel;
import io.ticketflow.topology.ai.EmbeddingRequest;
import io.ticketflow.topology.config.LocalModelSettings;
import java.util.concurrent.CompletionStage;

/**
 * Embeddings from all-MiniLM-L6-v2 (quantised, ONNX), run in-process: no network, no keys, nothing downloaded.
 *
 * <p>Threading: {@link #embed} returns at once; inference runs on the owning {@link LocalModels}' inference threads
 * and the stage completes there. Results are deterministic: the same text always gives the same vector. A blank text
 * fails with {@code REJECTED}; a full queue with {@code THROTTLED}. Long texts are embedded in pieces and averaged
 * (see {@code ticketflow.model.local.chunk-words} and {@code max-chunks}). Token usage is the word pieces the model
 * read; nothing is billed. Thread-safe.
 *
 * <p>Lifecycle: it owns its inference threads. One from {@link LocalModels#embedding()} shares them with the triage
 * model and is closed by closing the {@link LocalModels}; one from {@link #create} is closed by {@link #close}.
 */
public final class LocalEmbeddingModel implements EmbeddingModel, AutoCloseable {

    /** The model's id, recorded in every {@link Embedding} and in example sets made with it. */
    public static final String MODEL_ID = "all-minilm-l6-v2-q";

    private final SentenceEncoder encoder;
    private final InferencePool pool;

    private LocalEmbeddingModel(SentenceEncoder encoder, InferencePool pool) {
        this.encoder = encoder;
        this.pool = pool;
    }

    /**
     * Loads the embedding model (about a second, once per JVM) and starts {@code settings.threads()} inference
     * threads; for callers that need embeddings only. The triage settings are not used.
     */
    public static LocalEmbeddingModel create(LocalModelSettings settings) {
        return new LocalEmbeddingModel(
                new SentenceEncoder(new TextChunks(settings.chunkWords(), settings.maxChunks())),
                new InferencePool(settings.threads(), settings.queueCapacity()));
    }

    /** {@value #MODEL_ID}. */
    @Override
    public String modelId() {
        return SentenceEncoder.MODEL_ID;
    }

    /** {@value SentenceEncoder#DIMENSIONS}. */
    @Override
    public int dimensions() {
        return SentenceEncoder.DIMENSIONS;
    }

    @Override
    public long estimatedTokens(EmbeddingRequest request) {
        return encoder.estimateTokens(request.text());
    }

    @Override
    public CompletionStage<Embedding> embed(EmbeddingRequest request) {
        return pool.submit(() -> {
            SentenceEncoder.Encoded encoded = encoder.encode(request.text());
            return new Embedding(encoded.vector(), SentenceEncoder.MODEL_ID, new TokenUsage(encoded.tokens(), 0));
        });
    }

    /** Stops the inference threads once queued calls have run, without waiting; later calls fail as THROTTLED. */
    @Override
    public void close() {
        pool.close();
    }

    SentenceEncoder encoder() {
        return encoder;
    }

    InferencePool pool() {
        return pool;
    }
}
