package io.ticketflow.topology.ai.guard;

import io.ticketflow.topology.config.ModelLimits;
import java.time.Duration;

/**
 * {@link ModelLimits} for tests, named rather than positional: each test sets what it is about and takes the rest
 * from generous values that stay out of its way (a large budget, high fixed concurrency, one attempt, short delays).
 */
final class Limits {

    private Integer requestsPerMinute = 1_000_000;
    private Integer tokensPerMinute = 1_000_000_000;
    private Integer initialConcurrency = 100;
    private Integer minConcurrency = 1;
    private Integer maxConcurrency = 1_000;
    private Integer maxAttempts = 1;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private Duration attemptTimeout = Duration.ofSeconds(20);
    private Duration callBudget = Duration.ofSeconds(60);
    private Integer breakerFailureRatePercent = 50;
    private Integer breakerWindowSize = 100;
    private Duration breakerOpenWait = Duration.ofSeconds(30);
    private Integer breakerProbeCalls = 1;

    static Limits generous() {
        return new Limits();
    }

    Limits requestsPerMinute(int value) {
        requestsPerMinute = value;
        return this;
    }

    Limits tokensPerMinute(int value) {
        tokensPerMinute = value;
        return this;
    }

    Limits concurrency(int initial, int min, int max) {
        initialConcurrency = initial;
        minConcurrency = min;
        maxConcurrency = max;
        return this;
    }

    Limits maxAttempts(int value) {
        maxAttempts = value;
        return this;
    }

    Limits backoff(Duration initial, Duration max) {
        initialBackoff = initial;
        maxBackoff = max;
        return this;
    }

    Limits attemptTimeout(Duration value) {
        attemptTimeout = value;
        return this;
    }

    Limits callBudget(Duration value) {
        callBudget = value;
        return this;
    }

    Limits breaker(int failureRatePercent, int windowSize, Duration openWait, int probeCalls) {
        breakerFailureRatePercent = failureRatePercent;
        breakerWindowSize = windowSize;
        breakerOpenWait = openWait;
        breakerProbeCalls = probeCalls;
        return this;
    }

    ModelLimits build() {
        return new ModelLimits(
                requestsPerMinute,
                tokensPerMinute,
                initialConcurrency,
                minConcurrency,
                maxConcurrency,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                attemptTimeout,
                callBudget,
                breakerFailureRatePercent,
                breakerWindowSize,
                breakerOpenWait,
                breakerProbeCalls);
    }
}
