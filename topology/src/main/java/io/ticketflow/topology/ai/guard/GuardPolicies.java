package io.ticketflow.topology.ai.guard;

import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.ticketflow.topology.ai.ModelException;
import io.ticketflow.topology.ai.ModelException.Kind;
import io.ticketflow.topology.config.ModelLimits;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/** Builds the library parts of a guard from its {@link ModelLimits}: the policies, in one place. */
final class GuardPolicies {

    /** AIMD's own default: shed a tenth of the limit per throttled window. */
    private static final double CONCURRENCY_BACKOFF_RATIO = 0.9;

    /** The limit changes at most once per window: between one and ten seconds, twice the shortest attempt in it. */
    private static final long MIN_WINDOW_SECONDS = 1;

    private static final long MAX_WINDOW_SECONDS = 10;

    private GuardPolicies() {}

    /**
     * An AIMD concurrency limit (Netflix concurrency-limits): down by a tenth when an attempt was throttled, up by one
     * while attempts succeed and use at least half the limit. It runs in windows ({@link RoundTripWindowedLimit}: at
     * most one change per window, like TCP's once per round trip), so a burst of throttles that one overshoot caused
     * counts once, and a busy model does not grow the limit by one per call.
     */
    static SimpleLimiter<Void> concurrencyLimiter(String modelId, ModelLimits limits, LongSupplier nanoTime) {
        AIMDLimit aimd = AIMDLimit.newBuilder()
                .initialLimit(limits.initialConcurrency())
                .minLimit(limits.minConcurrency())
                .maxLimit(limits.maxConcurrency())
                .backoffRatio(CONCURRENCY_BACKOFF_RATIO)
                // A timed-out attempt already failed; an attempt near the timeout is no throttling signal.
                .timeout(limits.attemptTimeout().toNanos() + 1, TimeUnit.NANOSECONDS)
                .build();
        // Not the library's WindowedLimit: it discards windows of fewer than ten attempts, which froze small limits.
        RoundTripWindowedLimit windowed = new RoundTripWindowedLimit(
                aimd, TimeUnit.SECONDS.toNanos(MIN_WINDOW_SECONDS), TimeUnit.SECONDS.toNanos(MAX_WINDOW_SECONDS));
        return SimpleLimiter.newBuilder()
                .named(modelId)
                .limit(windowed)
                .nanoClock(nanoTime)
                .build();
    }

    /**
     * The retry policy (Resilience4j): up to {@link ModelLimits#maxAttempts()} attempts, retryable kinds only, delays
     * from {@link FullJitterBackoff}. The guard drives it through {@link Retry#asyncContext()}.
     */
    static Retry retry(String modelId, ModelLimits limits, Random random) {
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(limits.maxAttempts())
                .retryOnException(failure -> failure instanceof ModelException modelFailure && modelFailure.retryable())
                .intervalBiFunction(new FullJitterBackoff(limits.initialBackoff(), limits.maxBackoff(), random))
                .build();
        return Retry.of(modelId, config);
    }

    /**
     * The circuit breaker (Resilience4j), fed one sample per attempt. Unavailable and invalid answers count as
     * failures; throttling is ignored (quota is the concurrency limit's business, and counting it would send
     * tickets to humans whenever instances converge on the quota), and so are rejections (the request's fault).
     */
    static CircuitBreaker circuitBreaker(String modelId, ModelLimits limits, LongSupplier nanoTime) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(limits.breakerWindowSize())
                .minimumNumberOfCalls(limits.breakerWindowSize())
                .failureRateThreshold(limits.breakerFailureRatePercent())
                .waitDurationInOpenState(limits.breakerOpenWait())
                .permittedNumberOfCallsInHalfOpenState(limits.breakerProbeCalls())
                .recordException(kindIn(Kind.UNAVAILABLE, Kind.INVALID_ANSWER))
                .ignoreException(kindIn(Kind.THROTTLED, Kind.REJECTED))
                .clock(new MonotonicClock(nanoTime))
                .build();
        return CircuitBreaker.of(modelId, config);
    }

    /** The per-attempt timeout (Resilience4j), scheduled on the guard's scheduler. */
    static TimeLimiter timeLimiter(String modelId, ModelLimits limits) {
        return TimeLimiter.of(
                modelId,
                TimeLimiterConfig.custom()
                        .timeoutDuration(limits.attemptTimeout())
                        .build());
    }

    private static Predicate<Throwable> kindIn(Kind first, Kind second) {
        return failure -> failure instanceof ModelException modelFailure
                && (modelFailure.kind() == first || modelFailure.kind() == second);
    }

    /**
     * The guard's monotonic clock as a {@link Clock}, for the breaker's open-state wait: it only ever measures how
     * much time passed, so instants that start at the epoch are as good as wall-clock ones, and never jump.
     */
    private static final class MonotonicClock extends Clock {
        private final LongSupplier nanoTime;
        private final ZoneId zone;

        MonotonicClock(LongSupplier nanoTime) {
            this(nanoTime, ZoneOffset.UTC);
        }

        private MonotonicClock(LongSupplier nanoTime, ZoneId zone) {
            this.nanoTime = nanoTime;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return Instant.EPOCH.plusNanos(nanoTime.getAsLong());
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new MonotonicClock(nanoTime, newZone);
        }
    }
}
