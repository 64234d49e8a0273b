package io.ticketflow.topology.ai.local;

import io.ticketflow.topology.ai.ModelException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The threads the local model infers on: a fixed number of daemon threads named {@code ticketflow-local-model-N}
 * and a bounded queue, shared by the embedding and the triage model of one {@link LocalModels}.
 *
 * <p>A call submitted while the queue is full fails at once with {@link ModelException.Kind#THROTTLED}, so overload
 * shows as back-pressure the async stage already handles instead of as unbounded memory. A call's stage completes on
 * the inference thread. Thread-safe.
 */
final class InferencePool implements AutoCloseable {

    private final ThreadPoolExecutor executor;
    private final int queueCapacity;

    InferencePool(int threads, int queueCapacity) {
        this.queueCapacity = queueCapacity;
        this.executor = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity),
                namedDaemonThreads(),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Runs {@code work} on an inference thread.
     *
     * @return a stage completed there with the result; or exceptionally with a {@link ModelException}:
     *     {@code THROTTLED} when the queue is full or the pool closed, {@code REJECTED} when {@code work} refused its
     *     input with an {@link IllegalArgumentException}, {@code UNAVAILABLE} when inference failed otherwise
     */
    <T> CompletionStage<T> submit(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> run(work, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ModelException(
                    ModelException.Kind.THROTTLED,
                    executor.isShutdown()
                            ? "the local model is closed"
                            : "the local model's queue of " + queueCapacity + " calls is full",
                    null,
                    e));
        }
        return result;
    }

    private static <T> void run(Supplier<T> work, CompletableFuture<T> result) {
        try {
            result.complete(work.get());
        } catch (ModelException e) {
            result.completeExceptionally(e);
        } catch (IllegalArgumentException e) {
            result.completeExceptionally(new ModelException(ModelException.Kind.REJECTED, e.getMessage(), null, e));
        } catch (RuntimeException e) {
            result.completeExceptionally(
                    new ModelException(ModelException.Kind.UNAVAILABLE, "local inference failed: " + e, null, e));
        }
    }

    /** Stops taking calls; calls already queued still run. Does not wait for them. */
    @Override
    public void close() {
        executor.shutdown();
    }

    private static ThreadFactory namedDaemonThreads() {
        AtomicInteger next = new AtomicInteger(1);
        return work -> {
            Thread thread = new Thread(work, "ticketflow-local-model-" + next.getAndIncrement());
            // Daemon: an application that forgets to close the model can still exit.
            thread.setDaemon(true);
            return thread;
        };
    }
}
