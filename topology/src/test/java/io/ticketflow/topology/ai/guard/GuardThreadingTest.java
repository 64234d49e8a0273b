package io.ticketflow.topology.ai.guard;

import static io.ticketflow.topology.ai.guard.ScriptedModel.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.schemas.TokenUsage;
import io.ticketflow.topology.ai.Embedding;
import io.ticketflow.topology.ai.EmbeddingModel;
import io.ticketflow.topology.ai.EmbeddingRequest;
import io.ticketflow.topology.ai.ManualScheduler;
import io.ticketflow.topology.config.ModelLimits;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The caller's thread (a stream thread) only hands calls over: it never runs a model call or completes one. */
class GuardThreadingTest {

    @Test
    void shouldReturnBeforeCallingTheModelEvenWhenTheModelAnswersAtOnce() {
        var scheduler = new ManualScheduler();
        var model = new InstantModel();
        var guard = new GuardedEmbeddingModel(
                model,
                ModelLimits.defaults(),
                new SimpleMeterRegistry(),
                scheduler,
                scheduler::nanoTime,
                new Random(1));

        var result = guard.embed(request("t-1")).toCompletableFuture();

        assertThat(model.calls).hasValue(0);
        assertThat(result).isNotDone();

        scheduler.runDue();

        assertThat(model.calls).hasValue(1);
        assertThat(result).isCompleted();
    }

    @Test
    void shouldCompleteOnTheSchedulersThreadNotTheCallers() throws Exception {
        ScheduledExecutorService scheduler =
                Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "guard-scheduler"));
        try {
            var guard = new GuardedEmbeddingModel(
                    new InstantModel(), ModelLimits.defaults(), new SimpleMeterRegistry(), scheduler);
            // Hold the scheduler, so that the call cannot complete before the test listens to it.
            var release = new CountDownLatch(1);
            scheduler.execute(() -> awaitQuietly(release));
            var completedOn = new AtomicReference<String>();

            guard.embed(request("t-1"))
                    .whenComplete((answer, failure) ->
                            completedOn.set(Thread.currentThread().getName()));
            release.countDown();

            await().until(() -> completedOn.get() != null);
            assertThat(completedOn.get()).isEqualTo("guard-scheduler");
        } finally {
            scheduler.shutdownNow();
            assertThat(scheduler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A model that answers on the thread that calls it, before returning: the worst case for a caller's thread. */
    private static final class InstantModel implements EmbeddingModel {
        private final AtomicInteger calls = new AtomicInteger();

        @Override
        public String modelId() {
            return "instant";
        }

        @Override
        public int dimensions() {
            return 1;
        }

        @Override
        public long estimatedTokens(EmbeddingRequest request) {
            return 1;
        }

        @Override
        public CompletionStage<Embedding> embed(EmbeddingRequest request) {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(new Embedding(new float[] {1}, "instant", new TokenUsage(1, 0)));
        }
    }
}
