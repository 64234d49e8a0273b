package io.ticketflow.topology;

import io.ticketflow.schemas.Priority;
import io.ticketflow.schemas.TokenUsage;
import io.ticketflow.schemas.Triage;
import io.ticketflow.schemas.TriageSource;
import io.ticketflow.topology.ai.Embedding;
import io.ticketflow.topology.ai.EmbeddingModel;
import io.ticketflow.topology.ai.EmbeddingRequest;
import io.ticketflow.topology.ai.ModelException;
import io.ticketflow.topology.ai.TriageModel;
import io.ticketflow.topology.ai.TriageRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** Models for topology tests: immediate, fixed answers, and a record of what they were asked. */
public final class FixedModels implements EmbeddingModel, TriageModel {

    private static final float[] DEFAULT_VECTOR = {0.6f, 0.8f};

    private final List<String> embedded = new CopyOnWriteArrayList<>();
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
    private final List<TriageRequest> triaged = new CopyOnWriteArrayList<>();
    private volatile boolean triageDown;
    private volatile Priority priority = Priority.P3;
    private volatile String category = "Network";
    private volatile double confidence = 0.91;

    /** These models, with no redaction. */
    public Enrichment enrichment() {
        return new Enrichment(this, this, UnaryOperator.identity());
    }

    /** From now on, the triage model fails every call as unavailable. */
    public void takeTriageDown() {
        triageDown = true;
    }

    /** From now on, the triage model answers with this priority, category and confidence. */
    public void answerWith(Priority newPriority, String newCategory, double newConfidence) {
        priority = newPriority;
        category = newCategory;
        confidence = newConfidence;
    }

    /** What a text that no {@link #embedAs} prefix matches embeds as. */
    public static float[] defaultVector() {
        return DEFAULT_VECTOR.clone();
    }

    /** From now on, a text starting with {@code titlePrefix} embeds as {@code vector} (two unit components). */
    public void embedAs(String titlePrefix, float... vector) {
        vectors.put(titlePrefix, vector);
    }

    public List<String> embeddedTexts() {
        return List.copyOf(embedded);
    }

    public List<TriageRequest> triageRequests() {
        return List.copyOf(triaged);
    }

    @Override
    public String modelId() {
        return "fixed";
    }

    @Override
    public int dimensions() {
        return 2;
    }

    @Override
    public long estimatedTokens(EmbeddingRequest request) {
        return request.text().length() / 4 + 1;
    }

    @Override
    public CompletionStage<Embedding> embed(EmbeddingRequest request) {
        embedded.add(request.text());
        float[] vector = vectors.entrySet().stream()
                .filter(entry -> request.text().startsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(DEFAULT_VECTOR);
        return CompletableFuture.completedFuture(new Embedding(vector, "fixed-embedding", new TokenUsage(7, 0)));
    }

    @Override
    public long estimatedTokens(TriageRequest request) {
        return 100;
    }

    @Override
    public CompletionStage<Triage> triage(TriageRequest request) {
        triaged.add(request);
        if (triageDown) {
            return CompletableFuture.failedFuture(new ModelException(ModelException.Kind.UNAVAILABLE, "down"));
        }
        return CompletableFuture.completedFuture(new Triage(
                priority,
                category,
                confidence,
                "VPN disconnects",
                List.of("Update the VPN client"),
                120,
                TriageSource.MODEL,
                "fixed-triage",
                new TokenUsage(40, 12)));
    }
}
