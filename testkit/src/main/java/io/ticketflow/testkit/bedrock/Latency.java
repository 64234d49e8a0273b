package io.ticketflow.testkit.bedrock;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long the simulator takes to answer a call it does not throttle: a uniform draw from {@code [mean - jitter, mean +
 * jitter]}. Throttled calls are answered at once, as Bedrock does.
 *
 * @param mean the average answer time; zero or more
 * @param jitter how far a draw may stray from the mean either way; zero or more, at most {@code mean}
 */
public record Latency(Duration mean, Duration jitter) {

    public Latency {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(jitter, "jitter");
        if (mean.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + mean + " ± " + jitter);
        }
        if (jitter.compareTo(mean) > 0) {
            throw new IllegalArgumentException("jitter " + jitter + " must not exceed the mean " + mean);
        }
    }

    /** Answers at once. */
    public static Latency none() {
        return new Latency(Duration.ZERO, Duration.ZERO);
    }

    /** Always {@code latency}. */
    public static Latency fixed(Duration latency) {
        return new Latency(latency, Duration.ZERO);
    }

    /** Uniformly within {@code mean ± jitter}. */
    public static Latency jittered(Duration mean, Duration jitter) {
        return new Latency(mean, jitter);
    }

    /** One answer time, drawn with {@code random} (which the caller seeds for repeatable runs). */
    Duration draw(RandomGenerator random) {
        if (jitter.isZero()) {
            return mean;
        }
        long spread = jitter.toNanos();
        return mean.plusNanos(random.nextLong(-spread, spread + 1));
    }
}
