package io.ticketflow.topology.ai.guard;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One JVM's requests- and tokens-per-minute budget for one model: two Bucket4j token buckets, each holding one minute's
 * worth and refilled continuously.
 *
 * <p>Every attempt takes one request and reserves its estimated tokens before it starts; once the model reports its
 * usage, {@link #settle} refunds what was reserved too much or takes what was reserved too little (the token bucket
 * may then go below zero, delaying later attempts). Thread-safe; never blocks.
 */
final class QuotaBudget {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final Bucket requests;
    private final Bucket tokens;
    private final long tokenCapacity;

    /**
     * @param nanoTime a monotonic clock in nanoseconds, {@code System::nanoTime} in production
     */
    QuotaBudget(int requestsPerMinute, int tokensPerMinute, LongSupplier nanoTime) {
        this.requests = perMinute(requestsPerMinute, nanoTime);
        this.tokens = perMinute(tokensPerMinute, nanoTime);
        this.tokenCapacity = tokensPerMinute;
    }

    /**
     * The tokens to reserve for an attempt the model estimates at {@code estimatedTokens}: at least 1, and at most a
     * whole minute's budget, since a larger reservation could never be granted (the settlement takes the rest).
     */
    long reservation(long estimatedTokens) {
        return Math.clamp(estimatedTokens, 1, tokenCapacity);
    }

    /**
     * Takes one request and {@code reservedTokens} tokens, both or neither.
     *
     * @param reservedTokens from {@link #reservation}
     * @return 0 when taken; otherwise the nanoseconds until trying again may succeed
     */
    long tryTake(long reservedTokens) {
        ConsumptionProbe request = requests.tryConsumeAndReturnRemaining(1);
        if (!request.isConsumed()) {
            return request.getNanosToWaitForRefill();
        }
        ConsumptionProbe reservation = tokens.tryConsumeAndReturnRemaining(reservedTokens);
        if (!reservation.isConsumed()) {
            requests.addTokens(1);
            return reservation.getNanosToWaitForRefill();
        }
        return 0;
    }

    /** Corrects a reservation by the tokens the model reported for the attempt. */
    void settle(long reservedTokens, long usedTokens) {
        if (usedTokens > reservedTokens) {
            tokens.consumeIgnoringRateLimits(usedTokens - reservedTokens);
        } else if (usedTokens < reservedTokens) {
            tokens.addTokens(reservedTokens - usedTokens);
        }
    }

    /** Requests that could start now; for the budget gauge. */
    long remainingRequests() {
        return requests.getAvailableTokens();
    }

    /** Tokens that could be reserved now; negative after attempts used more than reserved. For the budget gauge. */
    long remainingTokens() {
        return tokens.getAvailableTokens();
    }

    private static Bucket perMinute(int perMinute, LongSupplier nanoTime) {
        return Bucket.builder()
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
                .build();
    }
}
