package io.ticketflow.approvals.status;

import io.ticketflow.schemas.serde.JsonSerde;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Records that a ticket reached {@code stage} when a record keyed by its id arrives on one of the pipeline's topics.
 * Values are never read, so a record this service cannot parse still moves the status.
 */
public final class TicketStatusProcessor implements Processor<String, Object, Void, Void> {

    /** The store: ticket id to {@link TicketWhereabouts}. */
    public static final String STORE = "ticket-status";

    private final TicketStage stage;
    private KeyValueStore<String, TicketWhereabouts> statuses;

    public TicketStatusProcessor(TicketStage stage) {
        this.stage = stage;
    }

    /** The persistent, changelogged store the processors share. */
    public static StoreBuilder<KeyValueStore<String, TicketWhereabouts>> store() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STORE), Serdes.String(), JsonSerde.of(TicketWhereabouts.class));
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        statuses = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Object> record) {
        if (record.key() == null || record.key().isEmpty()) {
            return;
        }
        advance(statuses, record.key(), stage, Instant.ofEpochMilli(record.timestamp()));
    }

    /**
     * Records in {@code statuses} (the {@link #STORE}) that {@code ticketId} reached {@code stage} at {@code since},
     * unless it is already further on. Also used by the ledger, which moves a ticket to
     * {@link TicketStage#DECIDED} in the transaction that decides it.
     */
    public static void advance(
            KeyValueStore<String, TicketWhereabouts> statuses, String ticketId, TicketStage stage, Instant since) {
        TicketWhereabouts known = statuses.get(ticketId);
        if (known == null || known.stage().mayMoveTo(stage, since.isAfter(known.since()))) {
            statuses.put(ticketId, new TicketWhereabouts(ticketId, stage, since));
        }
    }
}
