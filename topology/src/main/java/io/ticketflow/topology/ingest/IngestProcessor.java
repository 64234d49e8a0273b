package io.ticketflow.topology.ingest;

import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.topology.config.IngestSettings;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The ingest stage: validates an upstream record, normalises the ticket and starts its journey through the pipeline.
 *
 * <p>A record that cannot be processed raises {@link RejectedTicketException}; the topology's processing exception
 * handler dead-letters it with its original bytes and the reason, and processing continues with the next record.
 *
 * <p>Upstream must key each record by its ticket id: Kafka keeps order only within a partition, and every later
 * stage keeps per-ticket order by key. A missing or different key is therefore rejected, not silently re-keyed.
 */
public final class IngestProcessor implements FixedKeyProcessor<String, byte[], TicketEnriched> {

    private final TicketParser parser;
    private final TicketNormaliser normaliser;
    private FixedKeyProcessorContext<String, TicketEnriched> context;

    public IngestProcessor(IngestSettings settings) {
        this.parser = new TicketParser(settings.maxRecordBytes());
        this.normaliser = new TicketNormaliser(settings);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, TicketEnriched> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        TicketIngested ticket = parser.parse(record.value());
        requireKeyedById(record.key(), ticket);
        TicketNormaliser.Normalised normalised =
                normaliser.normalise(ticket, Instant.ofEpochMilli(context.currentSystemTimeMs()));
        context.forward(record.withValue(TicketEnriched.entering(normalised.ticket(), normalised.stage())));
    }

    private static void requireKeyedById(String key, TicketIngested ticket) {
        if (key == null) {
            throw new RejectedTicketException(
                    RejectionReason.MISSING_KEY,
                    "the record has no key; key it by the ticket id '" + ticket.id() + "'");
        }
        if (!key.equals(ticket.id())) {
            throw new RejectedTicketException(
                    RejectionReason.KEY_MISMATCH,
                    "the record's key '" + key + "' differs from the ticket id '" + ticket.id() + "'");
        }
    }
}
