package io.ticketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionWindowTest {

    private static final Instant DAY_0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldExpireReportsCreatedMoreThanTheRetentionBeforeNowOnce() {
        RetentionWindow window = new RetentionWindow(Duration.ofDays(30));
        window.add("a", DAY_0);
        window.add("b", DAY_0.plus(Duration.ofDays(10)));
        window.add("c", DAY_0.plus(Duration.ofDays(20)));

        assertThat(window.expireAt(DAY_0.plus(Duration.ofDays(30)))).isEmpty(); // exactly 30 days: still held
        assertThat(window.expireAt(DAY_0.plus(Duration.ofDays(41)))).containsExactly("a", "b");
        assertThat(window.expireAt(DAY_0.plus(Duration.ofDays(41)))).isEmpty();
        assertThat(window.expireAt(DAY_0.plus(Duration.ofDays(400)))).containsExactly("c");
    }

    @Test
    void shouldHoldEverythingWithoutARetention() {
        RetentionWindow window = new RetentionWindow(null);
        window.add("a", DAY_0);

        assertThat(window.expireAt(DAY_0.plus(Duration.ofDays(10_000)))).isEmpty();
    }

    @Test
    void shouldRefuseAReportOutOfCreatedOrder() {
        RetentionWindow window = new RetentionWindow(Duration.ofDays(1));
        window.add("b", DAY_0.plusSeconds(60));

        assertThatThrownBy(() -> window.add("a", DAY_0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of created order");
    }
}
