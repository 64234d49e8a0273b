package io.ticketflow.testkit.bedrock;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Requests- and tokens-per-minute quotas as token buckets: each holds up to one minute's quota (Bedrock lets a quiet
 * account burst up to its per-minute quota) and refills continuously at the quota's rate. A call needs one request and
 * its reserved tokens from both buckets at once, or it is throttled and takes nothing. Thread-safe.
 *
 * <p>Like Bedrock, a Converse call reserves its input tokens plus its {@code maxTokens} at the start, and the unused
 * part of {@code maxTokens} is given back when it completes ({@link #giveBack}). A call that reserves more tokens than
 * the whole per-minute quota can never pass.
 */
final class QuotaLimiter {

    private static final long NANOS_PER_MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final Bucket requests;
    private final Bucket tokens;

    /**
     * @param requestsPerMinute the request quota; {@code 0} for none
     * @param tokensPerMinute the token quota; {@code 0} for none
     * @param nanoTime the clock the buckets refill by, like {@link System#nanoTime()}
     */
    QuotaLimiter(long requestsPerMinute, long tokensPerMinute, LongSupplier nanoTime) {
        this.requests = requestsPerMinute == 0 ? null : new Bucket(requestsPerMinute, nanoTime);
        this.tokens = tokensPerMinute == 0 ? null : new Bucket(tokensPerMinute, nanoTime);
    }

    /** Takes one request and {@code reservedTokens} tokens, or nothing; returns whether the call may go ahead. */
    synchronized boolean tryAcquire(long reservedTokens) {
        boolean requestAvailable = requests == null || requests.available() >= 1;
        boolean tokensAvailable = tokens == null || tokens.available() >= reservedTokens;
        if (!requestAvailable || !tokensAvailable) {
            return false;
        }
        if (requests != null) {
            requests.take(1);
        }
        if (tokens != null) {
            tokens.take(reservedTokens);
        }
        return true;
    }

    /**
     * Returns a whole acquisition: its request and its {@code reservedTokens}, for a call that another quota refused
     * after this one let it through.
     */
    synchronized void refund(long reservedTokens) {
        if (requests != null) {
            requests.take(-1);
        }
        if (tokens != null) {
            tokens.take(-reservedTokens);
        }
    }

    /** Returns {@code unusedTokens} of an earlier reservation to the token bucket. */
    synchronized void giveBack(long unusedTokens) {
        if (tokens != null && unusedTokens > 0) {
            tokens.take(-unusedTokens);
        }
    }

    /**
     * How much of one minute's quota could be used at once: the lower of the buckets' levels as a share of their
     * capacity, from 0 (a call now waits for the refill) to 1 (full); 1 with no quota.
     */
    synchronized double headroom() {
        double headroom = 1;
        for (Bucket bucket : new Bucket[] {requests, tokens}) {
            if (bucket != null) {
                headroom = Math.min(headroom, Math.max(0, bucket.available()) / bucket.capacity);
            }
        }
        return headroom;
    }

    /** One bucket; guarded by the enclosing limiter's lock. */
    private static final class Bucket {
        private final double capacity;
        private final double refillPerNano;
        private final LongSupplier nanoTime;
        private double level;
        private long refilledAt;

        Bucket(long perMinute, LongSupplier nanoTime) {
            this.capacity = perMinute;
            this.refillPerNano = (double) perMinute / NANOS_PER_MINUTE;
            this.nanoTime = nanoTime;
            this.level = perMinute;
            this.refilledAt = nanoTime.getAsLong();
        }

        double available() {
            long now = nanoTime.getAsLong();
            level = Math.min(capacity, level + (now - refilledAt) * refillPerNano);
            refilledAt = now;
            return level;
        }

        void take(long amount) {
            level = Math.min(capacity, level - amount);
        }
    }
}
