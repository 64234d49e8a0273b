package io.ticketflow.topology.ai.guard;

import static io.ticketflow.topology.ai.guard.ScriptedModel.fail;
import static io.ticketflow.topology.ai.guard.ScriptedModel.request;
import static io.ticketflow.topology.ai.guard.ScriptedModel.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.topology.ai.ManualScheduler;
import io.ticketflow.topology.ai.ModelException.Kind;
import io.ticketflow.topology.ai.simulated.SimulatedModels;
import io.ticketflow.topology.config.SimulatedModelSettings;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The adaptive concurrency limit and the queue in front of it. */
class GuardConcurrencyTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void shouldQueueCallsBeyondTheLimitAndStartThemInArrivalOrder() {
        var model = new ScriptedModel(scheduler, Duration.ofSeconds(1));
        var guard = model.guarded(Limits.generous().concurrency(2, 2, 2), registry);

        for (int i = 1; i <= 5; i++) {
            guard.embed(request("t-" + i));
        }
        scheduler.runDue();

        assertThat(model.attempts()).extracting(ScriptedModel.Attempt::ticketId).containsExactly("t-1", "t-2");
        assertThat(gauge("ticketflow.model.in.flight")).isEqualTo(2);
        assertThat(gauge("ticketflow.model.queued")).isEqualTo(3);

        scheduler.advance(Duration.ofSeconds(2));

        assertThat(model.attempts())
                .extracting(ScriptedModel.Attempt::ticketId)
                .containsExactly("t-1", "t-2", "t-3", "t-4", "t-5");
    }

    @Test
    void shouldKeepARetryingCallsPermitThroughItsBackoffAndItsPlaceAheadOfLaterCalls() {
        var model = new ScriptedModel(scheduler, Duration.ofMillis(100)).then(fail(Kind.THROTTLED));
        var guard = model.guarded(
                Limits.generous()
                        .concurrency(1, 1, 1)
                        .maxAttempts(2)
                        .backoff(Duration.ofMillis(50), Duration.ofMillis(50)),
                registry);

        for (int i = 1; i <= 3; i++) {
            guard.embed(request("t-" + i));
        }
        scheduler.advance(Duration.ofSeconds(1));

        // A throttled answer does not free room for the next call: t-1 holds the only permit through its backoff, and
        // its retry, back in the queue, goes before the calls that came after it.
        assertThat(model.attempts())
                .extracting(ScriptedModel.Attempt::ticketId)
                .containsExactly("t-1", "t-1", "t-2", "t-3");
    }

    @Test
    void shouldShrinkTheLimitWhileTheModelThrottlesAndGrowItWhileAttemptsSucceed() {
        var model = new ScriptedModel(scheduler, Duration.ofMillis(100)).otherwise(fail(Kind.THROTTLED));
        var guard = model.guarded(Limits.generous().concurrency(20, 1, 100), registry);
        ClosedLoop.start(guard, "load", 60);

        scheduler.advance(Duration.ofSeconds(20));
        double throttledLimit = gauge("ticketflow.model.concurrency.limit");

        assertThat(throttledLimit).isLessThan(10);

        model.otherwise(succeed(10));
        scheduler.advance(Duration.ofSeconds(60));

        assertThat(gauge("ticketflow.model.concurrency.limit")).isGreaterThan(throttledLimit + 20);
    }

    @Test
    void shouldGrowTheDefaultInitialLimitWhenCallsTakeASecondOrSo() {
        // Calls of 1 s ± 0.5 s: windows of about a second (twice the shortest call) hold about as many attempts as the
        // limit allows, fewer than ten at the default initial limit of 4. A window that needs ten never moves.
        var model = new SimulatedModels(
                        new SimulatedModelSettings(
                                7L, Duration.ofSeconds(1), Duration.ofMillis(500), null, null, null, null, null, null),
                        scheduler,
                        scheduler::nanoTime)
                .embedding();
        var guard = new GuardedEmbeddingModel(
                model,
                Limits.generous().concurrency(4, 1, 128).build(),
                registry,
                scheduler,
                scheduler::nanoTime,
                new Random(7));
        ClosedLoop.start(guard, "load", 200);

        scheduler.advance(Duration.ofSeconds(60));

        // About one more per window.
        assertThat(gauge("ticketflow.model.concurrency.limit")).isGreaterThan(30);
    }

    @Test
    void shouldNotShrinkTheLimitForFailuresOtherThanThrottling() {
        var model = new ScriptedModel(scheduler, Duration.ofMillis(100)).otherwise(fail(Kind.UNAVAILABLE));
        // A breaker that stays closed, so that every call reaches the model (and the limit).
        var guard = model.guarded(
                Limits.generous().concurrency(20, 1, 100).breaker(100, 10_000, Duration.ofSeconds(30), 1), registry);
        ClosedLoop.start(guard, "load", 60);

        scheduler.advance(Duration.ofSeconds(20));

        assertThat(model.attempts()).hasSizeGreaterThan(1_000);
        assertThat(gauge("ticketflow.model.concurrency.limit")).isEqualTo(20);
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
