package io.ticketflow.topology.ai.guard;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.schemas.TokenUsage;
import io.ticketflow.topology.ai.ModelException;
import io.ticketflow.topology.config.ModelLimits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guard of one model in one JVM, whatever the port: quota, adaptive concurrency, retries, per-attempt timeout and
 * circuit breaker around {@link ModelCall#start}. {@link GuardedEmbeddingModel} and {@link GuardedTriageModel} are its
 * faces; their Javadoc and the topology README state the contract.
 *
 * <p><b>How a call moves.</b> {@link #call} only hands the call to the scheduler. There it waits in a queue ordered by
 * arrival (a retry keeps its call's place) until, at the head, the circuit breaker permits it, the concurrency limit
 * has room and the budget has a request and its tokens; then an attempt starts, under a timeout. When it ends, the
 * breaker learns from it and the tokens are settled; a retryable failure is retried after a backoff delay (back into
 * the queue), anything else ends the call. The concurrency permit goes back, teaching the limit, when the call ends or
 * its retry is due. A timer ends the call when its budget runs out, wherever it is.
 *
 * <p><b>Threads.</b> The queue is drained on the scheduler only, under a lock held for bookkeeping, never while a
 * model or a caller's callback runs; attempts are started there too. Attempts end on whatever thread the model
 * completes them (or on the scheduler, for a timeout). No method blocks, and the caller's thread never runs a model
 * call or completes a result.
 *
 * @param <Q> the request
 * @param <R> the answer
 */
final class ModelGuard<Q, R> {

    private static final Logger LOG = LoggerFactory.getLogger(ModelGuard.class);

    private final ModelCall<Q, R> model;
    private final String modelId;
    private final ModelLimits limits;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoTime;
    private final QuotaBudget budget;
    private final SimpleLimiter<Void> concurrency;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final TimeLimiter timeLimiter;
    private final GuardMetrics metrics;

    private final AtomicLong arrivals = new AtomicLong();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final ReentrantLock lock = new ReentrantLock();

    /** Calls waiting for their next attempt to start, oldest call first. Guarded by {@link #lock}. */
    private final PriorityQueue<PendingCall<Q, R>> waiting =
            new PriorityQueue<>(Comparator.comparingLong(PendingCall::sequence));

    /** When the earliest wake-up for budget is due, on {@link #nanoTime}; none when MAX_VALUE. Guarded by lock. */
    private long wakeUpAt = Long.MAX_VALUE;

    /** The size of {@link #waiting}, for the gauge, which must not take the lock. */
    private volatile int waitingCount;

    /**
     * @param scheduler runs the queue, the timers and attempt starts; must outlive the guard
     * @param nanoTime a monotonic clock in nanoseconds for budget refill, deadlines, the breaker and the limit
     * @param jitter the random source of backoff delays
     */
    ModelGuard(
            ModelCall<Q, R> model,
            ModelLimits limits,
            MeterRegistry registry,
            ScheduledExecutorService scheduler,
            LongSupplier nanoTime,
            Random jitter) {
        this.model = model;
        this.modelId = model.modelId();
        this.limits = limits;
        this.scheduler = scheduler;
        this.nanoTime = nanoTime;
        this.budget = new QuotaBudget(limits.requestsPerMinute(), limits.tokensPerMinute(), nanoTime);
        this.concurrency = GuardPolicies.concurrencyLimiter(modelId, limits, nanoTime);
        this.retry = GuardPolicies.retry(modelId, limits, jitter);
        this.breaker = GuardPolicies.circuitBreaker(modelId, limits, nanoTime);
        this.timeLimiter = GuardPolicies.timeLimiter(modelId, limits);
        this.metrics = new GuardMetrics(modelId, limits.callBudget(), registry);
        breaker.getEventPublisher()
                .onStateTransition(
                        event -> LOG.warn("Model {}: circuit breaker {}", modelId, event.getStateTransition()));
        registerGauges();
    }

    /**
     * Starts a guarded call; returns at once, having only queued it for the scheduler.
     *
     * @return completes with the answer, or exceptionally with a {@link ModelException} (see {@link CallOutcome#of})
     *     within the call budget; callers cannot complete it
     */
    CompletionStage<R> call(Q request) {
        long now = nanoTime.getAsLong();
        PendingCall<Q, R> call = new PendingCall<>(
                request,
                arrivals.getAndIncrement(),
                budget.reservation(model.estimatedTokens(request)),
                now,
                now + limits.callBudget().toNanos(),
                retry.asyncContext());
        scheduler.execute(() -> admit(call));
        return call.result().minimalCompletionStage();
    }

    private void admit(PendingCall<Q, R> call) {
        long untilDeadline = call.deadlineNanos() - nanoTime.getAsLong();
        call.expiresWith(scheduler.schedule(() -> expire(call), untilDeadline, TimeUnit.NANOSECONDS));
        enqueue(call);
    }

    /** Puts a call (new, or due for a retry) in the queue and drains it. On the scheduler. */
    private void enqueue(PendingCall<Q, R> call) {
        if (call.isFinished()) {
            return; // its budget ran out during the retry delay
        }
        lock.lock();
        try {
            waiting.add(call);
            waitingCount = waiting.size();
        } finally {
            lock.unlock();
        }
        drain();
    }

    /** Drains from any thread: attempt ends run on the model's threads, which must not start the next attempts. */
    private void drainSoon() {
        if (drainScheduled.compareAndSet(false, true)) {
            scheduler.execute(this::drain);
        }
    }

    /**
     * Starts attempts for the calls at the head of the queue while the breaker, the concurrency limit and the budget
     * let them; fails them at once while the breaker is open. On the scheduler.
     */
    private void drain() {
        drainScheduled.set(false);
        List<Runnable> outsideLock = new ArrayList<>();
        lock.lock();
        try {
            PendingCall<Q, R> head;
            while ((head = waiting.peek()) != null) {
                PendingCall<Q, R> call = head;
                if (!breaker.tryAcquirePermission()) {
                    waiting.poll();
                    outsideLock.add(() -> failFast(call));
                    continue;
                }
                Optional<Limiter.Listener> permit = concurrency.acquire(null);
                if (permit.isEmpty()) {
                    breaker.releasePermission();
                    break; // the next attempt to end drains again
                }
                long wait = budget.tryTake(call.reservedTokens());
                if (wait > 0) {
                    permit.get().onIgnore();
                    breaker.releasePermission();
                    wakeUpIn(wait);
                    break;
                }
                waiting.poll();
                outsideLock.add(() -> startAttempt(call, permit.get()));
            }
            waitingCount = waiting.size();
        } finally {
            lock.unlock();
        }
        outsideLock.forEach(Runnable::run);
    }

    /** Drains again once the budget may have refilled; keeps only the earliest wake-up. Under the lock. */
    private void wakeUpIn(long nanos) {
        long at = nanoTime.getAsLong() + nanos;
        if (at < wakeUpAt) {
            wakeUpAt = at;
            scheduler.schedule(this::wakeUp, nanos, TimeUnit.NANOSECONDS);
        }
    }

    private void wakeUp() {
        lock.lock();
        try {
            wakeUpAt = Long.MAX_VALUE;
        } finally {
            lock.unlock();
        }
        drain();
    }

    private void startAttempt(PendingCall<Q, R> call, Limiter.Listener permit) {
        call.beginAttempt();
        long started = nanoTime.getAsLong();
        CompletionStage<R> attempt = startModel(call.request());
        timeLimiter
                .executeCompletionStage(scheduler, () -> detached(attempt))
                .whenComplete((answer, failure) -> attemptEnded(call, permit, started, attempt, answer, failure));
    }

    private CompletionStage<R> startModel(Q request) {
        try {
            return model.start(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // a port breaking its contract fails the attempt, not the guard
        }
    }

    /**
     * A future of its own for the time limiter, which completes the future it watches with its timeout: the model's
     * own future is then cancelled, not completed by the guard.
     */
    private static <R> CompletableFuture<R> detached(CompletionStage<R> attempt) {
        CompletableFuture<R> watched = new CompletableFuture<>();
        attempt.whenComplete((answer, failure) -> {
            if (failure == null) {
                watched.complete(answer);
            } else {
                watched.completeExceptionally(failure);
            }
        });
        return watched;
    }

    private void attemptEnded(
            PendingCall<Q, R> call,
            Limiter.Listener permit,
            long started,
            CompletionStage<R> attempt,
            R answer,
            Throwable failure) {
        long took = nanoTime.getAsLong() - started;
        if (failure == null) {
            permit.onSuccess();
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            TokenUsage usage = model.usage(answer);
            budget.settle(call.reservedTokens(), usage.inputTokens() + usage.outputTokens());
            metrics.attemptEnded(CallOutcome.SUCCESS);
            drainSoon();
            call.retry().onComplete();
            succeed(call, answer);
            return;
        }
        ModelException modelFailure = asModelFailure(failure);
        breaker.onError(took, TimeUnit.NANOSECONDS, modelFailure);
        metrics.attemptEnded(CallOutcome.of(modelFailure));
        retryOrFail(call, modelFailure, () -> release(permit, modelFailure));
        if (modelFailure.getCause() instanceof TimeoutException) {
            // Abandoned: free the model's resources (the AWS SDK aborts the request). Last, as it may throw.
            attempt.toCompletableFuture().cancel(true);
        }
    }

    /**
     * Returns an attempt's concurrency permit, teaching the limit: only throttling says "too many at once"; other
     * failures teach it nothing.
     */
    private void release(Limiter.Listener permit, ModelException failure) {
        if (failure.kind() == ModelException.Kind.THROTTLED) {
            permit.onDropped();
        } else {
            permit.onIgnore();
        }
        drainSoon();
    }

    /**
     * Schedules the call's retry, or ends it. A call to be retried keeps its attempt's permit until the retry is due:
     * throttled answers come back at once, and a permit freed by one would at once send the next queued call into the
     * same exhausted quota, a storm of throttles the limit could not stop.
     */
    private void retryOrFail(PendingCall<Q, R> call, ModelException failure, Runnable releasePermit) {
        call.attemptFailed(failure);
        long delayMillis = call.isFinished() ? -1 : call.retry().onError(failure);
        if (delayMillis < 0) {
            releasePermit.run();
            fail(call, failure); // not retryable, the last attempt, or the budget already ran out
        } else if (breaker.getState() == CircuitBreaker.State.OPEN) {
            releasePermit.run();
            failFast(call);
        } else if (nanoTime.getAsLong() + TimeUnit.MILLISECONDS.toNanos(delayMillis) >= call.deadlineNanos()) {
            // Waiting would only end in the budget running out: fail now.
            releasePermit.run();
            fail(call, budgetExhausted(call));
        } else {
            metrics.retryScheduled();
            scheduler.schedule(
                    () -> {
                        releasePermit.run();
                        enqueue(call);
                    },
                    delayMillis,
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Ends a call whose budget ran out, wherever it is. A call an attempt was just started for still makes that
     * attempt, whose answer is then dropped: rarer and cheaper than a check on every start.
     */
    private void expire(PendingCall<Q, R> call) {
        boolean wasWaiting;
        lock.lock();
        try {
            wasWaiting = waiting.remove(call);
            waitingCount = waiting.size();
        } finally {
            lock.unlock();
        }
        fail(call, budgetExhausted(call));
        if (wasWaiting) {
            drain(); // the calls behind it may go now
        }
    }

    private void failFast(PendingCall<Q, R> call) {
        fail(
                call,
                CallOutcome.refusal(
                        CallOutcome.CIRCUIT_OPEN,
                        "Model " + modelId + " is failing: its circuit breaker is open, calls fail at once",
                        call.lastFailure()));
    }

    private ModelException budgetExhausted(PendingCall<Q, R> call) {
        return CallOutcome.refusal(
                CallOutcome.BUDGET_EXHAUSTED,
                "Model " + modelId + ": call budget of " + limits.callBudget() + " exhausted after " + call.attempts()
                        + " attempt(s)",
                call.lastFailure());
    }

    private void succeed(PendingCall<Q, R> call, R answer) {
        if (call.finish()) {
            metrics.callEnded(CallOutcome.SUCCESS, nanoTime.getAsLong() - call.startedNanos());
            call.result().complete(answer);
        }
    }

    private void fail(PendingCall<Q, R> call, ModelException failure) {
        if (call.finish()) {
            metrics.callEnded(CallOutcome.of(failure), nanoTime.getAsLong() - call.startedNanos());
            call.result().completeExceptionally(failure);
        }
    }

    /** The port's failure as a {@link ModelException}; a timeout or a broken contract counts as unavailable. */
    private ModelException asModelFailure(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ModelException modelFailure) {
            return modelFailure;
        }
        if (cause instanceof TimeoutException) {
            return new ModelException(
                    ModelException.Kind.UNAVAILABLE,
                    "Model " + modelId + " did not answer within " + limits.attemptTimeout(),
                    null,
                    cause);
        }
        return new ModelException(
                ModelException.Kind.UNAVAILABLE, "Model " + modelId + " failed unexpectedly: " + cause, null, cause);
    }

    private void registerGauges() {
        metrics.gauge(
                "ticketflow.model.breaker.state",
                "Circuit breaker: 0 closed, 1 half-open (probing), 2 open (calls fail at once)",
                () -> switch (breaker.getState()) {
                    case CLOSED, DISABLED, METRICS_ONLY -> 0;
                    case HALF_OPEN -> 1;
                    case OPEN, FORCED_OPEN -> 2;
                });
        metrics.gauge(
                "ticketflow.model.concurrency.limit",
                "The adaptive limit of attempts in flight",
                concurrency::getLimit);
        metrics.gauge(
                "ticketflow.model.in.flight",
                "Concurrency permits held: attempts in flight, and calls waiting for their retry",
                concurrency::getInflight);
        metrics.gauge(
                "ticketflow.model.queued",
                "Calls waiting for budget, concurrency or the breaker before their next attempt",
                () -> waitingCount);
        metrics.gauge(
                "ticketflow.model.budget.requests",
                "Requests this JVM may start now (its requests-per-minute bucket)",
                budget::remainingRequests);
        metrics.gauge(
                "ticketflow.model.budget.tokens",
                "Tokens this JVM may reserve now (its tokens-per-minute bucket; negative after underestimates)",
                budget::remainingTokens);
    }
}
