package io.ticketflow.topology.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.topology.Enrichment;
import io.ticketflow.topology.ai.bedrock.BedrockModels;
import io.ticketflow.topology.ai.local.LocalModels;
import io.ticketflow.topology.ai.redaction.PiiRedactor;
import io.ticketflow.topology.config.ModelSettings;
import java.util.function.UnaryOperator;

/**
 * The models of the configured provider, as the enrichment stages use them, and what to close when the application
 * stops (threads, HTTP clients).
 */
public final class EnrichmentModels implements AutoCloseable {

    private final Enrichment enrichment;
    private final AutoCloseable resources;

    private EnrichmentModels(Enrichment enrichment, AutoCloseable resources) {
        this.enrichment = enrichment;
        this.resources = resources;
    }

    /** Creates the models {@code settings} name. */
    public static EnrichmentModels create(ModelSettings settings, MeterRegistry meters) {
        PiiRedactor redactor = new PiiRedactor(settings.redaction());
        UnaryOperator<String> redaction = redactor::redact;
        return switch (settings.provider()) {
            case "local" -> {
                LocalModels local = LocalModels.create(settings.local());
                yield new EnrichmentModels(new Enrichment(local.embedding(), local.triage(), redaction), local);
            }
            case "bedrock" -> {
                BedrockModels bedrock = BedrockModels.create(settings.bedrock(), meters);
                yield new EnrichmentModels(
                        new Enrichment(bedrock.embeddingModel(), bedrock.triageModel(), redaction), bedrock);
            }
            default ->
                throw new IllegalArgumentException(
                        "ticketflow.model.provider " + settings.provider() + " is not available in this build");
        };
    }

    /** The models and redaction the stages use. */
    public Enrichment enrichment() {
        return enrichment;
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
