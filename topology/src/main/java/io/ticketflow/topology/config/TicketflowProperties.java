package io.ticketflow.topology.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * All settings of the topology, bound from {@code ticketflow.*}. Any part left out takes its documented defaults, so
 * {@code new TicketflowProperties(null, null, null, null, null, null, null)} is the default configuration.
 *
 * @param kafka how to reach Kafka and run Kafka Streams ({@code ticketflow.kafka.*})
 * @param topics topic names and creation ({@code ticketflow.topics.*})
 * @param ingest validation and size limits of upstream tickets ({@code ticketflow.ingest.*})
 * @param async bounds of the stages that call models ({@code ticketflow.async.*})
 * @param model which models the stages call ({@code ticketflow.model.*})
 * @param review which tickets go to a human reviewer ({@code ticketflow.review.*})
 * @param dedup duplicate detection ({@code ticketflow.dedup.*})
 */
@ConfigurationProperties("ticketflow")
public record TicketflowProperties(
        KafkaSettings kafka,
        TopicSettings topics,
        IngestSettings ingest,
        AsyncSettings async,
        ModelSettings model,
        ReviewSettings review,
        DedupSettings dedup) {

    public TicketflowProperties {
        kafka = kafka == null ? new KafkaSettings(null, null, null, null, null, null, null, null) : kafka;
        topics = topics == null ? new TopicSettings(null, null, null, null) : topics;
        ingest = ingest == null ? new IngestSettings(null, null, null) : ingest;
        async = async == null ? new AsyncSettings(null, null, null) : async;
        model = model == null ? ModelSettings.defaults() : model;
        review = review == null ? ReviewSettings.defaults() : review;
        dedup = dedup == null ? DedupSettings.defaults() : dedup;
    }

    /** The default configuration. */
    public static TicketflowProperties defaults() {
        return new TicketflowProperties(null, null, null, null, null, null, null);
    }
}
