package io.ticketflow.topology.ai.guard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The meters of one guard, all under {@code ticketflow.model.*} with tag {@code model}; the README's
 * "Quotas, retries and the circuit breaker" lists them. Every meter is registered up front, so dashboards see zeros
 * rather than gaps. Thread-safe.
 */
final class GuardMetrics {

    /** What a single attempt can end as; the guard's own refusals end calls, not attempts. */
    private static final Set<CallOutcome> ATTEMPT_OUTCOMES = EnumSet.of(
            CallOutcome.SUCCESS,
            CallOutcome.THROTTLED,
            CallOutcome.UNAVAILABLE,
            CallOutcome.INVALID_ANSWER,
            CallOutcome.REJECTED);

    private final MeterRegistry registry;
    private final Tags model;
    private final Map<CallOutcome, Timer> calls = new EnumMap<>(CallOutcome.class);
    private final Map<CallOutcome, Counter> failures = new EnumMap<>(CallOutcome.class);
    private final Map<CallOutcome, Counter> attempts = new EnumMap<>(CallOutcome.class);
    private final Counter retries;
    private final Counter throttles;

    /**
     * @param callBudget the longest a call can take: the top of the latency histogram
     */
    GuardMetrics(String modelId, Duration callBudget, MeterRegistry registry) {
        this.registry = registry;
        this.model = Tags.of("model", modelId);
        for (CallOutcome outcome : CallOutcome.values()) {
            calls.put(
                    outcome,
                    Timer.builder("ticketflow.model.calls")
                            .description("Guarded model calls, from the caller's request to the final outcome: "
                                    + "queueing, attempts and retry delays included")
                            .tags(model.and("outcome", outcome.tag()))
                            .publishPercentileHistogram()
                            .minimumExpectedValue(Duration.ofMillis(10))
                            .maximumExpectedValue(callBudget)
                            .register(registry));
            if (outcome != CallOutcome.SUCCESS) {
                failures.put(
                        outcome,
                        Counter.builder("ticketflow.model.failures")
                                .description("Calls that failed for good, so the caller's fallback applies")
                                .tags(model.and("outcome", outcome.tag()))
                                .register(registry));
            }
        }
        for (CallOutcome outcome : ATTEMPT_OUTCOMES) {
            attempts.put(
                    outcome,
                    Counter.builder("ticketflow.model.attempts")
                            .description("Attempts made at the model (every retry is one), by how each ended")
                            .tags(model.and("outcome", outcome.tag()))
                            .register(registry));
        }
        this.retries = Counter.builder("ticketflow.model.retries")
                .description("Retries scheduled after a failed attempt")
                .tags(model)
                .register(registry);
        this.throttles = Counter.builder("ticketflow.model.throttles")
                .description("Attempts the model refused for quota")
                .tags(model)
                .register(registry);
    }

    /** Registers a gauge of this guard's state; {@code value} is read whenever the registry publishes. */
    void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).tags(model).register(registry);
    }

    void callEnded(CallOutcome outcome, long nanos) {
        calls.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
        if (outcome != CallOutcome.SUCCESS) {
            failures.get(outcome).increment();
        }
    }

    /** @param outcome one of the outcomes an attempt can have (not a refusal) */
    void attemptEnded(CallOutcome outcome) {
        attempts.get(outcome).increment();
        if (outcome == CallOutcome.THROTTLED) {
            throttles.increment();
        }
    }

    void retryScheduled() {
        retries.increment();
    }
}
