package io.ticketflow.topology.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ModelLimitsTest {

    @Test
    void shouldDefaultToASmallBedrockQuotaWithRetriesAndABreaker() {
        var limits = ModelLimits.defaults();

        assertThat(limits.requestsPerMinute()).isEqualTo(100);
        assertThat(limits.tokensPerMinute()).isEqualTo(100_000);
        assertThat(limits.initialConcurrency()).isEqualTo(4);
        assertThat(limits.minConcurrency()).isEqualTo(1);
        assertThat(limits.maxConcurrency()).isEqualTo(128);
        assertThat(limits.maxAttempts()).isEqualTo(5);
        assertThat(limits.initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(limits.maxBackoff()).isEqualTo(Duration.ofSeconds(20));
        assertThat(limits.attemptTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(limits.callBudget()).isEqualTo(Duration.ofSeconds(50));
        assertThat(limits.breakerFailureRatePercent()).isEqualTo(50);
        assertThat(limits.breakerWindowSize()).isEqualTo(20);
        assertThat(limits.breakerOpenWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(limits.breakerProbeCalls()).isEqualTo(3);
    }

    @Test
    void shouldRejectValuesOutOfRangeNamingTheSetting() {
        assertThatThrownBy(() -> limits(0, null, null, null, null))
                .hasMessage("ticketflow.model.<embedding|triage>-limits.requests-per-minute must be at least 1, was 0");
        assertThatThrownBy(() -> limits(null, 0, null, null, null))
                .hasMessageContaining("ticketflow.model.<embedding|triage>-limits.max-attempts");
        assertThatThrownBy(() -> limits(null, null, 101, null, null))
                .hasMessageContaining(
                        "ticketflow.model.<embedding|triage>-limits.breaker-failure-rate-percent must be at most 100");
    }

    @Test
    void shouldRejectSettingsThatContradictEachOther() {
        assertThatThrownBy(() -> limits(null, null, null, Duration.ofMinutes(2), null))
                .hasMessageContaining(
                        "ticketflow.model.<embedding|triage>-limits.attempt-timeout (PT2M) must not exceed")
                .hasMessageContaining("ticketflow.model.<embedding|triage>-limits.call-budget (PT50S)");
        assertThatThrownBy(() -> new ModelLimits(
                        null, null, 200, null, null, null, null, null, null, null, null, null, null, null))
                .hasMessageContaining(
                        "ticketflow.model.<embedding|triage>-limits.initial-concurrency must be at most 128");
        assertThatThrownBy(() -> new ModelLimits(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Duration.ofMinutes(1),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
                .hasMessageContaining(
                        "ticketflow.model.<embedding|triage>-limits.initial-backoff (PT1M) must not exceed");
    }

    private static ModelLimits limits(
            Integer requestsPerMinute,
            Integer maxAttempts,
            Integer failureRatePercent,
            Duration attemptTimeout,
            Duration callBudget) {
        return new ModelLimits(
                requestsPerMinute,
                null,
                null,
                null,
                null,
                maxAttempts,
                null,
                null,
                attemptTimeout,
                callBudget,
                failureRatePercent,
                null,
                null,
                null);
    }
}
