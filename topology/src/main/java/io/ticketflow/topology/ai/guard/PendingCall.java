package io.ticketflow.topology.ai.guard;

import io.github.resilience4j.retry.Retry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One guarded call, from the caller's request until it succeeds or fails for good, across all its attempts.
 *
 * <p>Its attempts run one after another, each started by the guard's scheduler; {@link #finish} decides once which
 * outcome wins, so a late answer after the call budget ran out (or the reverse) is dropped. Thread-safe.
 *
 * @param <Q> the request
 * @param <R> the answer
 */
final class PendingCall<Q, R> {

    private final Q request;
    private final long sequence;
    private final long reservedTokens;
    private final long startedNanos;
    private final long deadlineNanos;
    private final Retry.AsyncContext<R> retry;
    private final CompletableFuture<R> result = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile Throwable lastFailure;
    private volatile Future<?> expiry;

    /**
     * @param sequence the call's place in the guard's queue: lower goes first, retries included
     * @param reservedTokens the tokens every attempt reserves from the budget
     * @param startedNanos when the caller made the call, on the guard's clock
     * @param deadlineNanos when the call budget runs out, on the guard's clock
     * @param retry this call's retry state
     */
    PendingCall(
            Q request,
            long sequence,
            long reservedTokens,
            long startedNanos,
            long deadlineNanos,
            Retry.AsyncContext<R> retry) {
        this.request = request;
        this.sequence = sequence;
        this.reservedTokens = reservedTokens;
        this.startedNanos = startedNanos;
        this.deadlineNanos = deadlineNanos;
        this.retry = retry;
    }

    Q request() {
        return request;
    }

    long sequence() {
        return sequence;
    }

    long reservedTokens() {
        return reservedTokens;
    }

    long startedNanos() {
        return startedNanos;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    Retry.AsyncContext<R> retry() {
        return retry;
    }

    /** What the caller holds; completed only by the winner of {@link #finish}. */
    CompletableFuture<R> result() {
        return result;
    }

    /** Counts an attempt about to start. */
    void beginAttempt() {
        attempts.incrementAndGet();
    }

    /** Attempts started so far. */
    int attempts() {
        return attempts.get();
    }

    /** The failure of the latest attempt, or {@code null} when none failed yet. */
    Throwable lastFailure() {
        return lastFailure;
    }

    void attemptFailed(Throwable failure) {
        lastFailure = failure;
    }

    /** Remembers the timer that ends the call at its deadline, to cancel it when the call ends earlier. */
    void expiresWith(Future<?> timer) {
        expiry = timer;
    }

    boolean isFinished() {
        return finished.get();
    }

    /**
     * Claims the right to end the call: {@code true} exactly once. The winner records metrics, then completes
     * {@link #result}; the expiry timer is cancelled.
     */
    boolean finish() {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        Future<?> timer = expiry;
        if (timer != null) {
            timer.cancel(false);
        }
        return true;
    }
}
