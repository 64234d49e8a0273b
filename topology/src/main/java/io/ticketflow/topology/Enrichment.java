package io.ticketflow.topology;

import io.ticketflow.topology.ai.EmbeddingModel;
import io.ticketflow.topology.ai.TriageModel;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What the enrichment stages call: the models, and the redaction applied to ticket text before it leaves for them.
 *
 * @param embedder the embedding model (the {@code embed} stage)
 * @param triager the triage model (the {@code triage} stage)
 * @param redaction removes personal data from text sent to a model; the tickets themselves keep their text
 */
public record Enrichment(EmbeddingModel embedder, TriageModel triager, UnaryOperator<String> redaction) {
    public Enrichment {
        Objects.requireNonNull(embedder, "embedder");
        Objects.requireNonNull(triager, "triager");
        Objects.requireNonNull(redaction, "redaction");
    }
}
