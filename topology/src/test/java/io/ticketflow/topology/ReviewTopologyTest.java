package io.ticketflow.topology;

import static io.ticketflow.topology.Tickets.bytes;
import static io.ticketflow.topology.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.schemas.ApprovalDecided;
import io.ticketflow.schemas.ApprovalRequested;
import io.ticketflow.schemas.Decision;
import io.ticketflow.schemas.ExpiryOutcome;
import io.ticketflow.schemas.Priority;
import io.ticketflow.schemas.ReviewOutcome;
import io.ticketflow.schemas.ReviewReason;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.TriageEdits;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.topology.config.ReviewSettings;
import io.ticketflow.topology.config.TicketflowProperties;
import io.ticketflow.topology.config.TopicSettings;
import io.ticketflow.topology.deadletter.DeadLetterHeaders;
import io.ticketflow.topology.review.ParkedTicket;
import io.ticketflow.topology.review.ParkedTickets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Routing, parking and decisions, through the whole topology. */
class ReviewTopologyTest {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration TTL = Duration.ofHours(2);

    private final TicketflowProperties settings = new TicketflowProperties(
            null,
            new TopicSettings("test.", null, null, null),
            null,
            null,
            null,
            new ReviewSettings(null, null, null, null, Set.of("Security"), Set.of("vip"), TTL),
            null);
    private final FixedModels models = new FixedModels();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private PipelineDriver pipeline;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> ingested;
    private TestInputTopic<String, byte[]> decided;
    private TestOutputTopic<String, TicketEnriched> enriched;
    private TestOutputTopic<String, ApprovalRequested> requested;
    private TestOutputTopic<byte[], byte[]> deadLetters;
    private KeyValueStore<String, ParkedTicket> parked;

    @BeforeEach
    void startDriver() {
        pipeline = new PipelineDriver(settings, models.enrichment(), meters, START);
        driver = pipeline.driver;
        ingested = pipeline.ingested;
        decided = driver.createInputTopic(
                "test.approvals.decided", new StringSerializer(), new ByteArraySerializer(), START, Duration.ZERO);
        enriched = pipeline.enriched;
        requested = driver.createOutputTopic(
                "test.approvals.requested",
                new StringDeserializer(),
                Topics.APPROVALS_REQUESTED.valueSerde().deserializer());
        deadLetters = pipeline.deadLetters;
        parked = driver.getKeyValueStore(ParkedTickets.STORE);
    }

    @AfterEach
    void closeDriver() {
        pipeline.close();
    }

    @Test
    void shouldAutoApproveConfidentOrdinaryTicketStraightToEnriched() {
        ingest(ticket("T-1"));

        TicketEnriched ticket = enriched.readValue();
        assertThat(ticket.review().outcome()).isEqualTo(ReviewOutcome.AUTO_APPROVED);
        assertThat(ticket.review().reasons()).isEmpty();
        assertThat(ticket.audit())
                .extracting(stage -> stage.stage())
                .containsExactly("ingest", "repeat", "embed", "dedup", "triage", "route");
        assertThat(requested.isEmpty()).isTrue();
        assertThat(parked.get("T-1")).isNull();
        assertThat(routed("auto_approved")).isEqualTo(1);
        assertThat(routed("review")).isZero();
    }

    @Test
    void shouldParkLowConfidenceTicketAndRequestApprovalInsteadOfEnrichingIt() {
        models.answerWith(Priority.P3, "Network", 0.4);
        driver.advanceWallClockTime(Duration.ofMinutes(5));

        ingest(ticket("T-2"));

        TestRecord<String, ApprovalRequested> request = requested.readRecord();
        assertThat(request.key()).isEqualTo("T-2");
        ApprovalRequested approval = request.value();
        assertThat(approval.ticketId()).isEqualTo("T-2");
        assertThat(approval.tenant()).isEqualTo("acme");
        assertThat(approval.ticket().title()).isEqualTo(ticket("T-2").title());
        assertThat(approval.reasons()).containsExactly(ReviewReason.LOW_CONFIDENCE);
        assertThat(approval.suggestion().confidence()).isEqualTo(0.4);
        assertThat(approval.requestedAt()).isAfterOrEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(approval.expiresAt()).isEqualTo(approval.requestedAt().plus(TTL));
        assertThat(parked.get("T-2").approvalId()).isEqualTo(approval.approvalId());
        assertThat(parked.get("T-2").ticket().audit().getLast().flags()).containsExactly("LOW_CONFIDENCE");
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(routed("review")).isEqualTo(1);
    }

    @Test
    void shouldRouteP1TicketToReview() {
        models.answerWith(Priority.P1, "Network", 0.99);

        ingest(ticket("T-3"));

        assertThat(requested.readValue().reasons()).containsExactly(ReviewReason.HIGH_PRIORITY);
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldRouteConfiguredCategoryToReview() {
        models.answerWith(Priority.P3, "Security", 0.99);

        ingest(ticket("T-4"));

        assertThat(requested.readValue().reasons()).containsExactly(ReviewReason.CATEGORY_RULE);
    }

    @Test
    void shouldRouteConfiguredTenantToReview() {
        TicketIngested acme = ticket("T-5");
        ingest(new TicketIngested(
                acme.schemaVersion(),
                acme.id(),
                "vip",
                acme.source(),
                acme.title(),
                acme.description(),
                acme.reporter(),
                acme.createdAt(),
                acme.attributes()));

        ApprovalRequested approval = requested.readValue();
        assertThat(approval.reasons()).containsExactly(ReviewReason.TENANT_RULE);
        assertThat(approval.tenant()).isEqualTo("vip");
    }

    @Test
    void shouldRouteTicketToReviewWithoutSuggestionWhenTheAiWasUnavailable() {
        models.takeTriageDown();

        ingest(ticket("T-6"));

        ApprovalRequested approval = requested.readValue();
        assertThat(approval.reasons()).containsExactly(ReviewReason.AI_UNAVAILABLE);
        assertThat(approval.suggestion()).isNull();
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldReleaseApprovedTicketOnceWithItsReviewAndForgetIt() {
        models.answerWith(Priority.P1, "Network", 0.95);
        ingest(ticket("T-7"));
        ApprovalRequested approval = requested.readValue();
        driver.advanceWallClockTime(Duration.ofMinutes(30));

        decide(approval, Decision.APPROVE, null);

        TicketEnriched ticket = enriched.readValue();
        assertThat(ticket.triage().priority()).isEqualTo(Priority.P1);
        assertThat(ticket.review().outcome()).isEqualTo(ReviewOutcome.APPROVED);
        assertThat(ticket.review().reviewer()).isEqualTo("rita");
        assertThat(ticket.review().approvalId()).isEqualTo(approval.approvalId());
        assertThat(ticket.review().reasons()).containsExactly(ReviewReason.HIGH_PRIORITY);
        assertThat(ticket.review().decidedAt()).isEqualTo(START.plus(Duration.ofMinutes(20)));
        assertThat(ticket.review().divergedFromAi()).isFalse();
        assertThat(ticket.audit())
                .extracting(stage -> stage.stage())
                .containsExactly("ingest", "repeat", "embed", "dedup", "triage", "route", "review");
        assertThat(ticket.audit().getLast().details())
                .containsEntry("requestedAt", approval.requestedAt().toString());
        assertThat(ticket.enrichedAt()).isAfterOrEqualTo(START.plus(Duration.ofMinutes(30)));
        assertThat(parked.get("T-7")).isNull();
        assertThat(meters.get("ticketflow.review.decisions")
                        .tag("decision", "approve")
                        .counter()
                        .count())
                .isEqualTo(1);

        decide(approval, Decision.APPROVE, null);

        assertThat(enriched.isEmpty()).isTrue();
        assertThat(header(deadLetters.readRecord(), DeadLetterHeaders.REASON)).isEqualTo("NOT_PARKED");
    }

    @Test
    void shouldReleaseRejectedTicketAsRejected() {
        ApprovalRequested approval = parkLowConfidenceTicket("T-8");

        decide(approval, Decision.REJECT, null);

        TicketEnriched ticket = enriched.readValue();
        assertThat(ticket.review().outcome()).isEqualTo(ReviewOutcome.REJECTED);
        assertThat(ticket.review().divergedFromAi()).isTrue();
        assertThat(meters.get("ticketflow.review.divergence")
                        .tag("field", "rejected")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void shouldApplyEditsAndCountTheDivergenceByFieldChanged() {
        ApprovalRequested approval = parkLowConfidenceTicket("T-9");

        decide(approval, Decision.EDIT, new TriageEdits(Priority.P2, "Security", null));

        TicketEnriched ticket = enriched.readValue();
        assertThat(ticket.triage().priority()).isEqualTo(Priority.P2);
        assertThat(ticket.triage().category()).isEqualTo("Security");
        assertThat(ticket.review().outcome()).isEqualTo(ReviewOutcome.EDITED);
        assertThat(ticket.review().edits()).isEqualTo(new TriageEdits(Priority.P2, "Security", null));
        assertThat(ticket.review().divergedFromAi()).isTrue();
        assertThat(ticket.audit().getLast().details()).containsEntry("ai.priority", "P3");
        assertThat(meters.get("ticketflow.review.divergence")
                        .tag("field", "priority")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("ticketflow.review.divergence")
                        .tag("field", "category")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.find("ticketflow.review.divergence")
                        .tag("field", "duplicate")
                        .counter())
                .isNull();
    }

    @Test
    void shouldReleaseExpiredTicketWithTheAiSuggestionMarkedUnreviewed() {
        ApprovalRequested approval = parkLowConfidenceTicket("T-10");

        decide(new ApprovalDecided(
                ApprovalDecided.CURRENT_SCHEMA_VERSION,
                approval.approvalId(),
                "T-10",
                "acme",
                Decision.EXPIRED,
                null,
                null,
                null,
                approval.expiresAt(),
                2,
                ExpiryOutcome.APPLY_SUGGESTION));

        TicketEnriched ticket = enriched.readValue();
        assertThat(ticket.review().outcome()).isEqualTo(ReviewOutcome.EXPIRED);
        assertThat(ticket.review().expiryOutcome()).isEqualTo(ExpiryOutcome.APPLY_SUGGESTION);
        assertThat(ticket.review().reviewer()).isNull();
        assertThat(ticket.triage().confidence()).isEqualTo(0.4);
        assertThat(parked.get("T-10")).isNull();
    }

    @Test
    void shouldDeadLetterDecisionForUnknownTicketWithItsReasonAndOriginalBytes() {
        ApprovalDecided unknown = decision("A-x", "T-404", Decision.APPROVE, null);
        byte[] original = Topics.APPROVALS_DECIDED.valueSerde().serializer().serialize("", unknown);

        decided.pipeInput("T-404", original);

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).isEqualTo(original);
        assertThat(header(dead, DeadLetterHeaders.REASON)).isEqualTo("NOT_PARKED");
        assertThat(header(dead, DeadLetterHeaders.DETAIL)).contains("T-404");
        assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo("apply-decision");
        assertThat(header(dead, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("test.approvals.decided");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterDecisionOnAnApprovalReplacedByParkingTheTicketAgain() {
        ApprovalRequested first = parkLowConfidenceTicket("T-11");
        ingest(ticket("T-11"));
        ApprovalRequested second = requested.readValue();

        decide(first, Decision.APPROVE, null);
        decide(second, Decision.APPROVE, null);

        assertThat(header(deadLetters.readRecord(), DeadLetterHeaders.REASON)).isEqualTo("STALE_APPROVAL");
        assertThat(enriched.readValue().review().approvalId()).isEqualTo(second.approvalId());
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterMiskeyedDecisionAndKeepTheTicketParked() {
        // Unreadable decisions go through the deserialization handler, whose dead letters TopologyTestDriver does not
        // emit: ReviewIT checks those on a real broker.
        ApprovalRequested approval = parkLowConfidenceTicket("T-12");

        decided.pipeInput(
                "T-13",
                Topics.APPROVALS_DECIDED
                        .valueSerde()
                        .serializer()
                        .serialize("", decision(approval.approvalId(), "T-12", Decision.APPROVE, null)));

        assertThat(deadLetters.readRecordsToList())
                .extracting(dead -> header(dead, DeadLetterHeaders.REASON))
                .containsExactly("KEY_MISMATCH");
        assertThat(parked.get("T-12")).isNotNull();
        assertThat(enriched.isEmpty()).isTrue();
    }

    private ApprovalRequested parkLowConfidenceTicket(String id) {
        models.answerWith(Priority.P3, "Network", 0.4);
        ingest(ticket(id));
        return requested.readValue();
    }

    private void ingest(TicketIngested ticket) {
        ingested.pipeInput(ticket.id(), bytes(ticket));
        pipeline.drain();
    }

    private void decide(ApprovalRequested approval, Decision kind, TriageEdits edits) {
        decide(decision(approval.approvalId(), approval.ticketId(), kind, edits));
    }

    private void decide(ApprovalDecided decision) {
        decided.pipeInput(
                decision.ticketId(),
                Topics.APPROVALS_DECIDED.valueSerde().serializer().serialize("", decision));
    }

    private static ApprovalDecided decision(String approvalId, String ticketId, Decision kind, TriageEdits edits) {
        return new ApprovalDecided(
                ApprovalDecided.CURRENT_SCHEMA_VERSION,
                approvalId,
                ticketId,
                "acme",
                kind,
                edits,
                "checked",
                "rita",
                START.plus(Duration.ofMinutes(20)),
                2,
                null);
    }

    private double routed(String route) {
        return meters.get("ticketflow.review.routed")
                .tag("route", route)
                .counter()
                .count();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
