package io.ticketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ticketflow.testkit.bedrock.SimulatorCounters;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaWindowTest {

    private static final SimulatorCounters START = counters(10_000, 50, 2, 600_000);

    @Test
    void shouldMeasureCallsPerMinuteAsAShareOfTheQuotaFromAdmittedAttempts() {
        // Three minutes: 18,300 more requests, 300 of them throttled and 3 refused as invalid: 17,997 admitted.
        var window = new QuotaWindow(
                "embed", 6_000, 400_000, START, counters(28_300, 350, 5, 1_752_000), Duration.ofMinutes(3));

        assertThat(window.attempts()).isEqualTo(18_300);
        assertThat(window.throttled()).isEqualTo(300);
        assertThat(window.admitted()).isEqualTo(17_997);
        assertThat(window.callsPerMinute()).isCloseTo(5_999, within(1e-9));
        assertThat(window.utilisation()).isCloseTo(5_999 / 6_000.0, within(1e-12));
        assertThat(window.throttledShare()).isCloseTo(300 / 18_300.0, within(1e-12));
        // 1,152,000 tokens in three minutes of a 400,000 tokens/min quota.
        assertThat(window.tokenUtilisation()).isCloseTo(0.96, within(1e-12));
    }

    @Test
    void shouldCombineModelsByTheirCallsAndAttempts() {
        Duration minute = Duration.ofMinutes(1);
        var embed = new QuotaWindow("embed", 6_000, 1, START, counters(16_000, 50, 2, 600_000), minute);
        var triage = new QuotaWindow("triage", 6_000, 1, START, counters(15_000, 1_050, 2, 600_000), minute);

        // 6,000 + 4,000 calls of 12,000; 1,000 of 11,000 attempts throttled.
        assertThat(QuotaWindow.utilisation(List.of(embed, triage))).isCloseTo(10_000 / 12_000.0, within(1e-12));
        assertThat(QuotaWindow.throttledShare(List.of(embed, triage))).isCloseTo(1_000 / 11_000.0, within(1e-12));
    }

    @Test
    void shouldCountNoThrottlingWhenThereWereNoAttempts() {
        var idle = new QuotaWindow("embed", 6_000, 1, START, START, Duration.ofMinutes(1));

        assertThat(idle.throttledShare()).isZero();
        assertThat(idle.utilisation()).isZero();
    }

    @Test
    void shouldSetTheTokenQuotaToBindWithTheRequestQuota() {
        assertThat(QuotaWindow.bindingTokensPerMinute(6_000, 63.5)).isEqualTo(381_000);
        assertThat(QuotaWindow.bindingTokensPerMinute(6_000, 1_065.0001)).isEqualTo(6_390_001); // rounded up
        assertThatThrownBy(() -> QuotaWindow.bindingTokensPerMinute(6_000, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCompareThroughputWithTheBlockingVariant() {
        assertThat(QuotaWindow.speedup(6_000, 30)).isEqualTo(200.0);
        assertThatThrownBy(() -> QuotaWindow.speedup(6_000, 0)).hasMessageContaining("blocking variant");
    }

    private static SimulatorCounters counters(long requests, long throttled, long invalid, long tokens) {
        return new SimulatorCounters(requests, throttled, 0, 0, 0, invalid, tokens);
    }
}
