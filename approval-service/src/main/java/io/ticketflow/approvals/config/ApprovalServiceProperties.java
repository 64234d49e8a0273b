package io.ticketflow.approvals.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * All settings of the approval service, bound from {@code ticketflow.*}. Any part left out takes its documented
 * defaults.
 *
 * @param kafka how to reach Kafka and run the ledger's Kafka Streams application ({@code ticketflow.kafka.*})
 * @param topics topic names and creation ({@code ticketflow.topics.*})
 * @param approvals decision waits, expiry and paging ({@code ticketflow.approvals.*})
 * @param dev the development token issuer ({@code ticketflow.dev.*}); off by default
 * @param routing how instances reach each other for reads ({@code ticketflow.routing.*})
 */
@ConfigurationProperties("ticketflow")
public record ApprovalServiceProperties(
        KafkaSettings kafka,
        TopicSettings topics,
        ApprovalSettings approvals,
        DevIssuerSettings dev,
        RoutingSettings routing) {

    public ApprovalServiceProperties {
        kafka = kafka == null ? new KafkaSettings(null, null, null, null, null, null) : kafka;
        topics = topics == null ? new TopicSettings(null, null, null) : topics;
        approvals = approvals == null ? new ApprovalSettings(null, null, null, null, null) : approvals;
        dev = dev == null ? new DevIssuerSettings(null, null, null) : dev;
        routing = routing == null ? new RoutingSettings(null, null) : routing;
    }
}
