package io.ticketflow.approvals.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.approvals.ApprovalTopology;
import io.ticketflow.approvals.MutableClock;
import io.ticketflow.approvals.config.ApprovalServiceProperties;
import io.ticketflow.schemas.ApprovalDecided;
import io.ticketflow.schemas.ApprovalRequested;
import io.ticketflow.schemas.Decision;
import io.ticketflow.schemas.ExpiryOutcome;
import io.ticketflow.schemas.Priority;
import io.ticketflow.schemas.TriageEdits;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.testkit.ApprovalRequests;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger's rules on the topology, without a broker: which command applies, which is refused, and expiry. */
class LedgerRulesTest {

    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private TopologyTestDriver driver;
    private TestInputTopic<String, ApprovalRequested> requested;
    private TestInputTopic<String, DecisionCommand> commands;
    private TestOutputTopic<String, ApprovalDecided> decided;
    private TestOutputTopic<String, LedgerEvent> events;
    private int commandCount;

    @TempDir
    Path stateDir;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ledger-rules");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // Not the default directory, which every test JVM on the machine shares (RocksDB locks).
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(
                ApprovalTopology.build(new ApprovalServiceProperties(null, null, null, null, null), clock), props);
        requested = driver.createInputTopic(
                Topics.APPROVALS_REQUESTED.name(),
                Topics.APPROVALS_REQUESTED.keySerde().serializer(),
                Topics.APPROVALS_REQUESTED.valueSerde().serializer());
        commands = driver.createInputTopic(
                LedgerTopics.APPROVALS_COMMANDS.name(),
                LedgerTopics.APPROVALS_COMMANDS.keySerde().serializer(),
                LedgerTopics.APPROVALS_COMMANDS.valueSerde().serializer());
        decided = driver.createOutputTopic(
                Topics.APPROVALS_DECIDED.name(),
                Topics.APPROVALS_DECIDED.keySerde().deserializer(),
                Topics.APPROVALS_DECIDED.valueSerde().deserializer());
        events = driver.createOutputTopic(
                LedgerTopics.APPROVALS_EVENTS.name(),
                LedgerTopics.APPROVALS_EVENTS.keySerde().deserializer(),
                LedgerTopics.APPROVALS_EVENTS.valueSerde().deserializer());
        request("T1", Duration.ofHours(1));
        assertThat(events.readValue().kind()).isEqualTo(LedgerEvent.Kind.REQUESTED);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void shouldApplyTheFirstValidDecisionAndPublishIt() {
        LedgerEvent answer = decide("T1", Decision.EDIT, new TriageEdits(Priority.P1, null, null), 1, "k1", "alice");

        assertThat(answer.kind()).isEqualTo(LedgerEvent.Kind.DECIDED);
        assertThat(answer.approval().version()).isEqualTo(2);
        ApprovalDecided published = decided.readValue();
        assertThat(published.decision()).isEqualTo(Decision.EDIT);
        assertThat(published.edits().priority()).isEqualTo(Priority.P1);
        assertThat(published.reviewer()).isEqualTo("alice");
        assertThat(published.version()).isEqualTo(2);
    }

    @Test
    void shouldRefuseStaleUnknownAndLaterDecisionsWithoutChangingAnything() {
        assertThat(decide("T1", Decision.APPROVE, null, 7, "k0", "alice").rejection())
                .isEqualTo(Rejection.STALE_VERSION);
        assertThat(decide("NOPE", Decision.APPROVE, null, 1, "k0", "alice").rejection())
                .isEqualTo(Rejection.NOT_FOUND);
        decide("T1", Decision.APPROVE, null, 1, "k1", "alice");
        decided.readValue();

        LedgerEvent second = decide("T1", Decision.REJECT, null, 1, "k2", "bob");

        assertThat(second.rejection()).isEqualTo(Rejection.ALREADY_DECIDED);
        assertThat(second.approval().decision().reviewer()).isEqualTo("alice");
        assertThat(decided.isEmpty()).isTrue();
    }

    @Test
    void shouldAnswerARepeatedIdempotencyKeyWithTheSameResult() {
        LedgerEvent first = decide("T1", Decision.APPROVE, null, 1, "k1", "alice");
        LedgerEvent repeat = decide("T1", Decision.APPROVE, null, 1, "k1", "alice");

        assertThat(repeat.kind()).isEqualTo(LedgerEvent.Kind.REPEATED);
        assertThat(repeat.approval()).isEqualTo(first.approval());
        assertThat(decided.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldRefuseTheAppliedIdempotencyKeyWithAnotherRequest() {
        decide("T1", Decision.APPROVE, null, 1, "k1", "alice");

        assertThat(decide("T1", Decision.REJECT, null, 1, "k1", "alice").rejection())
                .isEqualTo(Rejection.IDEMPOTENCY_KEY_REUSED);
        assertThat(decide("T1", Decision.APPROVE, null, 1, "k1", "bob").rejection())
                .isEqualTo(Rejection.IDEMPOTENCY_KEY_REUSED);
        assertThat(decide("T1", Decision.APPROVE, null, 2, "k1", "alice").rejection())
                .isEqualTo(Rejection.IDEMPOTENCY_KEY_REUSED);
        assertThat(decided.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldExpireOnlyWhenTheClockPassesExpiresAt() {
        request("T2", Duration.ofHours(3));
        events.readValue();

        clock.advance(Duration.ofHours(2));
        driver.advanceWallClockTime(Duration.ofSeconds(2));

        ApprovalDecided expired = decided.readValue();
        assertThat(expired.ticketId()).isEqualTo("T1");
        assertThat(expired.decision()).isEqualTo(Decision.EXPIRED);
        assertThat(expired.reviewer()).isNull();
        assertThat(expired.expiryOutcome()).isEqualTo(ExpiryOutcome.APPLY_SUGGESTION);
        assertThat(decided.isEmpty()).isTrue();
        assertThat(events.readValue().approval().decision().expiryOutcome()).isEqualTo(ExpiryOutcome.APPLY_SUGGESTION);
        assertThat(decide("T1", Decision.APPROVE, null, 1, "k1", "alice").rejection())
                .isEqualTo(Rejection.ALREADY_EXPIRED);
    }

    @Test
    void shouldIgnoreARedeliveredRequest() {
        request("T1", Duration.ofHours(1));

        assertThat(events.isEmpty()).isTrue();
    }

    private void request(String ticketId, Duration expiresIn) {
        ApprovalRequested request = ApprovalRequests.request(ticketId, "acme", START, expiresIn);
        requested.pipeInput(ticketId, request);
    }

    private LedgerEvent decide(
            String ticketId, Decision decision, TriageEdits edits, long version, String key, String reviewer) {
        String id = "c" + commandCount++;
        commands.pipeInput(
                ticketId,
                new DecisionCommand(id, ticketId, decision, edits, null, version, key, reviewer, clock.instant()));
        LedgerEvent answer = events.readValue();
        assertThat(answer.commandId()).isEqualTo(id);
        return answer;
    }
}
