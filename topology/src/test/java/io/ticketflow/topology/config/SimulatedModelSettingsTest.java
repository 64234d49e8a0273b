package io.ticketflow.topology.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatedModelSettingsTest {

    @Test
    void shouldDefaultToQuickAnswersWithoutFaultsOrQuota() {
        var settings = SimulatedModelSettings.defaults();

        assertThat(settings.seed()).isEqualTo(42);
        assertThat(settings.meanLatency()).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.latencyJitter()).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.failureRate()).isZero();
        assertThat(settings.throttleRate()).isZero();
        assertThat(settings.requestsPerMinute()).isZero();
        assertThat(settings.tokensPerMinute()).isZero();
        assertThat(settings.dimensions()).isEqualTo(384);
        assertThat(settings.maxOutputTokens()).isEqualTo(300);
    }

    @Test
    void shouldRejectValuesOutOfRangeNamingTheSetting() {
        assertThatThrownBy(() -> new SimulatedModelSettings(null, null, null, 1.5, null, null, null, null, null))
                .hasMessage("ticketflow.model.simulator.failure-rate must be within [0, 1], was 1.5");
        assertThatThrownBy(() -> new SimulatedModelSettings(null, null, null, null, null, -1, null, null, null))
                .hasMessageContaining("ticketflow.model.simulator.requests-per-minute");
        assertThatThrownBy(() -> new SimulatedModelSettings(
                        null, Duration.ofMillis(-1), Duration.ZERO, null, null, null, null, null, null))
                .hasMessageContaining("ticketflow.model.simulator.mean-latency must not be negative");
    }

    @Test
    void shouldRejectAJitterLargerThanTheMeanLatency() {
        assertThatThrownBy(() -> new SimulatedModelSettings(
                        null, Duration.ofMillis(100), Duration.ofMillis(200), null, null, null, null, null, null))
                .hasMessageContaining("ticketflow.model.simulator.latency-jitter (PT0.2S) must not exceed");
    }
}
