package io.ticketflow.topology.ai.guard;

import com.netflix.concurrency.limits.Limit;
import java.util.function.Consumer;

/**
 * Feeds a limit (the guard's AIMD) one sample per window instead of one per attempt, so that it changes at most once
 * per window, as TCP's window changes once per round trip: a burst of throttles one overshoot caused counts once, and
 * a busy model does not grow the limit by one per call. A window lasts twice the shortest round trip seen in it,
 * within the given bounds; its sample is the attempts' mean round trip, their largest in-flight count, and whether
 * any was dropped (throttled).
 *
 * <p><b>Why not Netflix's {@code WindowedLimit}</b>, which does the same: it discards every window with fewer than ten
 * samples (its minimum, kept for the latency-based limits that estimate round trips from them). A limit of {@code L}
 * attempts of {@code r} seconds yields about {@code L × window / r} samples per window, which is under ten for the
 * default initial limit of 4 with calls of a second or more (windows of one to two seconds): every window was
 * discarded, and the limit never moved, neither up to use the quota nor down when throttled. This window closes on
 * time alone and hands on whatever it holds, one sample or many; AIMD needs no more than "dropped or not".
 *
 * <p>Thread-safe: samples arrive on whichever threads attempts end on; the delegate is updated under this object's
 * lock, one window at a time.
 */
final class RoundTripWindowedLimit implements Limit {

    private final Limit delegate;
    private final long minWindowNanos;
    private final long maxWindowNanos;

    // The open window; guarded by this.
    private long windowEnd = Long.MIN_VALUE;
    private int samples;
    private long rttSum;
    private long minRtt = Long.MAX_VALUE;
    private int maxInFlight;
    private boolean dropped;

    /**
     * @param delegate the limit the windows' samples go to
     * @param minWindowNanos the shortest window
     * @param maxWindowNanos the longest window
     */
    RoundTripWindowedLimit(Limit delegate, long minWindowNanos, long maxWindowNanos) {
        if (minWindowNanos <= 0 || maxWindowNanos < minWindowNanos) {
            throw new IllegalArgumentException(
                    "window bounds must be positive and ordered, were " + minWindowNanos + " and " + maxWindowNanos);
        }
        this.delegate = delegate;
        this.minWindowNanos = minWindowNanos;
        this.maxWindowNanos = maxWindowNanos;
    }

    @Override
    public int getLimit() {
        return delegate.getLimit();
    }

    @Override
    public void notifyOnChange(Consumer<Integer> consumer) {
        delegate.notifyOnChange(consumer);
    }

    /**
     * Adds an attempt to the open window; when the attempt ended after the window's end, closes the window, hands its
     * sample to the delegate and opens the next one, ending twice the closed window's shortest round trip later.
     */
    @Override
    public synchronized void onSample(long startTime, long rtt, int inflight, boolean didDrop) {
        samples++;
        rttSum += rtt;
        minRtt = Math.min(minRtt, rtt);
        maxInFlight = Math.max(maxInFlight, inflight);
        dropped |= didDrop;
        long endTime = startTime + rtt;
        if (endTime - windowEnd <= 0 && windowEnd != Long.MIN_VALUE) {
            return;
        }
        long window = Math.clamp(2 * minRtt, minWindowNanos, maxWindowNanos);
        delegate.onSample(startTime, rttSum / samples, maxInFlight, dropped);
        windowEnd = endTime + window;
        samples = 0;
        rttSum = 0;
        minRtt = Long.MAX_VALUE;
        maxInFlight = 0;
        dropped = false;
    }
}
