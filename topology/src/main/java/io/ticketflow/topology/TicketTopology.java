package io.ticketflow.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.schemas.ApprovalDecided;
import io.ticketflow.schemas.ApprovalRequested;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.topic.Topic;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.topology.async.AsyncProcessorSupplier;
import io.ticketflow.topology.config.StreamsProperties;
import io.ticketflow.topology.config.TicketflowProperties;
import io.ticketflow.topology.dedup.DedupProcessor;
import io.ticketflow.topology.dedup.DedupStore;
import io.ticketflow.topology.dedup.RememberTriageProcessor;
import io.ticketflow.topology.embed.EmbedCall;
import io.ticketflow.topology.embed.EmbeddedTicket;
import io.ticketflow.topology.ingest.IngestProcessor;
import io.ticketflow.topology.publish.PublishProcessor;
import io.ticketflow.topology.repeat.ContentKey;
import io.ticketflow.topology.repeat.RememberResultProcessor;
import io.ticketflow.topology.repeat.RepeatProcessor;
import io.ticketflow.topology.repeat.RepeatStore;
import io.ticketflow.topology.review.ApplyDecisionProcessor;
import io.ticketflow.topology.review.ParkProcessor;
import io.ticketflow.topology.review.ParkedTickets;
import io.ticketflow.topology.routing.ReviewPolicy;
import io.ticketflow.topology.routing.RouteProcessor;
import io.ticketflow.topology.routing.RoutedTicket;
import io.ticketflow.topology.triage.TriageCall;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The ticketflow topology, wired as the diagram in {@code ARCHITECTURE.md} draws it:
 *
 * <pre>
 * tickets.ingested ─► ingest ──invalid──► tickets.dlq (by the processing exception handler)
 *                       │
 *          ── repartition by content key (tenant + text hash): repeat-by-content ──
 *                       ▼
 *                     repeat   seen before with a result? ──yes (no model call): repeat-by-ticket ─────────┐
 *                       │      (store repeat-results) ◄── repeat-results-by-content ◄── leaving ──┐        │
 *          ── repartition by dedup scope (tenant): dedup-by-scope ──                              │        │
 *                       ▼      (embed, dedup, triage: the scope's task, each handing on within it)│        │
 *                     embed    async embedding call: durable in flight, per-ticket order, bounded │        │
 *                       ▼                                                                         │        │
 *                     dedup    single writer of the scope's store (dedup-tickets) and HNSW index  │        │
 *                       │ duplicate, original's triage reused ──────────────┐                     │        │
 *                       ▼                                                   │                     │        │
 *                     triage   async chat-model call ─► remember triage     │                     │        │
 *                       │      (into dedup-tickets, for later duplicates)   │                     │        │
 *                       ▼                                                   ▼                     │        │
 *          ── repartition by ticket id: triaged-by-ticket ◄─────────────────┘                     │        │
 *                       ▼                                                                         │        │
 *                    leaving ◄────────────────────────────────────────────────────────────────────┴────────┘
 *                       │
 *                       ▼
 *                     route    review policy (ticketflow.review.*)
 *                       │ auto-approved          │ needs review
 *                       │                        ▼
 *                       │                      park ─────────► approvals.requested ─► approval service
 *                       │                        │ parked in review-parked (by ticket id)         │
 *                       │                        ▼                                                ▼
 *                       │                 apply-decision ◄──────────────────────────── approvals.decided
 *                       │                        │ (not parked / stale ─► tickets.dlq)
 *                       ▼                        │
 *                    publish ◄───────────────────┘
 *                       │
 *                       ▼
 *                 tickets.enriched
 * </pre>
 *
 * Every processor is named after its stage; the dead-letter path is not drawn as a branch because Kafka Streams'
 * exception handlers write it, in the same transaction as the stage's output.
 */
public final class TicketTopology {

    private TicketTopology() {}

    /** The topology for {@code settings}, calling {@code enrichment}'s models; start-up and tests use it unchanged. */
    public static Topology build(TicketflowProperties settings, Enrichment enrichment, MeterRegistry meters) {
        Topic<String, ?> ingested = settings.topics().resolve(Topics.TICKETS_INGESTED);
        Topic<String, TicketEnriched> enriched = settings.topics().resolve(Topics.TICKETS_ENRICHED);
        StreamsBuilder builder =
                new StreamsBuilder(new TopologyConfig(new StreamsConfig(StreamsProperties.of(settings))));

        builder.addStateStore(RepeatStore.builder());
        builder.addStateStore(DedupStore.builder());

        KStream<String, TicketEnriched> valid = builder
                // Raw bytes: the ingest stage itself reads and validates them, so a bad record is dead-lettered
                // with the precise reason instead of a generic deserialization error.
                .stream(
                        ingested.name(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("tickets-ingested"))
                .processValues(() -> new IngestProcessor(settings.ingest()), Named.as("ingest"));

        // An exact repeat is answered from the stored result of its content and calls no model.
        var repeats = rekeyed(valid, "repeat-by-content", enriched.valueSerde(), ContentKey::of, t -> t)
                .process(
                        () -> new RepeatProcessor(
                                settings.dedup().retention(), settings.dedup().expiryInterval()),
                        Named.as(RepeatProcessor.STAGE),
                        RepeatStore.NAME)
                .split(Named.as("repeat-"))
                .branch((id, ticket) -> RepeatProcessor.isAnswered(ticket), Branched.as("answered"))
                .defaultBranch(Branched.as("new-content"));
        KStream<String, TicketEnriched> answered = repeats.get("repeat-answered")
                .repartition(Repartitioned.with(Serdes.String(), enriched.valueSerde())
                        .withName("repeat-by-ticket"));

        // Both model calls, and dedup between them, run in the task of the ticket's dedup scope, each stage handing its
        // outcomes straight to the next: a full async stage sets the pace of its stream thread, and a stage reading
        // another's outcomes from a topic would get only its share of that pace (AsyncProcessor, "Placement").
        var decided = rekeyed(
                        repeats.get("repeat-new-content"),
                        "dedup-by-scope",
                        enriched.valueSerde(),
                        TicketIngested::tenant,
                        t -> t)
                .process(
                        new AsyncProcessorSupplier<>(
                                EmbedCall.STAGE,
                                new EmbedCall(enrichment.embedder(), enrichment.redaction()),
                                enriched.valueSerde(),
                                settings.async(),
                                meters),
                        Named.as(EmbedCall.STAGE))
                .process(
                        () -> new DedupProcessor(settings.dedup(), meters),
                        Named.as(DedupProcessor.STAGE),
                        DedupStore.NAME)
                // The embedding stays in dedup's store; triage's in-flight store and the topics after need none.
                .mapValues(EmbeddedTicket::ticket, Named.as("dedup-judged-ticket"))
                // A duplicate that reuses its original's triage skips the triage call.
                .split(Named.as("dedup-"))
                .branch((id, ticket) -> ticket.triage() != null, Branched.as("triage-reused"))
                .defaultBranch(Branched.as("to-triage"));

        KStream<String, TicketEnriched> triaged = decided.get("dedup-to-triage")
                .process(
                        new AsyncProcessorSupplier<>(
                                TriageCall.STAGE,
                                new TriageCall(enrichment.triager(), enrichment.redaction()),
                                enriched.valueSerde(),
                                settings.async(),
                                meters),
                        Named.as(TriageCall.STAGE));
        triaged.process(RememberTriageProcessor::new, Named.as("dedup-remember-triage"), DedupStore.NAME);

        // dedup forwards every ticket keyed by its id: the rest of the pipeline is partitioned by ticket.
        KStream<String, TicketEnriched> leaving = triaged.merge(
                        decided.get("dedup-triage-reused"), Named.as("triage-or-reused"))
                .repartition(Repartitioned.with(Serdes.String(), enriched.valueSerde())
                        .withName("triaged-by-ticket"))
                .merge(answered, Named.as("or-repeat-answered"));
        rekeyed(leaving, "repeat-results-by-content", enriched.valueSerde(), ContentKey::of, t -> t)
                .process(RememberResultProcessor::new, Named.as("repeat-remember-result"), RepeatStore.NAME);

        Map<String, KStream<String, RoutedTicket>> routes = leaving.processValues(
                        () -> new RouteProcessor(new ReviewPolicy(settings.review()), meters),
                        Named.as(RouteProcessor.STAGE))
                .split(Named.as("route-"))
                .branch((id, routed) -> routed.needsReview(), Branched.as("review"))
                .defaultBranch(Branched.as("auto-approved"));

        builder.addStateStore(ParkedTickets.storeBuilder());
        park(routes.get("route-review"), settings);

        routes.get("route-auto-approved")
                .mapValues(RoutedTicket::autoApproved, Named.as("auto-approve"))
                .merge(decisionsApplied(builder, settings, meters), Named.as("reviewed"))
                .processValues(PublishProcessor::new, Named.as("publish"))
                .to(
                        enriched.name(),
                        Produced.with(enriched.keySerde(), enriched.valueSerde())
                                .withName("tickets-enriched"));

        return builder.build();
    }

    /** Parks each ticket that needs review and requests an approval for it. */
    private static void park(KStream<String, RoutedTicket> toReview, TicketflowProperties settings) {
        Topic<String, ApprovalRequested> requested = settings.topics().resolve(Topics.APPROVALS_REQUESTED);
        toReview.processValues(() -> new ParkProcessor(settings.review()), Named.as("park"), ParkedTickets.STORE)
                .to(
                        requested.name(),
                        Produced.with(requested.keySerde(), requested.valueSerde())
                                .withName("approvals-requested"));
    }

    /**
     * Decisions applied to the parked tickets. Co-partitioning: a decision reaches the task that parked its ticket only
     * if {@code approvals.decided} has as many partitions as the tickets' topic; start-up checks it rather than
     * re-partitioning every decision through one more topic.
     */
    private static KStream<String, TicketEnriched> decisionsApplied(
            StreamsBuilder builder, TicketflowProperties settings, MeterRegistry meters) {
        Topic<String, ApprovalDecided> decided = settings.topics().resolve(Topics.APPROVALS_DECIDED);
        return builder.stream(
                        decided.name(),
                        Consumed.with(decided.keySerde(), decided.valueSerde()).withName("approvals-decided"))
                .processValues(
                        () -> new ApplyDecisionProcessor(meters),
                        Named.as(ApplyDecisionProcessor.STAGE),
                        ParkedTickets.STORE);
    }

    /** {@code stream} re-keyed by {@code key} of its ticket, through the repartition topic {@code name}. */
    private static <V> KStream<String, V> rekeyed(
            KStream<String, V> stream,
            String name,
            Serde<V> serde,
            Function<TicketIngested, String> key,
            Function<V, TicketEnriched> ticket) {
        return stream.selectKey((id, value) -> key.apply(ticket.apply(value).ticket()), Named.as(name + "-key"))
                .repartition(Repartitioned.with(Serdes.String(), serde).withName(name));
    }
}
