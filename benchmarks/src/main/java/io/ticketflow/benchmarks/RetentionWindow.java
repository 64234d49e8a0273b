package io.ticketflow.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The replay's retention: reports join in {@code created} order, and leave once a later report arrives more than the
 * retention after them — as the dedup stage removes tickets created more than {@code ticketflow.dedup.retention} ago.
 */
final class RetentionWindow {

    private record Joined(String id, Instant created) {}

    private final Duration retention;
    private final Deque<Joined> held = new ArrayDeque<>();

    /** @param retention how long a report stays; {@code null} for ever */
    RetentionWindow(Duration retention) {
        this.retention = retention;
    }

    /** Holds {@code id}, created at {@code created}, no earlier than any held before. */
    void add(String id, Instant created) {
        if (retention == null) {
            return;
        }
        if (!held.isEmpty() && created.isBefore(held.peekLast().created())) {
            throw new IllegalArgumentException("report " + id + " arrives out of created order");
        }
        held.addLast(new Joined(id, created));
    }

    /** The held reports created more than the retention before {@code now}, in created order; they are no longer held. */
    List<String> expireAt(Instant now) {
        List<String> expired = new ArrayList<>();
        if (retention == null) {
            return expired;
        }
        Instant cutoff = now.minus(retention);
        while (!held.isEmpty() && held.peekFirst().created().isBefore(cutoff)) {
            expired.add(held.removeFirst().id());
        }
        return expired;
    }
}
