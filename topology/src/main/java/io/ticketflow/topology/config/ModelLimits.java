package io.ticketflow.topology.config;

import static io.ticketflow.topology.config.Settings.atLeast;
import static io.ticketflow.topology.config.Settings.between;
import static io.ticketflow.topology.config.Settings.positive;

import java.time.Duration;

/**
 * How one JVM may call one model: its share of the account quota, its retries and its circuit breaker
 * ({@code ticketflow.model.embedding-limits.*} and {@code ticketflow.model.triage-limits.*}). The guard of
 * {@code ai.guard} applies them; see the topology README, "Quotas, retries and the circuit breaker".
 *
 * <p>The defaults suit a Bedrock on-demand model with a small quota. Set the two budgets to the account's quota for
 * the model (Service Quotas: "On-demand model inference requests/tokens per minute for ..."); every instance may use
 * the whole of it, because the adaptive concurrency limit backs off on throttling so that instances sharing the
 * quota converge on it.
 *
 * @param requestsPerMinute requests this JVM starts per minute at most, retries included (a token bucket holding one
 *     minute's worth, refilled continuously); default 100
 * @param tokensPerMinute tokens this JVM reserves per minute at most, as the model's estimate before each attempt
 *     (input plus maximum output), corrected by the usage the model reports; default 100000
 * @param initialConcurrency attempts in flight at start, before the adaptive limit has learnt anything; default 4
 * @param minConcurrency the adaptive limit never shrinks below this; default 1
 * @param maxConcurrency the adaptive limit never grows beyond this; default 128
 * @param maxAttempts attempts per call, the first included (so retries = attempts - 1); default 5
 * @param initialBackoff the ceiling of the first retry's random delay; it doubles with every retry; default 500 ms
 * @param maxBackoff the largest ceiling of a retry's random delay; a longer Retry-After from the model still wins;
 *     default 20 s
 * @param attemptTimeout an attempt not answered within this fails as unavailable (and is retried); default 20 s
 * @param callBudget the longest a call may take, from its start through queueing, attempts and delays, before it fails
 *     for good; keep it below {@code ticketflow.async.call-budget} so that the guard, which knows why, fails first;
 *     default 50 s
 * @param breakerFailureRatePercent the circuit opens when this share of the attempts in the window failed as
 *     unavailable or with an invalid answer (throttled and rejected attempts do not count); default 50
 * @param breakerWindowSize the attempts the failure rate is measured over (a sliding count; the circuit cannot open
 *     before this many attempts were made); default 20
 * @param breakerOpenWait how long an open circuit fails every call at once before it lets probe calls through;
 *     default 30 s
 * @param breakerProbeCalls attempts a half-open circuit lets through; their failure rate closes or re-opens it;
 *     default 3
 */
public record ModelLimits(
        Integer requestsPerMinute,
        Integer tokensPerMinute,
        Integer initialConcurrency,
        Integer minConcurrency,
        Integer maxConcurrency,
        Integer maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration attemptTimeout,
        Duration callBudget,
        Integer breakerFailureRatePercent,
        Integer breakerWindowSize,
        Duration breakerOpenWait,
        Integer breakerProbeCalls) {

    private static final String PREFIX = "model.<embedding|triage>-limits.";

    public ModelLimits {
        requestsPerMinute = atLeast(PREFIX + "requests-per-minute", requestsPerMinute, 100, 1);
        tokensPerMinute = atLeast(PREFIX + "tokens-per-minute", tokensPerMinute, 100_000, 1);
        minConcurrency = atLeast(PREFIX + "min-concurrency", minConcurrency, 1, 1);
        maxConcurrency = atLeast(PREFIX + "max-concurrency", maxConcurrency, 128, minConcurrency);
        initialConcurrency =
                between(PREFIX + "initial-concurrency", initialConcurrency, 4, minConcurrency, maxConcurrency);
        maxAttempts = atLeast(PREFIX + "max-attempts", maxAttempts, 5, 1);
        initialBackoff = positive(PREFIX + "initial-backoff", initialBackoff, Duration.ofMillis(500));
        maxBackoff = positive(PREFIX + "max-backoff", maxBackoff, Duration.ofSeconds(20));
        requireAtMost("initial-backoff", initialBackoff, "max-backoff", maxBackoff);
        attemptTimeout = positive(PREFIX + "attempt-timeout", attemptTimeout, Duration.ofSeconds(20));
        callBudget = positive(PREFIX + "call-budget", callBudget, Duration.ofSeconds(50));
        requireAtMost("attempt-timeout", attemptTimeout, "call-budget", callBudget);
        breakerFailureRatePercent =
                between(PREFIX + "breaker-failure-rate-percent", breakerFailureRatePercent, 50, 1, 100);
        breakerWindowSize = atLeast(PREFIX + "breaker-window-size", breakerWindowSize, 20, 1);
        breakerOpenWait = positive(PREFIX + "breaker-open-wait", breakerOpenWait, Duration.ofSeconds(30));
        breakerProbeCalls = atLeast(PREFIX + "breaker-probe-calls", breakerProbeCalls, 3, 1);
    }

    /** The defaults. */
    public static ModelLimits defaults() {
        return new ModelLimits(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static void requireAtMost(String smallerSetting, Duration smaller, String largerSetting, Duration larger) {
        if (smaller.compareTo(larger) > 0) {
            throw new IllegalArgumentException("ticketflow." + PREFIX + smallerSetting + " (" + smaller
                    + ") must not exceed ticketflow." + PREFIX + largerSetting + " (" + larger + ")");
        }
    }
}
