package io.ticketflow.topology.ai.guard;

import static io.ticketflow.topology.ai.guard.ScriptedModel.fail;
import static io.ticketflow.topology.ai.guard.ScriptedModel.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ticketflow.topology.ai.ManualScheduler;
import io.ticketflow.topology.ai.ModelException.Kind;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The {@code ticketflow.model.*} meters: all there from the start, and moving with the calls. */
class GuardMetricsTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ScriptedModel model = new ScriptedModel(scheduler, Duration.ofSeconds(1));

    @Test
    void shouldRegisterEveryMeterUpFrontTaggedWithTheModel() {
        model.guarded(Limits.generous(), registry);

        assertThat(registry.getMeters())
                .allMatch(meter -> "scripted".equals(meter.getId().getTag("model")))
                .extracting(meter -> meter.getId().getName())
                .contains(
                        "ticketflow.model.calls",
                        "ticketflow.model.failures",
                        "ticketflow.model.attempts",
                        "ticketflow.model.retries",
                        "ticketflow.model.throttles",
                        "ticketflow.model.breaker.state",
                        "ticketflow.model.concurrency.limit",
                        "ticketflow.model.in.flight",
                        "ticketflow.model.queued",
                        "ticketflow.model.budget.requests",
                        "ticketflow.model.budget.tokens");
        assertThat(registry.find("ticketflow.model.calls").timers())
                .extracting(timer -> timer.getId().getTag("outcome"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(CallOutcome.values())
                        .map(CallOutcome::tag)
                        .toList());
    }

    @Test
    void shouldPublishTheCallLatencyAsAHistogram() {
        var prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        model.guarded(Limits.generous(), prometheus);

        assertThat(prometheus.scrape())
                .contains("ticketflow_model_calls_seconds_bucket{model=\"scripted\",outcome=\"success\",le=\"0.01\"}")
                .contains(
                        "ticketflow_model_calls_seconds_bucket{model=\"scripted\",outcome=\"circuit_open\",le=\"+Inf\"}");
    }

    @Test
    void shouldCountAttemptsRetriesThrottlesAndHowCallsEnded() {
        model.then(fail(Kind.THROTTLED), fail(Kind.THROTTLED), ScriptedModel.succeed(10), fail(Kind.REJECTED));
        var guard = model.guarded(Limits.generous().maxAttempts(5), registry);

        guard.embed(request("t-1"));
        scheduler.advance(Duration.ofSeconds(10));
        guard.embed(request("t-2"));
        scheduler.advance(Duration.ofSeconds(10));

        assertThat(counter("ticketflow.model.attempts", "throttled")).isEqualTo(2);
        assertThat(counter("ticketflow.model.attempts", "success")).isEqualTo(1);
        assertThat(counter("ticketflow.model.attempts", "rejected")).isEqualTo(1);
        assertThat(registry.get("ticketflow.model.retries").counter().count()).isEqualTo(2);
        assertThat(registry.get("ticketflow.model.throttles").counter().count()).isEqualTo(2);
        assertThat(registry.get("ticketflow.model.calls")
                        .tag("outcome", "success")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(counter("ticketflow.model.failures", "rejected")).isEqualTo(1);
        assertThat(registry.find("ticketflow.model.failures").counters().stream()
                        .mapToDouble(Counter::count)
                        .sum())
                .as("failed calls, whatever the outcome")
                .isEqualTo(1);
    }

    @Test
    void shouldShowCallsInFlightAndQueuedAndTheRemainingBudget() {
        var guard = model.guarded(Limits.generous().concurrency(1, 1, 1).requestsPerMinute(60), registry);

        guard.embed(request("t-1"));
        guard.embed(request("t-2"));
        guard.embed(request("t-3"));
        scheduler.runDue();

        assertThat(gauge("ticketflow.model.in.flight")).isEqualTo(1);
        assertThat(gauge("ticketflow.model.queued")).isEqualTo(2);
        assertThat(gauge("ticketflow.model.budget.requests")).isEqualTo(59);
        assertThat(gauge("ticketflow.model.concurrency.limit")).isEqualTo(1);

        scheduler.advance(Duration.ofSeconds(5));

        assertThat(gauge("ticketflow.model.in.flight")).isZero();
        assertThat(gauge("ticketflow.model.queued")).isZero();
    }

    private double counter(String name, String outcome) {
        return registry.get(name).tag("outcome", outcome).counter().count();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
