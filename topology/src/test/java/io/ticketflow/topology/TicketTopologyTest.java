package io.ticketflow.topology;

import static io.ticketflow.topology.Tickets.bytes;
import static io.ticketflow.topology.Tickets.json;
import static io.ticketflow.topology.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.schemas.Priority;
import io.ticketflow.schemas.ReviewReason;
import io.ticketflow.schemas.StageRecord;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.topology.ai.ModelFailures;
import io.ticketflow.topology.config.IngestSettings;
import io.ticketflow.topology.config.TicketflowProperties;
import io.ticketflow.topology.config.TopicSettings;
import io.ticketflow.topology.deadletter.DeadLetterHeaders;
import io.ticketflow.topology.ingest.TicketNormaliser;
import io.ticketflow.topology.review.ParkedTicket;
import io.ticketflow.topology.review.ParkedTickets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TicketTopologyTest {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    private final TicketflowProperties settings = new TicketflowProperties(
            null,
            new TopicSettings("test.", null, null, null),
            new IngestSettings(2048, 40, 100),
            null,
            null,
            null,
            null);
    private final FixedModels models = new FixedModels();

    private PipelineDriver pipeline;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> ingested;
    private TestOutputTopic<String, TicketEnriched> enriched;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void startDriver() {
        pipeline = new PipelineDriver(settings, models.enrichment(), START);
        driver = pipeline.driver;
        ingested = pipeline.ingested;
        enriched = pipeline.enriched;
        deadLetters = pipeline.deadLetters;
    }

    @AfterEach
    void closeDriver() {
        pipeline.close();
    }

    @Test
    void shouldEnrichValidTicketThroughEveryStageWithItsAuditTrail() {
        driver.advanceWallClockTime(Duration.ofSeconds(5));

        ingested.pipeInput("T-1", bytes(ticket("T-1", "  VPN drops  ", "\u0007It drops.\n")));
        drain();

        TestRecord<String, TicketEnriched> out = enriched.readRecord();
        assertThat(out.key()).isEqualTo("T-1");
        TicketEnriched ticket = out.value();
        assertThat(ticket.ticket().title()).isEqualTo("VPN drops");
        assertThat(ticket.ticket().description()).isEqualTo("It drops.");
        assertThat(ticket.triage().priority()).isEqualTo(Priority.P3);
        assertThat(ticket.triage().model()).isEqualTo("fixed-triage");
        assertThat(ticket.audit())
                .extracting(stage -> stage.stage())
                .containsExactly("ingest", "repeat", "embed", "dedup", "triage", "route");
        assertThat(ticket.audit().getFirst().at()).isEqualTo(START.plusSeconds(5));
        assertThat(ticket.audit()).allSatisfy(stage -> assertThat(stage.flags()).isEmpty());
        assertThat(ticket.audit().get(4).details()).containsEntry("outputTokens", "12");
        assertThat(ticket.enrichedAt()).isAfterOrEqualTo(START.plusSeconds(5));
        assertThat(models.embeddedTexts()).containsExactly("VPN drops\n\nIt drops.");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldLetTheTicketGoOnUntriagedAndFlaggedToAReviewerWhenTheTriageModelIsDown() {
        models.takeTriageDown();

        ingested.pipeInput("T-11", bytes(ticket("T-11")));
        drain();

        // Nothing to auto-approve: the ticket waits for a human, flagged by the triage stage.
        assertThat(enriched.isEmpty()).isTrue();
        ParkedTicket parked = driver.<String, ParkedTicket>getKeyValueStore(ParkedTickets.STORE)
                .get("T-11");
        TicketEnriched ticket = parked.ticket();
        assertThat(ticket.triage()).isNull();
        StageRecord triage = ticket.audit().stream()
                .filter(stage -> stage.stage().equals("triage"))
                .findFirst()
                .orElseThrow();
        assertThat(triage.flags()).containsExactly(ModelFailures.AI_UNAVAILABLE);
        assertThat(triage.details()).containsEntry("failure", "UNAVAILABLE: down");
        assertThat(parked.reasons()).containsExactly(ReviewReason.AI_UNAVAILABLE);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepTheOrderOfOneTicketsEvents() {
        // Unrelated to T-12 in meaning too, so that dedup leaves it a new ticket that auto-approves.
        models.embedAs("other", 0.8f, -0.6f);
        ingested.pipeInput("T-12", bytes(ticket("T-12", "first", "one")));
        ingested.pipeInput("T-12", bytes(ticket("T-12", "second", "two")));
        ingested.pipeInput("T-13", bytes(ticket("T-13", "other", "three")));
        drain();

        assertThat(enriched.readValuesToList())
                .extracting(ticket -> ticket.ticket().title())
                .containsSubsequence("first", "second")
                .contains("other");
    }

    @Test
    void shouldTruncateOverlongDescriptionAndFlagItInTheAuditTrail() {
        ingested.pipeInput("T-2", bytes(ticket("T-2", "Disk full", "x".repeat(150))));
        drain();

        TicketEnriched ticket = enriched.readValue();
        assertThat(ticket.ticket().description()).hasSize(100);
        assertThat(ticket.audit().getFirst().flags()).containsExactly(TicketNormaliser.DESCRIPTION_TRUNCATED);
        assertThat(ticket.audit().getFirst().details()).containsEntry("originalDescriptionLength", "150");
    }

    @Test
    void shouldDeadLetterInvalidJsonWithItsOriginalBytesAndGoOnWithTheNextRecord() {
        byte[] garbage = json("{\"id\": \"T-3\", \"title\": ");

        ingested.pipeInput("T-3", garbage);
        ingested.pipeInput("T-4", bytes(ticket("T-4")));
        drain();

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(dead.key()).isEqualTo("T-3".getBytes(StandardCharsets.UTF_8));
        assertThat(header(dead.headers(), DeadLetterHeaders.REASON)).isEqualTo("UNREADABLE_JSON");
        assertThat(header(dead.headers(), DeadLetterHeaders.STAGE)).isEqualTo("ingest");
        assertThat(header(dead.headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("test.tickets.ingested");
        assertThat(header(dead.headers(), DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(dead.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(dead.headers(), DeadLetterHeaders.EXCEPTION)).endsWith("RejectedTicketException");
        assertThat(enriched.readValuesToList())
                .extracting(ticket -> ticket.ticket().id())
                .containsExactly("T-4");
    }

    @Test
    void shouldDeadLetterSchemaViolationNamingTheField() {
        ingested.pipeInput("T-5", json("""
                {"schemaVersion":1,"id":"T-5","tenant":"acme","source":"webform","description":"no title",
                 "reporter":{"id":"u-1"},"createdAt":"2026-11-20T08:15:30Z"}"""));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(header(dead.headers(), DeadLetterHeaders.REASON)).isEqualTo("SCHEMA_VIOLATION");
        assertThat(header(dead.headers(), DeadLetterHeaders.DETAIL)).contains("title");
        drain();
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterOversizedRecordWithoutReadingIt() {
        byte[] huge = bytes(ticket("T-6", "Big", "y".repeat(4000)));

        ingested.pipeInput("T-6", huge);

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).isEqualTo(huge);
        assertThat(header(dead.headers(), DeadLetterHeaders.REASON)).isEqualTo("OVERSIZED_RECORD");
        drain();
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterOverlongTitle() {
        ingested.pipeInput("T-7", bytes(ticket("T-7", "t".repeat(41), "body")));

        assertThat(header(deadLetters.readRecord().headers(), DeadLetterHeaders.REASON))
                .isEqualTo("TITLE_TOO_LONG");
    }

    @Test
    void shouldDeadLetterRecordsNotKeyedByTicketId() {
        ingested.pipeInput("someone-else", bytes(ticket("T-8")));
        ingested.pipeInput((String) null, bytes(ticket("T-9")));

        List<String> reasons = deadLetters.readRecordsToList().stream()
                .map(dead -> header(dead.headers(), DeadLetterHeaders.REASON))
                .toList();
        assertThat(reasons).containsExactly("KEY_MISMATCH", "MISSING_KEY");
        drain();
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepUpstreamHeadersOnDeadLetters() {
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders()
                .add("correlation-id", "c-42".getBytes(StandardCharsets.UTF_8));
        ingested.pipeInput(new TestRecord<>("T-10", json("not json"), headers, START));

        assertThat(header(deadLetters.readRecord().headers(), "correlation-id")).isEqualTo("c-42");
    }

    @Test
    void shouldRunEmbedDedupAndTriageInOneTask() {
        Topology topology = TicketTopology.build(settings, models.enrichment(), new SimpleMeterRegistry());

        // A full async stage sets its thread's pace; a stage reading another's outcomes through a topic gets only its
        // share of that pace and falls behind (AsyncProcessor, "Placement").
        assertThat(subtopologyOf(topology, "embed")).contains("dedup", "triage", "dedup-remember-triage");
    }

    private static Set<String> subtopologyOf(Topology topology, String processor) {
        return topology.describe().subtopologies().stream()
                .map(sub ->
                        sub.nodes().stream().map(TopologyDescription.Node::name).collect(Collectors.toSet()))
                .filter(names -> names.contains(processor))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void shouldNameEveryProcessorAfterItsStage() {
        Topology topology = TicketTopology.build(settings, models.enrichment(), new SimpleMeterRegistry());

        String description = topology.describe().toString();

        // Generated names (KSTREAM-...) would change whenever the topology changes, renaming internal topics.
        assertThat(description)
                .doesNotContain("KSTREAM-")
                .contains(
                        "ingest",
                        "embed",
                        "dedup",
                        "triage",
                        "publish",
                        "embed-inflight",
                        "triage-inflight",
                        "dedup-tickets",
                        "dedup-by-scope",
                        "triaged-by-ticket",
                        "repeat",
                        "repeat-results",
                        "repeat-by-content",
                        "repeat-by-ticket",
                        "repeat-results-by-content")
                .contains("route", "auto-approve", "park", "review-parked", "approvals-requested")
                .contains("approvals-decided", "apply-decision");
    }

    private void drain() {
        pipeline.drain();
    }

    private static String header(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
