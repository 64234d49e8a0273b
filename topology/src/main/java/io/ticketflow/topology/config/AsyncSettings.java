package io.ticketflow.topology.config;

import static io.ticketflow.topology.config.Settings.atLeast;
import static io.ticketflow.topology.config.Settings.positive;

import java.time.Duration;

/**
 * Bounds of the async stages that call models ({@code ticketflow.async.*}); each stage of each task applies them on
 * its own.
 *
 * @param maxInFlight records a stage of one task holds at once, waiting for or in a model call; when full, the
 *     stream thread waits, draining completions, before it takes the next record (backpressure); default 256. While it
 *     waits the thread serves no other task, so under a backlog this is in effect the calls one stream thread keeps
 *     going per stage: keep it above the model's {@code max-concurrency} (128 by default), or neither that limit nor a
 *     quota that needs as many concurrent calls can be reached
 * @param drainInterval how often, in wall-clock time, completed calls are forwarded when no record arrives; default
 *     50 ms
 * @param callBudget the longest a record may wait for its call, retries included, before the stage's fallback
 *     applies; must stay well below the consumer's {@code max.poll.interval.ms} (5 min), because a full stage waits
 *     up to this long; default 60 s
 */
public record AsyncSettings(Integer maxInFlight, Duration drainInterval, Duration callBudget) {

    private static final Duration MAX_CALL_BUDGET = Duration.ofMinutes(4);

    public AsyncSettings {
        maxInFlight = atLeast("async.max-in-flight", maxInFlight, 256, 1);
        drainInterval = positive("async.drain-interval", drainInterval, Duration.ofMillis(50));
        callBudget = positive("async.call-budget", callBudget, Duration.ofSeconds(60));
        if (callBudget.compareTo(MAX_CALL_BUDGET) > 0) {
            throw new IllegalArgumentException("ticketflow.async.call-budget must be at most " + MAX_CALL_BUDGET
                    + " (below the consumer's max.poll.interval.ms of 5 min), was " + callBudget);
        }
    }
}
