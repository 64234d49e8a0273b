package io.ticketflow.topology.ai.simulated;

import io.ticketflow.topology.config.SimulatedModelSettings;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * The {@code simulator} provider: an embedding and a triage model, each with its own quota, faults and
 * counts, answering on a scheduler. For local runs, tests and benchmarks.
 */
public final class SimulatedModels {

    /** The provider name, as configuration selects it. */
    public static final String PROVIDER = "simulator";

    private final SimulatedEmbeddingModel embedding;
    private final SimulatedTriageModel triage;

    /**
     * @param scheduler completes every call (after its latency); not owned: it must outlive the models
     */
    public SimulatedModels(SimulatedModelSettings settings, ScheduledExecutorService scheduler) {
        this(settings, scheduler, System::nanoTime);
    }

    /**
     * For tests and simulations that control time.
     *
     * @param nanoTime a monotonic clock in nanoseconds, the time of {@code scheduler}: the quota refills by it
     */
    public SimulatedModels(SimulatedModelSettings settings, ScheduledExecutorService scheduler, LongSupplier nanoTime) {
        this.embedding = new SimulatedEmbeddingModel(
                settings.dimensions(),
                new SimulatedEndpoint(SimulatedEmbeddingModel.MODEL_ID, settings, scheduler, nanoTime, 1));
        this.triage = new SimulatedTriageModel(
                settings.maxOutputTokens(),
                new SimulatedEndpoint(SimulatedTriageModel.MODEL_ID, settings, scheduler, nanoTime, 2));
    }

    public SimulatedEmbeddingModel embedding() {
        return embedding;
    }

    public SimulatedTriageModel triage() {
        return triage;
    }
}
