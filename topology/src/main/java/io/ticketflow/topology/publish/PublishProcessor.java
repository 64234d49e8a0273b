package io.ticketflow.topology.publish;

import io.ticketflow.schemas.TicketEnriched;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Stamps a ticket with the time it leaves the pipeline, on the processing instance's wall clock. */
public final class PublishProcessor implements FixedKeyProcessor<String, TicketEnriched, TicketEnriched> {

    private FixedKeyProcessorContext<String, TicketEnriched> context;

    @Override
    public void init(FixedKeyProcessorContext<String, TicketEnriched> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, TicketEnriched> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        context.forward(record.withValue(record.value().leaving(now)));
    }
}
