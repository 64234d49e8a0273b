package io.ticketflow.testkit.bedrock;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How the simulator answers, as the builder configured it: latency, injected faults and broken answers. Immutable;
 * the draws use the caller's random source.
 *
 * @param latency the answer time of calls that are not slow
 * @param slowRate the share of calls delayed by {@code slowDelay} instead
 * @param slowDelay the delay of a slow call
 * @param faultRate the share of calls answered with one of {@code faults}
 * @param faults the faults to choose from, uniformly
 * @param malformedRate the share of calls answered with one of {@code malformedAnswers} that fits the operation
 * @param malformedAnswers the broken answers to choose from, uniformly
 * @param retryAfter the {@code Retry-After} a throttled call carries; {@code null} for none, as Bedrock does
 * @param obeysInjectedInstructions whether the simulated model follows instructions written in the ticket text
 */
record SimulatorBehaviour(
        Latency latency,
        double slowRate,
        Duration slowDelay,
        double faultRate,
        List<ServerFault> faults,
        double malformedRate,
        List<MalformedAnswer> malformedAnswers,
        Duration retryAfter,
        boolean obeysInjectedInstructions) {

    SimulatorBehaviour {
        faults = List.copyOf(faults);
        malformedAnswers = List.copyOf(malformedAnswers);
    }

    /** Whether this call is slow. */
    boolean drawSlow(RandomGenerator random) {
        return happens(slowRate, random);
    }

    /** The fault to answer this call with, or {@code null} for none. */
    ServerFault drawFault(RandomGenerator random) {
        return happens(faultRate, random) && !faults.isEmpty() ? faults.get(random.nextInt(faults.size())) : null;
    }

    /** The broken answer to give this call of {@code operation}, or {@code null} for a good one. */
    MalformedAnswer drawMalformed(Operation operation, RandomGenerator random) {
        List<MalformedAnswer> fitting = malformedAnswers.stream()
                .filter(kind -> kind.operation() == operation)
                .toList();
        return happens(malformedRate, random) && !fitting.isEmpty()
                ? fitting.get(random.nextInt(fitting.size()))
                : null;
    }

    /* A rate of 0 never draws, so that a simulator without faults consumes no random numbers for them. */
    private static boolean happens(double rate, RandomGenerator random) {
        return rate > 0 && random.nextDouble() < rate;
    }
}
