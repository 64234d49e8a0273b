package io.ticketflow.approvals;

import io.ticketflow.approvals.config.ApprovalServiceProperties;
import io.ticketflow.approvals.config.TopicSettings;
import io.ticketflow.approvals.ledger.LedgerTopics;
import io.ticketflow.approvals.ledger.LedgerTopology;
import io.ticketflow.approvals.status.TicketStage;
import io.ticketflow.approvals.status.TicketStatusProcessor;
import io.ticketflow.schemas.topic.Topic;
import io.ticketflow.schemas.topic.Topics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;

/**
 * The approval service's Kafka Streams topology:
 *
 * <pre>
 * approvals.requested ─┬─► [ledger: open approval] ──► approvals.decided, approvals.events
 * approvals.commands ──┼─► [ledger: apply decision, expire] ─┘ (and status DECIDED)
 *                      └─► [status] ◄── tickets.ingested, tickets.enriched, tickets.dlq
 * </pre>
 */
public final class ApprovalTopology {

    private static final String REQUESTED_SOURCE = "approvals-requested-source";

    private ApprovalTopology() {}

    /** The topology for {@code settings}, reading "now" from {@code clock}. */
    public static Topology build(ApprovalServiceProperties settings, Clock clock) {
        TopicSettings topics = settings.topics();
        Topology topology = new Topology();
        Topic<String, ?> requested = topics.resolve(Topics.APPROVALS_REQUESTED);
        topology.addSource(
                REQUESTED_SOURCE,
                requested.keySerde().deserializer(),
                Topics.APPROVALS_REQUESTED.valueSerde().deserializer(),
                requested.name());
        LedgerTopology.addTo(
                topology,
                REQUESTED_SOURCE,
                topics.resolve(LedgerTopics.APPROVALS_COMMANDS),
                topics.resolve(Topics.APPROVALS_DECIDED),
                topics.resolve(LedgerTopics.APPROVALS_EVENTS),
                settings.approvals(),
                clock);
        addStatus(topology, topics);
        return topology;
    }

    private static void addStatus(Topology topology, TopicSettings topics) {
        topology.addProcessor(
                "status-awaiting-review",
                () -> new TicketStatusProcessor(TicketStage.AWAITING_REVIEW),
                REQUESTED_SOURCE);
        statusFrom(topology, topics.resolve(Topics.TICKETS_INGESTED), TicketStage.IN_FLIGHT);
        statusFrom(topology, topics.resolve(Topics.TICKETS_ENRICHED), TicketStage.ENRICHED);
        statusFrom(topology, topics.resolve(Topics.TICKETS_DLQ), TicketStage.DEAD_LETTERED);
        List<String> writers = new ArrayList<>(List.of(
                "status-awaiting-review",
                "status-" + slug(TicketStage.IN_FLIGHT),
                "status-" + slug(TicketStage.ENRICHED),
                "status-" + slug(TicketStage.DEAD_LETTERED)));
        // The ledger moves a ticket to DECIDED itself, in the transaction that decides it.
        writers.addAll(LedgerTopology.PROCESSORS);
        topology.addStateStore(TicketStatusProcessor.store(), writers.toArray(String[]::new));
    }

    /** Values are read as bytes and ignored: only the key (the ticket id) and the topic matter. */
    private static void statusFrom(Topology topology, Topic<?, ?> topic, TicketStage stage) {
        String name = slug(stage);
        topology.addSource(
                name + "-source",
                Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(),
                topic.name());
        topology.addProcessor("status-" + name, () -> new TicketStatusProcessor(stage), name + "-source");
    }

    private static String slug(TicketStage stage) {
        return stage.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
