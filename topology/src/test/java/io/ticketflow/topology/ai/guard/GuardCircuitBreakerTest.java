package io.ticketflow.topology.ai.guard;

import static io.ticketflow.topology.ai.guard.GuardRetryTest.failureOf;
import static io.ticketflow.topology.ai.guard.ScriptedModel.fail;
import static io.ticketflow.topology.ai.guard.ScriptedModel.request;
import static io.ticketflow.topology.ai.guard.ScriptedModel.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.topology.ai.Embedding;
import io.ticketflow.topology.ai.ManualScheduler;
import io.ticketflow.topology.ai.ModelException.Kind;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The circuit breaker: opens on failures, fails fast while open, probes after the wait. */
class GuardCircuitBreakerTest {

    private static final Duration OPEN_WAIT = Duration.ofSeconds(30);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ScriptedModel model = new ScriptedModel(scheduler, Duration.ofMillis(100));

    /** One attempt per call, so that each call is one sample; the circuit opens when 2 of the last 4 failed. */
    private final GuardedEmbeddingModel guard =
            model.guarded(Limits.generous().maxAttempts(1).breaker(50, 4, OPEN_WAIT, 1), registry);

    @Test
    void shouldOpenAfterTooManyFailuresAndThenFailFastWithoutCallingTheModel() {
        model.then(succeed(10), fail(Kind.UNAVAILABLE), succeed(10), fail(Kind.INVALID_ANSWER));
        for (int i = 0; i < 4; i++) {
            callAndWait("t-" + i);
        }

        assertThat(breakerState()).isEqualTo(2);

        var refused = guard.embed(request("t-refused")).toCompletableFuture();
        scheduler.runDue();

        assertThat(CallOutcome.of(failureOf(refused))).isEqualTo(CallOutcome.CIRCUIT_OPEN);
        assertThat(failureOf(refused).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(model.attempts()).hasSize(4);
    }

    @Test
    void shouldLetAProbeThroughAfterTheOpenWaitAndCloseWhenItSucceeds() {
        model.otherwise(fail(Kind.UNAVAILABLE));
        for (int i = 0; i < 4; i++) {
            callAndWait("t-" + i);
        }
        model.otherwise(succeed(10));
        scheduler.advance(OPEN_WAIT.minusSeconds(2));

        assertThat(CallOutcome.of(failureOf(callAndWait("still-open")))).isEqualTo(CallOutcome.CIRCUIT_OPEN);

        scheduler.advance(Duration.ofSeconds(2));
        var probe = callAndWait("probe");

        assertThat(probe).isCompleted();
        assertThat(breakerState()).isZero();
        assertThat(model.attempts()).hasSize(5);
    }

    @Test
    void shouldReopenWhenTheProbeFails() {
        model.otherwise(fail(Kind.UNAVAILABLE));
        for (int i = 0; i < 4; i++) {
            callAndWait("t-" + i);
        }
        scheduler.advance(OPEN_WAIT);

        callAndWait("probe");

        assertThat(breakerState()).isEqualTo(2);
        assertThat(CallOutcome.of(failureOf(callAndWait("after-probe")))).isEqualTo(CallOutcome.CIRCUIT_OPEN);
    }

    @Test
    void shouldNotCountThrottlesOrRejectionsAsFailures() {
        model.then(fail(Kind.THROTTLED), fail(Kind.THROTTLED), fail(Kind.REJECTED), fail(Kind.REJECTED));
        for (int i = 0; i < 4; i++) {
            callAndWait("t-" + i);
        }

        assertThat(breakerState()).isZero();
        assertThat(callAndWait("t-next")).isCompleted();
    }

    @Test
    void shouldFailQueuedCallsFastOnceTheCircuitOpens() {
        var oneAtATime = model.guarded(
                Limits.generous().concurrency(1, 1, 1).maxAttempts(1).breaker(50, 2, OPEN_WAIT, 1),
                new SimpleMeterRegistry());
        model.otherwise(fail(Kind.UNAVAILABLE));

        var first = oneAtATime.embed(request("t-1")).toCompletableFuture();
        var second = oneAtATime.embed(request("t-2")).toCompletableFuture();
        var queued = oneAtATime.embed(request("t-3")).toCompletableFuture();
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(CallOutcome.of(failureOf(first))).isEqualTo(CallOutcome.UNAVAILABLE);
        assertThat(CallOutcome.of(failureOf(second))).isEqualTo(CallOutcome.UNAVAILABLE);
        assertThat(CallOutcome.of(failureOf(queued))).isEqualTo(CallOutcome.CIRCUIT_OPEN);
        assertThat(model.attempts()).extracting(ScriptedModel.Attempt::ticketId).containsExactly("t-1", "t-2");
    }

    private CompletableFuture<Embedding> callAndWait(String ticketId) {
        var result = guard.embed(request(ticketId)).toCompletableFuture();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(result).isDone();
        return result;
    }

    private double breakerState() {
        return registry.get("ticketflow.model.breaker.state").gauge().value();
    }
}
