package io.ticketflow.topology.ai.guard;

import static io.ticketflow.topology.ai.guard.ScriptedModel.request;
import static io.ticketflow.topology.ai.guard.ScriptedModel.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.topology.ai.Embedding;
import io.ticketflow.topology.ai.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The requests- and tokens-per-minute budget: what starts when, reservations and their settlement. */
class GuardQuotaTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void shouldStartNoMoreAttemptsThanTheRequestsPerMinuteBudgetAllows() {
        var model = new ScriptedModel(scheduler, Duration.ofMillis(10));
        var guard = model.guarded(Limits.generous().requestsPerMinute(6).callBudget(Duration.ofMinutes(4)), registry);

        List<CompletableFuture<Embedding>> calls = IntStream.range(0, 20)
                .mapToObj(i -> guard.embed(request("t-" + i)).toCompletableFuture())
                .toList();
        scheduler.runDue();

        assertThat(model.attempts()).hasSize(6);
        assertThat(gauge("ticketflow.model.queued")).isEqualTo(14);
        assertThat(gauge("ticketflow.model.budget.requests")).isZero();

        // The bucket refills continuously: one request every 10 s.
        scheduler.advance(Duration.ofSeconds(55));

        assertThat(model.attempts()).hasSize(11);

        scheduler.advance(Duration.ofSeconds(90));

        assertThat(model.attempts()).hasSize(20);
        assertThat(calls).allMatch(CompletableFuture::isDone).noneMatch(CompletableFuture::isCompletedExceptionally);
    }

    @Test
    void shouldReserveTheEstimateAndRefundWhatTheModelDidNotUse() {
        var model = new ScriptedModel(scheduler, Duration.ofSeconds(1))
                .estimating(400)
                .otherwise(succeed(100));
        var guard = model.guarded(Limits.generous().tokensPerMinute(1_000), registry);

        guard.embed(request("t-1"));
        guard.embed(request("t-2"));
        guard.embed(request("t-3"));
        scheduler.runDue();

        // 800 of 1000 tokens reserved: the third call waits, although two calls will use only 200.
        assertThat(model.attempts()).extracting(ScriptedModel.Attempt::ticketId).containsExactly("t-1", "t-2");
        assertThat(gauge("ticketflow.model.budget.tokens")).isEqualTo(200);

        scheduler.advance(Duration.ofSeconds(1));

        // The refunds (2 × 300) let it start at once; refilling 200 tokens would have taken 12 s.
        assertThat(model.attempts()).hasSize(3);
        assertThat(model.attempts().get(2).at()).isEqualTo(Duration.ofSeconds(1));
        assertThat(gauge("ticketflow.model.budget.tokens")).isCloseTo(200 + 16 + 600 - 400, within(1.0));
    }

    @Test
    void shouldTakeWhatTheModelUsedBeyondTheEstimateAndDelayLaterCalls() {
        var model = new ScriptedModel(scheduler, Duration.ofSeconds(1))
                .estimating(100)
                .otherwise(succeed(1_500));
        var guard = model.guarded(Limits.generous().tokensPerMinute(1_000), registry);

        guard.embed(request("t-1"));
        scheduler.advance(Duration.ofSeconds(1));

        // 1000 - 1500 + what one second refilled (16): the bucket owes tokens.
        assertThat(gauge("ticketflow.model.budget.tokens")).isCloseTo(-484, within(1.0));

        guard.embed(request("t-2"));
        scheduler.advance(Duration.ofSeconds(30));

        assertThat(model.attempts()).hasSize(1);

        // 584 tokens to refill at 1000 per minute: about 35 s after the first answer.
        scheduler.advance(Duration.ofSeconds(10));

        assertThat(model.attempts()).hasSize(2);
        assertThat(model.attempts().get(1).at()).isBetween(Duration.ofSeconds(35), Duration.ofSeconds(37));
    }

    @Test
    void shouldReserveAtMostAMinutesBudgetForAnOversizedEstimate() {
        var model = new ScriptedModel(scheduler, Duration.ofSeconds(1))
                .estimating(5_000)
                .otherwise(succeed(5_000));
        var guard = model.guarded(Limits.generous().tokensPerMinute(1_000), registry);

        var result = guard.embed(request("t-1")).toCompletableFuture();
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(model.attempts()).hasSize(1);
        assertThat(result).isCompleted();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
