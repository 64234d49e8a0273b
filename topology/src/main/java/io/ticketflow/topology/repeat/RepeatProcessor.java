package io.ticketflow.topology.repeat;

import io.ticketflow.schemas.DuplicateCandidate;
import io.ticketflow.schemas.DuplicateLink;
import io.ticketflow.schemas.DuplicateVerdict;
import io.ticketflow.schemas.StageRecord;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.Triage;
import io.ticketflow.schemas.TriageSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The {@code repeat} stage, before any model: receives tickets keyed by {@link ContentKey}, so every ticket of a
 * tenant with the same text meets the same store entry. A ticket whose content was seen before and has a stored result
 * is answered from it — the earlier triage reused ({@link TriageSource#REUSED_FROM_REPEAT}, no tokens), and, when the
 * earlier ticket had another id, a {@code DUPLICATE} link to it with similarity 1 — and calls no model. Any other
 * ticket goes on to {@code embed}; the first of its content is remembered, and its result is stored when it leaves
 * the pipeline ({@link RememberResultProcessor}). Forwards keyed by ticket id.
 *
 * <p>A repeat that arrives while the first ticket of its content is still on its way is not held back: it goes
 * through the models too. Entries older than the retention are removed on a wall-clock punctuation.
 */
public final class RepeatProcessor implements Processor<String, TicketEnriched, String, TicketEnriched> {

    /** The stage's name: its processor and audit entries. */
    public static final String STAGE = "repeat";

    private final Duration retention;
    private final Duration expiryInterval;
    private ProcessorContext<String, TicketEnriched> context;
    private KeyValueStore<String, RepeatEntry> store;

    /**
     * @param retention how long a content's result is reused
     * @param expiryInterval how often old entries are removed
     */
    public RepeatProcessor(Duration retention, Duration expiryInterval) {
        this.retention = retention;
        this.expiryInterval = expiryInterval;
    }

    /** Whether {@code ticket} was answered by this stage (it alone sets a triage before the triage stage). */
    public static boolean isAnswered(TicketEnriched ticket) {
        return ticket.triage() != null;
    }

    @Override
    public void init(ProcessorContext<String, TicketEnriched> context) {
        this.context = context;
        this.store = context.getStateStore(RepeatStore.NAME);
        context.schedule(expiryInterval, PunctuationType.WALL_CLOCK_TIME, now -> expireOldEntries(now));
    }

    @Override
    public void process(Record<String, TicketEnriched> record) {
        TicketEnriched ticket = record.value();
        String id = ticket.ticket().id();
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        RepeatEntry seen = store.get(record.key());
        TicketEnriched out;
        if (seen != null && seen.result() != null && seen.result().triage() != null) {
            out = answerFromStoredResult(ticket, seen, now);
        } else {
            if (seen == null) {
                store.put(record.key(), new RepeatEntry(id, now, null));
            }
            out = ticket.withStage(StageRecord.passed(STAGE, now));
        }
        context.forward(new Record<>(id, out, record.timestamp(), record.headers()));
    }

    private static TicketEnriched answerFromStoredResult(TicketEnriched ticket, RepeatEntry seen, Instant now) {
        TicketEnriched earlier = seen.result();
        Triage triage = earlier.triage();
        TicketEnriched answered = ticket.withTriage(triage.reused(TriageSource.REUSED_FROM_REPEAT));
        String earlierId = earlier.ticket().id();
        if (!earlierId.equals(ticket.ticket().id())) {
            answered = answered.withDuplicate(new DuplicateLink(
                    DuplicateVerdict.DUPLICATE,
                    earlierId,
                    1.0,
                    List.of(new DuplicateCandidate(
                            earlierId, 1.0, earlier.ticket().title()))));
        } else if (earlier.duplicate() != null) {
            answered = answered.withDuplicate(earlier.duplicate());
        }
        return answered.withStage(new StageRecord(STAGE, now, List.of(), Map.of("repeatOf", earlierId)));
    }

    private void expireOldEntries(long nowMs) {
        Instant cutoff = Instant.ofEpochMilli(nowMs).minus(retention);
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, RepeatEntry> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, RepeatEntry> entry = all.next();
                if (entry.value.seenAt().isBefore(cutoff)) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(store::delete);
    }
}
