package io.ticketflow.topology.ai.simulated;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.ticketflow.topology.ai.ModelException;
import io.ticketflow.topology.config.SimulatedModelSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What every simulated model shares: the quota, random faults, latency and counts of one model. Thread-safe and
 * non-blocking.
 *
 * <p>Each call in turn: beyond the quota it is throttled with a Retry-After (the time until the quota has room); else
 * throttled at random (without Retry-After), else failed at random as unavailable, else answered. Throttles come back
 * at once, as a provider refuses before the model runs; failures and answers after the drawn latency. All complete on
 * the scheduler. A call admitted by the quota uses it even when it then fails.
 *
 * <p><b>Determinism.</b> The draws of the n-th call depend on the seed and n only, so the same sequence of calls gets
 * the same latencies and faults; with the quota, the same timing too.
 */
final class SimulatedEndpoint {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final String modelId;
    private final SimulatedModelSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Optional<Bucket> requestQuota;
    private final Optional<Bucket> tokenQuota;
    private final long seed;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /**
     * @param seedSalt tells apart the draws of the models made from the same settings
     */
    SimulatedEndpoint(
            String modelId,
            SimulatedModelSettings settings,
            ScheduledExecutorService scheduler,
            LongSupplier nanoTime,
            long seedSalt) {
        this.modelId = modelId;
        this.settings = settings;
        this.scheduler = scheduler;
        this.requestQuota = perMinute(settings.requestsPerMinute(), nanoTime);
        this.tokenQuota = perMinute(settings.tokensPerMinute(), nanoTime);
        this.seed = mix64(settings.seed() ^ seedSalt);
    }

    /**
     * Simulates one call.
     *
     * @param tokens the tokens the answer reports, which the token quota counts
     * @param answer makes the answer, on the scheduler, when the call succeeds
     */
    <T> CompletionStage<T> call(long tokens, Supplier<T> answer) {
        SplittableRandom random = new SplittableRandom(mix64(seed + sequence.getAndIncrement()));
        CompletableFuture<T> result = new CompletableFuture<>();
        Optional<Duration> quotaWait = takeQuota(tokens);
        if (quotaWait.isPresent()) {
            throttled.incrementAndGet();
            return failSoon(result, ModelException.Kind.THROTTLED, "simulated quota exceeded", quotaWait.get(), 0);
        }
        if (random.nextDouble() < settings.throttleRate()) {
            throttled.incrementAndGet();
            return failSoon(result, ModelException.Kind.THROTTLED, "simulated throttling", null, 0);
        }
        long latencyNanos = latencyNanos(random);
        if (random.nextDouble() < settings.failureRate()) {
            failed.incrementAndGet();
            return failSoon(result, ModelException.Kind.UNAVAILABLE, "simulated failure", null, latencyNanos);
        }
        succeeded.incrementAndGet();
        scheduler.schedule(() -> result.complete(answer.get()), latencyNanos, TimeUnit.NANOSECONDS);
        return result;
    }

    SimulatedCounts counts() {
        return new SimulatedCounts(sequence.get(), succeeded.get(), throttled.get(), failed.get());
    }

    private <T> CompletionStage<T> failSoon(
            CompletableFuture<T> result,
            ModelException.Kind kind,
            String message,
            Duration retryAfter,
            long delayNanos) {
        ModelException failure = new ModelException(kind, message + " (" + modelId + ")", retryAfter, null);
        scheduler.schedule(() -> result.completeExceptionally(failure), delayNanos, TimeUnit.NANOSECONDS);
        return result;
    }

    /** Takes one request and {@code tokens} from the quota, both or neither; empty when taken, else how long to wait. */
    private Optional<Duration> takeQuota(long tokens) {
        if (requestQuota.isPresent()) {
            ConsumptionProbe request = requestQuota.get().tryConsumeAndReturnRemaining(1);
            if (!request.isConsumed()) {
                return Optional.of(retryAfter(request));
            }
        }
        if (tokenQuota.isPresent() && tokens > 0) {
            ConsumptionProbe reservation = tokenQuota.get().tryConsumeAndReturnRemaining(tokens);
            if (!reservation.isConsumed()) {
                requestQuota.ifPresent(bucket -> bucket.addTokens(1));
                return Optional.of(retryAfter(reservation));
            }
        }
        return Optional.empty();
    }

    /** Whole milliseconds, at least one, as an HTTP Retry-After in milliseconds would say. */
    private static Duration retryAfter(ConsumptionProbe refused) {
        return Duration.ofMillis(
                Math.max(1, TimeUnit.NANOSECONDS.toMillis(refused.getNanosToWaitForRefill() + 999_999)));
    }

    /** Uniform in [mean - jitter, mean + jitter]; the settings keep the jitter at most the mean. */
    private long latencyNanos(SplittableRandom random) {
        long mean = settings.meanLatency().toNanos();
        long jitter = settings.latencyJitter().toNanos();
        return jitter == 0 ? mean : mean - jitter + random.nextLong(2 * jitter + 1);
    }

    private static Optional<Bucket> perMinute(int perMinute, LongSupplier nanoTime) {
        if (perMinute == 0) {
            return Optional.empty();
        }
        return Optional.of(Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, MINUTE))
                .withCustomTimePrecision(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        return nanoTime.getAsLong();
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return false;
                    }
                })
                .build());
    }

    /** Stafford's variant 13 of the 64-bit finaliser (as in {@link SplittableRandom}): spreads close seeds apart. */
    static long mix64(long value) {
        long z = (value ^ (value >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
