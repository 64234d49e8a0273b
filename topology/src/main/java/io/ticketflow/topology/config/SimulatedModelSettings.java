package io.ticketflow.topology.config;

import static io.ticketflow.topology.config.Settings.atLeast;
import static io.ticketflow.topology.config.Settings.fraction;
import static io.ticketflow.topology.config.Settings.notNegative;
import static io.ticketflow.topology.config.Settings.orDefault;

import java.time.Duration;

/**
 * The deterministic in-process models of the {@code simulator} provider (package {@code ai.simulated},
 * {@code ticketflow.model.simulator.*}): for local runs, tests and benchmarks, never for production. The embedding and
 * the triage model each get these settings and their own quota.
 *
 * @param seed seeds latency, faults and throttles; the same seed and the same sequence of calls give the same
 *     answers, delays and failures; default 42
 * @param meanLatency the mean time from a call to its answer; default 200 ms
 * @param latencyJitter answers take the mean latency plus or minus up to this (uniformly); at most the mean; default
 *     100 ms
 * @param failureRate the share of admitted calls that fail as unavailable; default 0
 * @param throttleRate the share of admitted calls throttled at random, without a Retry-After, as a provider does
 *     under load it does not explain; default 0
 * @param requestsPerMinute the simulated account quota: calls per minute beyond which calls are throttled with a
 *     Retry-After (a token bucket holding one minute's worth, refilled continuously); 0, the default, for none
 * @param tokensPerMinute the simulated tokens-per-minute quota, counted in the tokens each answer reports; 0, the
 *     default, for none
 * @param dimensions the length of the embedding vectors; default 384
 * @param maxOutputTokens the most tokens a triage answer takes; part of the triage model's estimate; default 300
 */
public record SimulatedModelSettings(
        Long seed,
        Duration meanLatency,
        Duration latencyJitter,
        Double failureRate,
        Double throttleRate,
        Integer requestsPerMinute,
        Integer tokensPerMinute,
        Integer dimensions,
        Integer maxOutputTokens) {

    private static final String PREFIX = "model.simulator.";

    public SimulatedModelSettings {
        seed = orDefault(seed, 42L);
        meanLatency = notNegative(PREFIX + "mean-latency", meanLatency, Duration.ofMillis(200));
        latencyJitter = notNegative(PREFIX + "latency-jitter", latencyJitter, Duration.ofMillis(100));
        if (latencyJitter.compareTo(meanLatency) > 0) {
            throw new IllegalArgumentException("ticketflow." + PREFIX + "latency-jitter (" + latencyJitter
                    + ") must not exceed ticketflow." + PREFIX + "mean-latency (" + meanLatency + ")");
        }
        failureRate = fraction(PREFIX + "failure-rate", failureRate, 0);
        throttleRate = fraction(PREFIX + "throttle-rate", throttleRate, 0);
        requestsPerMinute = atLeast(PREFIX + "requests-per-minute", requestsPerMinute, 0, 0);
        tokensPerMinute = atLeast(PREFIX + "tokens-per-minute", tokensPerMinute, 0, 0);
        dimensions = atLeast(PREFIX + "dimensions", dimensions, 384, 1);
        maxOutputTokens = atLeast(PREFIX + "max-output-tokens", maxOutputTokens, 300, 1);
    }

    /** The defaults: quick answers, no faults, no quota. */
    public static SimulatedModelSettings defaults() {
        return new SimulatedModelSettings(null, null, null, null, null, null, null, null, null);
    }
}
