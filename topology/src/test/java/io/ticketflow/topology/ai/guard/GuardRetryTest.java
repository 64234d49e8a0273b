package io.ticketflow.topology.ai.guard;

import static io.ticketflow.topology.ai.guard.ScriptedModel.fail;
import static io.ticketflow.topology.ai.guard.ScriptedModel.hang;
import static io.ticketflow.topology.ai.guard.ScriptedModel.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.topology.ai.Embedding;
import io.ticketflow.topology.ai.ManualScheduler;
import io.ticketflow.topology.ai.ModelException;
import io.ticketflow.topology.ai.ModelException.Kind;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Retries, backoff, Retry-After, the per-attempt timeout and the call budget, on virtual time. */
class GuardRetryTest {

    private static final Duration LATENCY = Duration.ofMillis(100);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ScriptedModel model = new ScriptedModel(scheduler, LATENCY);

    @Test
    void shouldRetryThrottledAttemptsWithGrowingJitteredBackoffUntilOneSucceeds() {
        model.then(fail(Kind.THROTTLED), fail(Kind.THROTTLED), fail(Kind.THROTTLED));
        var guard = model.guarded(
                Limits.generous().maxAttempts(5).backoff(Duration.ofSeconds(1), Duration.ofSeconds(8)), registry);

        var result = guard.embed(request("t-1")).toCompletableFuture();
        scheduler.advance(Duration.ofSeconds(30));

        assertThat(result).isCompleted();
        assertThat(model.attempts()).hasSize(4);
        // Retry n waits a random time in [1 ms, 1 s × 2^(n-1)] after the failed attempt's answer.
        for (int retry = 1; retry <= 3; retry++) {
            Duration waited = model.attempts()
                    .get(retry)
                    .at()
                    .minus(model.attempts().get(retry - 1).at())
                    .minus(LATENCY);
            assertThat(waited).isBetween(Duration.ofMillis(1), Duration.ofSeconds(1L << (retry - 1)));
        }
    }

    @Test
    void shouldWaitForTheModelsRetryAfterWhenItIsLongerThanTheBackoff() {
        model.then(fail(Kind.THROTTLED, Duration.ofSeconds(30)));
        var guard = model.guarded(
                Limits.generous().maxAttempts(3).backoff(Duration.ofSeconds(1), Duration.ofSeconds(2)), registry);

        var result = guard.embed(request("t-1")).toCompletableFuture();
        scheduler.advance(LATENCY.plus(Duration.ofSeconds(30)).minusMillis(1));

        assertThat(model.attempts()).hasSize(1);
        assertThat(result).isNotDone();

        scheduler.advance(Duration.ofSeconds(1));

        assertThat(model.attempts()).hasSize(2);
        assertThat(model.attempts().get(1).at()).isEqualTo(LATENCY.plus(Duration.ofSeconds(30)));
        assertThat(result).isCompleted();
    }

    @Test
    void shouldFailAtOnceWhenTheModelRejectsTheRequest() {
        model.then(fail(Kind.REJECTED));
        var guard = model.guarded(Limits.generous().maxAttempts(5), registry);

        var result = guard.embed(request("t-1")).toCompletableFuture();
        scheduler.advance(Duration.ofMinutes(1));

        assertThat(model.attempts()).hasSize(1);
        assertThat(failureOf(result).kind()).isEqualTo(Kind.REJECTED);
        assertThat(CallOutcome.of(failureOf(result))).isEqualTo(CallOutcome.REJECTED);
    }

    @Test
    void shouldMakeNoMoreThanMaxAttemptsAndFailWithTheLastFailure() {
        model.otherwise(fail(Kind.UNAVAILABLE));
        var guard = model.guarded(Limits.generous().maxAttempts(3), registry);

        var result = guard.embed(request("t-1")).toCompletableFuture();
        scheduler.advance(Duration.ofMinutes(1));

        assertThat(model.attempts()).hasSize(3);
        assertThat(failureOf(result).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failureOf(result)).hasMessage("scripted UNAVAILABLE");
        assertThat(CallOutcome.of(failureOf(result))).isEqualTo(CallOutcome.UNAVAILABLE);
    }

    @Test
    void shouldFailAsSoonAsTheNextRetryWouldEndAfterTheCallBudget() {
        model.otherwise(fail(Kind.THROTTLED, Duration.ofSeconds(20)));
        var guard = model.guarded(Limits.generous().maxAttempts(10).callBudget(Duration.ofSeconds(30)), registry);

        var result = guard.embed(request("t-1")).toCompletableFuture();
        // Attempt 1 answers at 0.1 s, attempt 2 at 20.2 s: a third could start only at 40.2 s, past the budget.
        scheduler.advance(Duration.ofMillis(20_200));

        assertThat(model.attempts()).hasSize(2);
        assertThat(CallOutcome.of(failureOf(result))).isEqualTo(CallOutcome.BUDGET_EXHAUSTED);
        assertThat(failureOf(result).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failureOf(result)).hasRootCauseMessage("scripted THROTTLED");
    }

    @Test
    void shouldEndTheCallWhenItsBudgetRunsOutEvenDuringAnAttempt() {
        model.otherwise(hang());
        var guard = model.guarded(
                Limits.generous()
                        .maxAttempts(5)
                        .backoff(Duration.ofSeconds(1), Duration.ofSeconds(1))
                        .attemptTimeout(Duration.ofSeconds(20))
                        .callBudget(Duration.ofSeconds(25)),
                registry);

        var result = guard.embed(request("t-1")).toCompletableFuture();
        scheduler.advance(Duration.ofMillis(24_999));

        assertThat(model.attempts()).hasSize(2);
        assertThat(result).isNotDone();

        scheduler.advance(Duration.ofMillis(1));

        assertThat(CallOutcome.of(failureOf(result))).isEqualTo(CallOutcome.BUDGET_EXHAUSTED);
        assertThat(failureOf(result)).hasMessageContaining("call budget of PT25S exhausted after 2 attempt(s)");
    }

    @Test
    void shouldTimeOutAHangingAttemptCancelItAndRetry() {
        model.then(hang());
        var guard = model.guarded(Limits.generous().maxAttempts(2).attemptTimeout(Duration.ofSeconds(5)), registry);

        var result = guard.embed(request("t-1")).toCompletableFuture();
        scheduler.advance(Duration.ofMillis(4_999));

        assertThat(model.attempts()).hasSize(1);

        scheduler.advance(Duration.ofSeconds(3));

        assertThat(model.attempts().getFirst().answer()).isCancelled();
        assertThat(model.attempts()).hasSize(2);
        assertThat(result).isCompleted();
        assertThat(registry.get("ticketflow.model.attempts")
                        .tag("outcome", "unavailable")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void shouldFailAnAttemptThatTimesOutAsUnavailable() {
        model.then(hang());
        var guard = model.guarded(Limits.generous().maxAttempts(1).attemptTimeout(Duration.ofSeconds(5)), registry);

        var result = guard.embed(request("t-1")).toCompletableFuture();
        scheduler.advance(Duration.ofSeconds(5));

        assertThat(failureOf(result).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failureOf(result))
                .hasMessage("Model scripted did not answer within PT5S")
                .hasCauseInstanceOf(TimeoutException.class);
    }

    /** The failure a completed call ended with. */
    static ModelException failureOf(CompletableFuture<Embedding> result) {
        assertThat(result).isCompletedExceptionally();
        Throwable failure = result.handle((answer, thrown) -> thrown).join();
        return (ModelException) (failure instanceof CompletionException ? failure.getCause() : failure);
    }
}
