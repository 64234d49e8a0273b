package io.ticketflow.topology.ai.guard;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.schemas.TokenUsage;
import io.ticketflow.schemas.Triage;
import io.ticketflow.topology.ai.ModelException;
import io.ticketflow.topology.ai.TriageModel;
import io.ticketflow.topology.ai.TriageRequest;
import io.ticketflow.topology.config.ModelLimits;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * A {@link TriageModel} that calls another within its {@link ModelLimits}: requests- and tokens-per-minute budget,
 * adaptive concurrency, retries with backoff, per-attempt timeout and circuit breaker. Create one per model per JVM
 * (and per meter registry) and share it between all stream threads.
 *
 * <p><b>Contract of {@link #triage}.</b> Returns at once without calling the model on the caller's thread; the stage
 * completes on the scheduler's or the model's threads, never on the caller's, within
 * {@link ModelLimits#callBudget()}: with the validated triage, or exceptionally with a {@link ModelException} whose
 * {@link CallOutcome#of outcome} says why (the last attempt's kind, or {@link CallOutcome#CIRCUIT_OPEN} /
 * {@link CallOutcome#BUDGET_EXHAUSTED}). Calls waiting for budget or concurrency queue in arrival order; the queue has
 * no bound of its own, the caller's in-flight bound (per task, in the async stage) bounds it.
 *
 * @see io.ticketflow.topology.ai.guard
 */
public final class GuardedTriageModel implements TriageModel {

    private final TriageModel model;
    private final ModelGuard<TriageRequest, Triage> guard;

    /**
     * @param model the adapter to guard; it must not retry on its own (configure its SDK for one attempt)
     * @param registry where the {@code ticketflow.model.*} meters go
     * @param scheduler queues calls, runs timers and starts attempts, briefly each (model I/O runs on the adapter's
     *     threads); one or two threads serve every guard of the JVM. Not owned: it must outlive the guard
     */
    public GuardedTriageModel(
            TriageModel model, ModelLimits limits, MeterRegistry registry, ScheduledExecutorService scheduler) {
        this(model, limits, registry, scheduler, System::nanoTime, new Random());
    }

    /**
     * For tests and simulations that control time: as the other constructor, with the clock and the source of backoff
     * jitter given.
     *
     * @param nanoTime a monotonic clock in nanoseconds, the time of {@code scheduler}
     * @param jitter draws the retry delays; seed it for repeatable runs
     */
    public GuardedTriageModel(
            TriageModel model,
            ModelLimits limits,
            MeterRegistry registry,
            ScheduledExecutorService scheduler,
            LongSupplier nanoTime,
            Random jitter) {
        this.model = Objects.requireNonNull(model, "model");
        this.guard = new ModelGuard<>(new Port(model), limits, registry, scheduler, nanoTime, jitter);
    }

    @Override
    public String modelId() {
        return model.modelId();
    }

    @Override
    public long estimatedTokens(TriageRequest request) {
        return model.estimatedTokens(request);
    }

    @Override
    public CompletionStage<Triage> triage(TriageRequest request) {
        return guard.call(Objects.requireNonNull(request, "request"));
    }

    private record Port(TriageModel model) implements ModelCall<TriageRequest, Triage> {
        @Override
        public String modelId() {
            return model.modelId();
        }

        @Override
        public long estimatedTokens(TriageRequest request) {
            return model.estimatedTokens(request);
        }

        @Override
        public CompletionStage<Triage> start(TriageRequest request) {
            return model.triage(request);
        }

        @Override
        public TokenUsage usage(Triage answer) {
            return answer.usage();
        }
    }
}
