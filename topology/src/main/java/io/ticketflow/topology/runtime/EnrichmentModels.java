package io.ticketflow.topology.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.topology.Enrichment;
import io.ticketflow.topology.ai.EmbeddingModel;
import io.ticketflow.topology.ai.TriageModel;
import io.ticketflow.topology.ai.bedrock.BedrockModels;
import io.ticketflow.topology.ai.guard.GuardedEmbeddingModel;
import io.ticketflow.topology.ai.guard.GuardedTriageModel;
import io.ticketflow.topology.ai.local.LocalModels;
import io.ticketflow.topology.ai.redaction.PiiRedactor;
import io.ticketflow.topology.ai.simulated.SimulatedModels;
import io.ticketflow.topology.config.ModelSettings;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;

/**
 * The models of the configured provider as the enrichment stages call them, and what to close when the application
 * stops (inference threads, HTTP clients, the guards' scheduler).
 *
 * <p>Remote providers ({@code bedrock}, {@code simulator}) are wrapped in guards (quota, adaptive concurrency,
 * retries, circuit breaker); the {@code local} model has no account quota and no network, and bounds its own queue.
 */
public final class EnrichmentModels implements AutoCloseable {

    /** Guards only queue, time and start attempts; two threads serve every guard of the JVM. */
    private static final int GUARD_THREADS = 2;

    private final Enrichment enrichment;
    private final List<AutoCloseable> resources;

    private EnrichmentModels(Enrichment enrichment, List<AutoCloseable> resources) {
        this.enrichment = enrichment;
        this.resources = resources;
    }

    /** Creates the models {@code settings} name; {@code meters} receives their metrics. */
    public static EnrichmentModels create(ModelSettings settings, MeterRegistry meters) {
        UnaryOperator<String> redaction = new PiiRedactor(settings.redaction())::redact;
        return switch (settings.provider()) {
            case "local" -> {
                LocalModels local = LocalModels.create(settings.local(), settings.categories());
                yield new EnrichmentModels(
                        new Enrichment(local.embedding(), local.triage(), redaction), List.of(local));
            }
            case "bedrock" -> {
                BedrockModels bedrock = BedrockModels.create(settings.bedrock(), settings.categories(), meters);
                yield guarded(bedrock.embeddingModel(), bedrock.triageModel(), bedrock, settings, meters, redaction);
            }
            case SimulatedModels.PROVIDER -> {
                ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().name("simulated-model").daemon().factory());
                SimulatedModels simulated = new SimulatedModels(settings.simulator(), answers);
                yield guarded(
                        simulated.embedding(), simulated.triage(), answers::shutdownNow, settings, meters, redaction);
            }
            default -> throw new IllegalArgumentException("Unknown ticketflow.model.provider " + settings.provider());
        };
    }

    private static EnrichmentModels guarded(
            EmbeddingModel embedder,
            TriageModel triager,
            AutoCloseable provider,
            ModelSettings settings,
            MeterRegistry meters,
            UnaryOperator<String> redaction) {
        ScheduledExecutorService guards = Executors.newScheduledThreadPool(
                GUARD_THREADS,
                Thread.ofPlatform().name("model-guard-", 0).daemon().factory());
        Enrichment enrichment = new Enrichment(
                new GuardedEmbeddingModel(embedder, settings.embeddingLimits(), meters, guards),
                new GuardedTriageModel(triager, settings.triageLimits(), meters, guards),
                redaction);
        return new EnrichmentModels(enrichment, List.of(guards::shutdownNow, provider));
    }

    /** The models and redaction the stages use. */
    public Enrichment enrichment() {
        return enrichment;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }
}
