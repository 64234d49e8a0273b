package io.ticketflow.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.serde.JsonSerde;
import io.ticketflow.schemas.topic.Topic;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.topology.async.AsyncProcessorSupplier;
import io.ticketflow.topology.config.StreamsProperties;
import io.ticketflow.topology.config.TicketflowProperties;
import io.ticketflow.topology.embed.EmbedCall;
import io.ticketflow.topology.embed.EmbeddedTicket;
import io.ticketflow.topology.ingest.IngestProcessor;
import io.ticketflow.topology.publish.PublishProcessor;
import io.ticketflow.topology.triage.TriageCall;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The ticketflow topology, wired as the diagram in {@code ARCHITECTURE.md} draws it:
 *
 * <pre>
 * tickets.ingested ─► ingest ──invalid──► tickets.dlq (by the processing exception handler)
 *                       │
 *                       ▼
 *                     embed    async embedding call: durable in flight, per-key order, bounded
 *                       │
 *                       ▼
 *                     triage   async chat-model call
 *                       │
 *                       ▼
 *                    publish ─► tickets.enriched
 * </pre>
 *
 * Every processor is named after its stage; the dead-letter path is not drawn as a branch because Kafka Streams'
 * exception handlers write it, in the same transaction as the stage's output.
 */
public final class TicketTopology {

    private static final Serde<EmbeddedTicket> EMBEDDED_TICKETS = JsonSerde.of(EmbeddedTicket.class);

    private TicketTopology() {}

    /** The topology for {@code settings}, calling {@code enrichment}'s models; start-up and tests use it unchanged. */
    public static Topology build(TicketflowProperties settings, Enrichment enrichment, MeterRegistry meters) {
        Topic<String, ?> ingested = settings.topics().resolve(Topics.TICKETS_INGESTED);
        Topic<String, TicketEnriched> enriched = settings.topics().resolve(Topics.TICKETS_ENRICHED);
        StreamsBuilder builder =
                new StreamsBuilder(new TopologyConfig(new StreamsConfig(StreamsProperties.of(settings))));

        builder
                // Raw bytes: the ingest stage itself reads and validates them, so a bad record is dead-lettered
                // with the precise reason instead of a generic deserialization error.
                .stream(
                        ingested.name(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("tickets-ingested"))
                .processValues(() -> new IngestProcessor(settings.ingest()), Named.as("ingest"))
                .process(
                        new AsyncProcessorSupplier<>(
                                EmbedCall.STAGE,
                                new EmbedCall(enrichment.embedder(), enrichment.redaction()),
                                enriched.valueSerde(),
                                settings.async(),
                                meters),
                        Named.as(EmbedCall.STAGE))
                .process(
                        new AsyncProcessorSupplier<>(
                                TriageCall.STAGE,
                                new TriageCall(enrichment.triager(), enrichment.redaction()),
                                EMBEDDED_TICKETS,
                                settings.async(),
                                meters),
                        Named.as(TriageCall.STAGE))
                .processValues(PublishProcessor::new, Named.as("publish"))
                .to(
                        enriched.name(),
                        Produced.with(enriched.keySerde(), enriched.valueSerde())
                                .withName("tickets-enriched"));

        return builder.build();
    }
}
