package io.ticketflow.topology.ai.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void shouldReadWholeSeconds() {
        assertThat(RetryAfter.parse("12", NOW)).contains(Duration.ofSeconds(12));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void shouldReadAnHttpDateAsTheWaitUntilThen() {
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 09:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 08:59:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void shouldIgnoreAnythingElse() {
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
    }
}
