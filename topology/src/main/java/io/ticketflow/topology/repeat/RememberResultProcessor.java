package io.ticketflow.topology.repeat;

import io.ticketflow.schemas.TicketEnriched;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stores each triaged ticket leaving the pipeline as the result of its content, so a later exact repeat is answered
 * without a model. Receives tickets keyed by {@link ContentKey} through the {@code repeat-results-by-content}
 * repartition topic and shares the repeat store with {@link RepeatProcessor}, so both run in the task owning the key:
 * one writer per content key. Keeps the first result of a content; forwards nothing.
 */
public final class RememberResultProcessor implements Processor<String, TicketEnriched, Void, Void> {

    private KeyValueStore<String, RepeatEntry> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(RepeatStore.NAME);
    }

    @Override
    public void process(Record<String, TicketEnriched> record) {
        TicketEnriched result = record.value();
        RepeatEntry entry = store.get(record.key());
        if (entry != null && entry.result() == null && result.triage() != null) {
            store.put(record.key(), new RepeatEntry(entry.firstId(), entry.seenAt(), result));
        }
    }
}
