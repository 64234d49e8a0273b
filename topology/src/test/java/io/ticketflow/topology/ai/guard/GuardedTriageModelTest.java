package io.ticketflow.topology.ai.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.schemas.Reporter;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.Triage;
import io.ticketflow.topology.ai.ManualScheduler;
import io.ticketflow.topology.ai.TriageRequest;
import io.ticketflow.topology.ai.simulated.SimulatedModels;
import io.ticketflow.topology.ai.simulated.SimulatedTriageModel;
import io.ticketflow.topology.config.SimulatedModelSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The triage face of the guard: the same core, with a triage's estimate and reported usage. */
class GuardedTriageModelTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SimulatedTriageModel model = new SimulatedModels(
                    new SimulatedModelSettings(
                            null, Duration.ofMillis(10), Duration.ZERO, null, null, null, null, null, null),
                    scheduler,
                    scheduler::nanoTime)
            .triage();
    private final GuardedTriageModel guard = new GuardedTriageModel(
            model,
            Limits.generous().tokensPerMinute(60_000).build(),
            registry,
            scheduler,
            scheduler::nanoTime,
            new Random(1));

    @Test
    void shouldPassTheModelsTriageThroughAndSettleItsTokens() {
        var request = new TriageRequest(ticket(), List.of());

        var result = guard.triage(request).toCompletableFuture();
        scheduler.runDue();

        assertThat(guard.modelId()).isEqualTo(SimulatedTriageModel.MODEL_ID);
        assertThat(guard.estimatedTokens(request)).isEqualTo(model.estimatedTokens(request));
        assertThat(tokenBudget()).isEqualTo(60_000 - model.estimatedTokens(request));

        scheduler.advance(Duration.ofMillis(10));

        Triage triage = result.join();
        assertThat(triage.category()).isEqualTo("network");
        // Reserved input + 300 output tokens, used input + a few: the rest came back (10 ms refilled 10 more).
        long used = triage.usage().inputTokens() + triage.usage().outputTokens();
        assertThat(triage.usage().outputTokens()).isLessThan(300);
        assertThat(tokenBudget()).isCloseTo(60_000 - used + 10, within(1.0));
    }

    private double tokenBudget() {
        return registry.get("ticketflow.model.budget.tokens").gauge().value();
    }

    private static TicketIngested ticket() {
        return new TicketIngested(
                TicketIngested.CURRENT_SCHEMA_VERSION,
                "t-1",
                "acme",
                "servicedesk",
                "VPN cannot connect",
                "The VPN client fails with a connection error since this morning.",
                new Reporter("u-1", "Ann Example", "ann@example.com"),
                Instant.parse("2026-11-02T09:00:00Z"),
                null);
    }
}
