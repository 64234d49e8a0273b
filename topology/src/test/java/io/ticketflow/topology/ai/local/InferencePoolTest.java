package io.ticketflow.topology.ai.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.topology.ai.ModelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class InferencePoolTest {

    @Test
    void shouldFailAtOnceAsThrottledWhenTheQueueIsFull() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (InferencePool pool = new InferencePool(1, 1)) {
            CompletableFuture<String> busy = pool.submit(() -> {
                        started.countDown();
                        await(release);
                        return "first";
                    })
                    .toCompletableFuture();
            started.await();
            CompletableFuture<String> queued = pool.submit(() -> "second").toCompletableFuture();

            CompletableFuture<String> refused = pool.submit(() -> "third").toCompletableFuture();

            assertThat(refused).isCompletedExceptionally();
            assertThatThrownBy(refused::join).cause().isInstanceOfSatisfying(ModelException.class, e -> {
                assertThat(e.kind()).isEqualTo(ModelException.Kind.THROTTLED);
                assertThat(e.getMessage()).contains("queue of 1");
            });
            release.countDown();
            assertThat(busy.join()).isEqualTo("first");
            assertThat(queued.join()).isEqualTo("second");
        }
    }

    @Test
    void shouldClassifyFailuresSoCallersKnowWhetherToRetry() {
        try (InferencePool pool = new InferencePool(1, 4)) {
            assertThat(kindOf(pool, () -> {
                        throw new IllegalArgumentException("bad input");
                    }))
                    .isEqualTo(ModelException.Kind.REJECTED);
            assertThat(kindOf(pool, () -> {
                        throw new IllegalStateException("native failure");
                    }))
                    .isEqualTo(ModelException.Kind.UNAVAILABLE);
        }
    }

    private static ModelException.Kind kindOf(InferencePool pool, java.util.function.Supplier<String> work) {
        CompletableFuture<String> result = pool.submit(work).toCompletableFuture();
        return result.handle((value, failure) -> ((ModelException) failure).kind())
                .join();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
