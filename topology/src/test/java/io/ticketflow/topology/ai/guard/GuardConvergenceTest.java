package io.ticketflow.topology.ai.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.topology.ai.ManualScheduler;
import io.ticketflow.topology.ai.simulated.SimulatedCounts;
import io.ticketflow.topology.ai.simulated.SimulatedEmbeddingModel;
import io.ticketflow.topology.ai.simulated.SimulatedModels;
import io.ticketflow.topology.config.ModelLimits;
import io.ticketflow.topology.config.SimulatedModelSettings;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Several guards (as in several JVMs) sharing one account quota converge on it without talking to each other: each is
 * allowed the whole quota by its own budget, so only the adaptive concurrency limit keeps their sum within it. Ten
 * virtual minutes of backlog against a simulated model with a 6,000 requests/min quota and 1 s ± 0.5 s latency.
 */
class GuardConvergenceTest {

    private static final int QUOTA_PER_MINUTE = 6_000;

    private final ManualScheduler scheduler = new ManualScheduler();

    @Test
    void shouldKeepThreeGuardsSharingOneQuotaBusyAndRarelyThrottled() {
        SimulatedEmbeddingModel provider = new SimulatedModels(
                        new SimulatedModelSettings(
                                11L,
                                Duration.ofSeconds(1),
                                Duration.ofMillis(500),
                                null,
                                null,
                                QUOTA_PER_MINUTE,
                                null,
                                null,
                                null),
                        scheduler,
                        scheduler::nanoTime)
                .embedding();
        List<ClosedLoop> instances = IntStream.range(0, 3)
                .mapToObj(i -> ClosedLoop.start(guard(provider, i), "instance-" + i, 80))
                .toList();

        // Warm-up: the first minute's full bucket hides the quota until the instances have overshot and backed off.
        scheduler.advance(Duration.ofMinutes(4));
        SimulatedCounts warm = provider.counts();
        scheduler.advance(Duration.ofMinutes(6));
        SimulatedCounts end = provider.counts();
        instances.forEach(ClosedLoop::stop);

        double throttledShare = (double) (end.throttled() - warm.throttled()) / (end.calls() - warm.calls());
        double utilisation = (end.succeeded() - warm.succeeded()) / (6.0 * QUOTA_PER_MINUTE);
        assertThat(throttledShare).as("share of attempts throttled").isLessThan(0.10);
        assertThat(utilisation).as("share of the quota used").isGreaterThan(0.85);
        assertThat(instances).allMatch(instance -> instance.succeeded() > 0);
    }

    private GuardedEmbeddingModel guard(SimulatedEmbeddingModel provider, int instance) {
        ModelLimits limits = new ModelLimits(
                QUOTA_PER_MINUTE,
                null,
                10,
                1,
                200,
                null,
                null,
                null,
                Duration.ofSeconds(5),
                null,
                null,
                null,
                null,
                null);
        return new GuardedEmbeddingModel(
                provider, limits, new SimpleMeterRegistry(), scheduler, scheduler::nanoTime, new Random(instance));
    }
}
