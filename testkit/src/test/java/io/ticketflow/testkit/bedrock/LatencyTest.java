package io.ticketflow.testkit.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatencyTest {

    @Test
    void shouldDrawAFixedLatencyEveryTime() {
        Latency latency = Latency.fixed(Duration.ofMillis(250));

        assertThat(latency.draw(new Random(1))).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void shouldDrawWithinMeanPlusOrMinusJitterAndRepeatForTheSameSeed() {
        Latency latency = Latency.jittered(Duration.ofMillis(800), Duration.ofMillis(300));

        List<Duration> draws = draws(latency, 42);

        assertThat(draws)
                .allSatisfy(draw -> assertThat(draw).isBetween(Duration.ofMillis(500), Duration.ofMillis(1_100)));
        assertThat(draws).doesNotHaveDuplicates().isEqualTo(draws(latency, 42));
    }

    @Test
    void shouldRejectJitterBeyondTheMeanAndNegativeLatency() {
        assertThatThrownBy(() -> Latency.jittered(Duration.ofMillis(100), Duration.ofMillis(101)))
                .hasMessageContaining("must not exceed the mean");
        assertThatThrownBy(() -> Latency.fixed(Duration.ofMillis(-1))).hasMessageContaining("must not be negative");
    }

    private static List<Duration> draws(Latency latency, long seed) {
        Random random = new Random(seed);
        return IntStream.range(0, 100).mapToObj(i -> latency.draw(random)).toList();
    }
}
