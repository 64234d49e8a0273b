package io.ticketflow.topology.dedup;

import io.ticketflow.schemas.TicketEnriched;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Feeds each triage back into the dedup store, so that a later duplicate of the ticket can reuse it. Receives
 * triaged tickets keyed by dedup scope through the {@code dedup-triaged} repartition topic; shares the
 * {@link DedupStore} with {@link DedupProcessor}, so Kafka Streams runs both in the same task (the one owning the
 * scope's partition), and the store keeps one writer per scope. Forwards nothing.
 *
 * <p>A ticket no longer in the store (expired, or never remembered because its embedding was missing) is ignored,
 * as is a ticket that left triage without a triage (model unavailable).
 */
public final class RememberTriageProcessor implements Processor<String, TicketEnriched, Void, Void> {

    private KeyValueStore<String, StoredTicket> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(DedupStore.NAME);
    }

    @Override
    public void process(Record<String, TicketEnriched> record) {
        TicketEnriched ticket = record.value();
        if (ticket.triage() == null) {
            return;
        }
        StoredTicket stored = store.get(ticket.ticket().id());
        if (stored != null) {
            store.put(stored.id(), stored.withTriage(ticket.triage()));
        }
    }
}
