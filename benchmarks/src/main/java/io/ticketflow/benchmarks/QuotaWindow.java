package io.ticketflow.benchmarks;

import io.ticketflow.testkit.bedrock.SimulatorCounters;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one model's quota did over a measurement window, from the simulator's counters of that model at its start and
 * end: the figures {@code quota} reports. Pure arithmetic; immutable.
 *
 * @param model the model id
 * @param requestsPerMinute the model's request quota
 * @param tokensPerMinute the model's token quota
 * @param start the model's counters when the window opened
 * @param end the model's counters when it closed
 * @param length how long the window was open
 */
record QuotaWindow(
        String model,
        long requestsPerMinute,
        long tokensPerMinute,
        SimulatorCounters start,
        SimulatorCounters end,
        Duration length) {

    QuotaWindow {
        Objects.requireNonNull(model, "model");
        if (requestsPerMinute < 1 || tokensPerMinute < 1) {
            throw new IllegalArgumentException("quotas must be positive");
        }
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("the window must have a positive length, was " + length);
        }
    }

    /** Attempts that reached the model: admitted or throttled. */
    long attempts() {
        return end.requests() - start.requests();
    }

    /** Attempts the quota refused. */
    long throttled() {
        return end.throttled() - start.throttled();
    }

    /** Attempts the quota let through: the calls that used it. */
    long admitted() {
        return end.admitted() - start.admitted();
    }

    /** Tokens the admitted calls kept from the token quota. */
    long tokens() {
        return end.tokens() - start.tokens();
    }

    double minutes() {
        return length.toNanos() / 60e9;
    }

    /** Calls per minute the quota let through. */
    double callsPerMinute() {
        return admitted() / minutes();
    }

    /** Calls per minute as a share of the request quota: 1 is the whole quota. */
    double utilisation() {
        return callsPerMinute() / requestsPerMinute;
    }

    /** Tokens per minute as a share of the token quota. */
    double tokenUtilisation() {
        return tokens() / minutes() / tokensPerMinute;
    }

    /** The share of attempts throttled; 0 when there were none. */
    double throttledShare() {
        return share(throttled(), attempts());
    }

    /** The calls of all {@code windows} per minute as a share of their request quotas together. */
    static double utilisation(List<QuotaWindow> windows) {
        double calls = windows.stream().mapToDouble(QuotaWindow::callsPerMinute).sum();
        double quota =
                windows.stream().mapToDouble(QuotaWindow::requestsPerMinute).sum();
        return calls / quota;
    }

    /** The share of the attempts of all {@code windows} that were throttled. */
    static double throttledShare(List<QuotaWindow> windows) {
        return share(
                windows.stream().mapToLong(QuotaWindow::throttled).sum(),
                windows.stream().mapToLong(QuotaWindow::attempts).sum());
    }

    /**
     * The token quota that binds when the request quota does, for calls that keep {@code meanTokensPerCall} tokens
     * each: the request quota times that mean, rounded up.
     */
    static long bindingTokensPerMinute(long requestsPerMinute, double meanTokensPerCall) {
        if (!(meanTokensPerCall > 0)) {
            throw new IllegalArgumentException("the mean tokens per call must be positive, was " + meanTokensPerCall);
        }
        return (long) Math.ceil(requestsPerMinute * meanTokensPerCall);
    }

    /** How many times {@code blocking} the {@code async} rate is; both in the same unit. */
    static double speedup(double async, double blocking) {
        if (!(blocking > 0)) {
            throw new IllegalArgumentException("the blocking variant completed nothing: no speedup can be computed");
        }
        return async / blocking;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
