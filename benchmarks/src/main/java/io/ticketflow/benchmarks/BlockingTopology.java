package io.ticketflow.benchmarks;

import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.topic.Topic;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.topology.Enrichment;
import io.ticketflow.topology.config.StreamsProperties;
import io.ticketflow.topology.config.TicketflowProperties;
import io.ticketflow.topology.embed.EmbedCall;
import io.ticketflow.topology.embed.EmbeddedTicket;
import io.ticketflow.topology.ingest.IngestProcessor;
import io.ticketflow.topology.publish.PublishProcessor;
import io.ticketflow.topology.triage.TriageCall;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The naive variant of the ticketflow topology that {@code quota} compares with: the same stages as
 * {@link io.ticketflow.topology.TicketTopology} (ingest, embed, triage, publish) with the same calls, but each model
 * call waits on the stream thread ({@link BlockingCallProcessor}) instead of running in the {@code async} stage.
 */
final class BlockingTopology {

    private BlockingTopology() {}

    /** The naive topology: reads the configured {@code tickets.ingested}, writes to {@code outputTopic}. */
    static Topology build(TicketflowProperties settings, Enrichment enrichment, String outputTopic) {
        Topic<String, ?> ingested = settings.topics().resolve(Topics.TICKETS_INGESTED);
        Topic<String, TicketEnriched> enriched = settings.topics().resolve(Topics.TICKETS_ENRICHED);
        StreamsBuilder builder =
                new StreamsBuilder(new TopologyConfig(new StreamsConfig(StreamsProperties.of(settings))));
        builder.stream(
                        ingested.name(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("tickets-ingested"))
                .processValues(() -> new IngestProcessor(settings.ingest()), Named.as("ingest"))
                .processValues(
                        () -> new BlockingCallProcessor<>(new EmbedCall(enrichment.embedder(), enrichment.redaction())),
                        Named.as(EmbedCall.STAGE))
                .mapValues(EmbeddedTicket::ticket, Named.as("embedded-ticket"))
                .processValues(
                        () -> new BlockingCallProcessor<>(new TriageCall(enrichment.triager(), enrichment.redaction())),
                        Named.as(TriageCall.STAGE))
                .processValues(PublishProcessor::new, Named.as("publish"))
                .to(
                        outputTopic,
                        Produced.with(enriched.keySerde(), enriched.valueSerde())
                                .withName("tickets-enriched"));
        return builder.build();
    }
}
