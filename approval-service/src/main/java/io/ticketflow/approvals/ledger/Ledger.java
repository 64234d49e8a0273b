package io.ticketflow.approvals.ledger;

import io.ticketflow.approvals.status.TicketStage;
import io.ticketflow.approvals.status.TicketStatusProcessor;
import io.ticketflow.approvals.status.TicketWhereabouts;
import io.ticketflow.schemas.ApprovalRequested;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One task's view of the ledger: its two stores, the ticket status it moves to {@code DECIDED}, and what every
 * change publishes. Used on the task's stream thread only, by {@link RequestProcessor} and {@link CommandProcessor}.
 */
final class Ledger {

    /** Sink of {@code approvals.decided}. */
    static final String DECIDED_SINK = "approvals-decided-sink";

    /** Sink of {@code approvals.events}. */
    static final String EVENTS_SINK = "approvals-events-sink";

    /** Bounds one expiry check, so a backlog of expiries never stalls the task; the next check goes on. */
    private static final int MAX_EXPIRIES_PER_CHECK = 1_000;

    private final ProcessorContext<String, Object> context;
    private final KeyValueStore<String, Approval> approvals;
    private final KeyValueStore<String, String> index;
    private final KeyValueStore<String, TicketWhereabouts> statuses;
    private final Clock clock;

    Ledger(ProcessorContext<String, Object> context, Clock clock) {
        this.context = context;
        this.approvals = context.getStateStore(LedgerStores.APPROVALS);
        this.index = context.getStateStore(LedgerStores.INDEX);
        this.statuses = context.getStateStore(TicketStatusProcessor.STORE);
        this.clock = clock;
    }

    Approval find(String ticketId) {
        return approvals.get(ticketId);
    }

    Instant now() {
        return clock.instant();
    }

    /** Starts a pending approval, replacing a finished one of the same ticket. */
    void open(ApprovalRequested request, Approval finished) {
        long version = 1;
        if (finished != null) {
            index.delete(LedgerIndex.listingKey(finished));
            version = finished.version() + 1;
        }
        Approval pending = new Approval(request, ApprovalStatus.PENDING, version, null);
        store(pending);
        index.put(LedgerIndex.expiryKey(pending), pending.ticketId());
        publish(new LedgerEvent(LedgerEvent.Kind.REQUESTED, pending.ticketId(), null, null, pending));
    }

    /** Applies a decision to a pending approval and publishes it; returns the finished approval. */
    Approval finish(Approval pending, AppliedDecision applied, String commandId) {
        index.delete(LedgerIndex.listingKey(pending));
        index.delete(LedgerIndex.expiryKey(pending));
        Approval finished = pending.finish(applied);
        store(finished);
        Record<String, Object> decided = record(finished.ticketId(), finished.decided());
        context.forward(decided, DECIDED_SINK);
        // The ticket's status moves here, in the same transaction, rather than by reading approvals.decided back.
        TicketStatusProcessor.advance(
                statuses, finished.ticketId(), TicketStage.DECIDED, Instant.ofEpochMilli(decided.timestamp()));
        LedgerEvent.Kind kind =
                finished.status() == ApprovalStatus.EXPIRED ? LedgerEvent.Kind.EXPIRED : LedgerEvent.Kind.DECIDED;
        publish(new LedgerEvent(kind, finished.ticketId(), commandId, null, finished));
        return finished;
    }

    /** Answers a command without changing anything. */
    void answer(LedgerEvent event) {
        publish(event);
    }

    /** Pending approvals whose {@code expiresAt} is at or before {@code now}, oldest first, at most a bounded number. */
    List<Approval> dueForExpiry(Instant now) {
        List<Approval> due = new ArrayList<>();
        try (KeyValueIterator<String, String> entries =
                index.range(LedgerIndex.expiryFrom(), LedgerIndex.expiryTo(now))) {
            while (entries.hasNext() && due.size() < MAX_EXPIRIES_PER_CHECK) {
                KeyValue<String, String> entry = entries.next();
                Approval approval = approvals.get(entry.value);
                if (approval != null && approval.isPending()) {
                    due.add(approval);
                }
            }
        }
        return due;
    }

    private void store(Approval approval) {
        approvals.put(approval.ticketId(), approval);
        index.put(LedgerIndex.listingKey(approval), approval.ticketId());
    }

    private void publish(LedgerEvent event) {
        context.forward(record(event.ticketId(), event), EVENTS_SINK);
    }

    private <V> Record<String, Object> record(String key, V value) {
        return new Record<>(key, value, clock.millis());
    }
}
