package io.ticketflow.topology.ai.guard;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.ticketflow.topology.ai.ModelException;
import java.time.Duration;
import java.util.Random;

/**
 * The delay before a retry: exponential backoff with full jitter, or the model's Retry-After when that is longer.
 *
 * <p>Retry {@code n} (counting from 1) waits a uniformly random time in {@code [1 ms, min(maxBackoff,
 * initialBackoff × 2^(n-1))]}. Full jitter (rather than a fixed or half-jittered delay) spreads the retries of many
 * calls throttled at the same moment, so they do not come back together; the lower bound of 1 ms keeps every delay a
 * real one (Resilience4j reads a delay below 1 ms as "do not retry"). Thread-safe, as {@link Random} is.
 */
final class FullJitterBackoff implements IntervalBiFunction<Object> {

    private final long initialMillis;
    private final long maxMillis;
    private final Random random;

    FullJitterBackoff(Duration initialBackoff, Duration maxBackoff, Random random) {
        this.initialMillis = Math.max(1, initialBackoff.toMillis());
        this.maxMillis = Math.max(initialMillis, maxBackoff.toMillis());
        this.random = random;
    }

    /**
     * @param retry the retry about to be made, from 1
     * @param failure the failure that caused it (Resilience4j calls this with a result only for result-based retries,
     *     which the guard does not use)
     * @return the delay in milliseconds, at least 1
     */
    @Override
    public Long apply(Integer retry, Either<Throwable, Object> failure) {
        long jittered = 1 + random.nextLong(ceilingMillis(retry));
        long retryAfter = failure.isLeft() && failure.getLeft() instanceof ModelException modelFailure
                ? modelFailure.retryAfter().map(Duration::toMillis).orElse(0L)
                : 0;
        return Math.max(jittered, retryAfter);
    }

    /** {@code min(maxBackoff, initialBackoff × 2^(retry-1))}, without overflowing for many retries. */
    long ceilingMillis(int retry) {
        int doublings = Math.min(retry - 1, Long.numberOfLeadingZeros(initialMillis) - 1);
        return Math.min(maxMillis, initialMillis << doublings);
    }
}
