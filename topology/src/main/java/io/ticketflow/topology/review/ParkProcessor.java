package io.ticketflow.topology.review;

import io.ticketflow.schemas.ApprovalRequested;
import io.ticketflow.topology.config.ReviewSettings;
import io.ticketflow.topology.routing.RoutedTicket;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The {@code park} stage: puts a ticket that needs review into the {@value ParkedTickets#STORE} store and forwards the
 * {@link ApprovalRequested} for it. Under exactly-once the store write (through its changelog) and the request commit
 * in one transaction with the input: a request is never sent for a ticket that is not parked, nor the other way round.
 *
 * <p>A ticket parked again under the same id (upstream sent it twice while it waited) replaces the earlier entry and
 * its approval: a later decision on the earlier approval is refused as stale.
 */
public final class ParkProcessor implements FixedKeyProcessor<String, RoutedTicket, ApprovalRequested> {

    private final ReviewSettings settings;
    private FixedKeyProcessorContext<String, ApprovalRequested> context;
    private KeyValueStore<String, ParkedTicket> parked;

    public ParkProcessor(ReviewSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ApprovalRequested> context) {
        this.context = context;
        this.parked = context.getStateStore(ParkedTickets.STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, RoutedTicket> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        ParkedTicket ticket = new ParkedTicket(
                record.value().ticket(),
                UUID.randomUUID().toString(),
                record.value().reasons(),
                now,
                now.plus(settings.approvalTtl()));
        parked.put(record.key(), ticket);
        context.forward(record.withValue(ticket.approvalRequest()));
    }
}
