package io.ticketflow.topology.dedup;

import io.ticketflow.schemas.TicketEnriched;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Feeds each triage back into the dedup store, so that a later duplicate of the ticket can reuse it. Receives the
 * triage stage's outcomes in the task of the ticket's dedup scope, where {@link DedupProcessor} judged the ticket: the
 * two share the {@link DedupStore}, which keeps one writer per scope. Forwards nothing.
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
