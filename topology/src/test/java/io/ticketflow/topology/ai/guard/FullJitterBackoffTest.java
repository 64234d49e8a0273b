package io.ticketflow.topology.ai.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.core.functions.Either;
import io.ticketflow.topology.ai.ModelException;
import io.ticketflow.topology.ai.ModelException.Kind;
import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FullJitterBackoffTest {

    private final FullJitterBackoff backoff =
            new FullJitterBackoff(Duration.ofMillis(500), Duration.ofSeconds(20), new Random(3));

    @Test
    void shouldDoubleTheCeilingWithEveryRetryUpToTheMaximum() {
        assertThat(IntStream.rangeClosed(1, 8).mapToLong(backoff::ceilingMillis).toArray())
                .containsExactly(500, 1_000, 2_000, 4_000, 8_000, 16_000, 20_000, 20_000);
        assertThat(backoff.ceilingMillis(500)).isEqualTo(20_000);
    }

    @Test
    void shouldDrawEveryDelayBetweenOneMillisecondAndTheCeilingSpreadingThemOut() {
        var delays = IntStream.range(0, 1_000)
                .mapToLong(i -> backoff.apply(3, Either.left(failure(null))))
                .boxed()
                .toList();

        assertThat(delays).allMatch(delay -> delay >= 1 && delay <= 2_000);
        // Full jitter: delays cover the range, not cluster at its top as a fixed or half-jittered backoff would.
        assertThat(delays).anyMatch(delay -> delay < 500).anyMatch(delay -> delay > 1_500);
    }

    @Test
    void shouldWaitForTheModelsRetryAfterWhenItIsLonger() {
        assertThat(backoff.apply(1, Either.left(failure(Duration.ofSeconds(30)))))
                .isEqualTo(30_000);
    }

    @Test
    void shouldIgnoreAShorterRetryAfter() {
        var delays = IntStream.range(0, 100)
                .mapToLong(i -> backoff.apply(5, Either.left(failure(Duration.ofMillis(2)))))
                .boxed()
                .toList();

        assertThat(delays).anyMatch(delay -> delay > 2);
    }

    private static ModelException failure(Duration retryAfter) {
        return new ModelException(Kind.THROTTLED, "throttled", retryAfter, null);
    }
}
