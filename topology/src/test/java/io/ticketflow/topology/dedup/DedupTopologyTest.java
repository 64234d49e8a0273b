package io.ticketflow.topology.dedup;

import static io.ticketflow.topology.Tickets.bytes;
import static io.ticketflow.topology.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.schemas.ApprovalRequested;
import io.ticketflow.schemas.DuplicateCandidate;
import io.ticketflow.schemas.DuplicateVerdict;
import io.ticketflow.schemas.ReviewReason;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.TriageSource;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.topology.FixedModels;
import io.ticketflow.topology.PipelineDriver;
import io.ticketflow.topology.config.DedupSettings;
import io.ticketflow.topology.config.TicketflowProperties;
import io.ticketflow.topology.config.TopicSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dedup stage inside the whole topology: verdicts, reused triage, candidates, retention. */
class DedupTopologyTest {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final String VPN_TITLE = "VPN drops every few minutes";
    private static final String VPN_TEXT =
            "Since this morning the VPN client disconnects every 5 min on the Berlin office wifi.";

    /**
     * Thresholds the fixed test embeddings straddle (a ticket identical by embedding to the only similar earlier one
     * stands out by 0.8–0.9 from its neighbourhood; with no word in common it cannot be more than a possible
     * duplicate). The calibrated defaults are measured by {@code benchmarks/run dedup-eval} on real reports; these
     * tests check the verdicts' wiring, not the calibration.
     */
    private static final DedupSettings THRESHOLDS = new DedupSettings(0.62, 0.45, 0.5, null, null, null, null, null);

    private final TicketflowProperties settings = new TicketflowProperties(
            null, new TopicSettings("test.", null, null, null), null, null, null, null, THRESHOLDS);
    private final FixedModels models = new FixedModels();

    private PipelineDriver pipeline;
    private TopologyTestDriver driver;
    private TestOutputTopic<String, TicketEnriched> enriched;
    private TestOutputTopic<String, ApprovalRequested> requested;

    @BeforeEach
    void startDriver() {
        pipeline = new PipelineDriver(settings, models.enrichment(), START);
        driver = pipeline.driver;
        enriched = pipeline.enriched;
        requested = driver.createOutputTopic(
                "test.approvals.requested",
                new StringDeserializer(),
                Topics.APPROVALS_REQUESTED.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        pipeline.close();
    }

    @Test
    void shouldMarkNearDuplicateAndReuseTheOriginalsTriageWithoutCallingTheTriageModel() {
        send(ticket("T-1", VPN_TITLE, VPN_TEXT));
        TicketEnriched original = enriched.readValue();

        send(ticket(
                "T-2",
                "VPN drops every few minutes again",
                "Since this morning the VPN client disconnects every 5 min."));
        TicketEnriched duplicate = enriched.readValue();

        assertThat(original.duplicate()).isNull();
        assertThat(duplicate.duplicate().verdict()).isEqualTo(DuplicateVerdict.DUPLICATE);
        assertThat(duplicate.duplicate().duplicateOf()).isEqualTo("T-1");
        assertThat(duplicate.duplicate().similarity())
                .isGreaterThanOrEqualTo(settings.dedup().duplicateThreshold());
        assertThat(duplicate.triage().source()).isEqualTo(TriageSource.REUSED_FROM_DUPLICATE);
        assertThat(duplicate.triage().category()).isEqualTo(original.triage().category());
        assertThat(duplicate.triage().usage().inputTokens()).isZero();
        assertThat(duplicate.audit())
                .extracting(stage -> stage.stage())
                .containsExactly("ingest", "repeat", "embed", "dedup", "route");
        assertThat(models.triageRequests())
                .extracting(request -> request.ticket().id())
                .containsExactly("T-1");
    }

    @Test
    void shouldTriagePossibleDuplicateAndParkItForReviewWithItsBestCandidates() {
        // Close to the default vector but not equal, so that T-1 ranks first (equal scores would rank T-2, the newer).
        models.embedAs("Printer", 0.8f, 0.6f);
        send(ticket("T-1", VPN_TITLE, VPN_TEXT));
        send(ticket("T-2", "Printer on floor 3 jams", "Paper gets stuck in tray two"));
        // Same vector as T-1 (the default), but no word in common: semantic evidence alone, left to a human.
        send(ticket("T-3", "Remote tunnel keeps breaking", "Laptop loses corporate access repeatedly"));

        // The routing policy sends a possible duplicate to a reviewer, with the candidates riding along.
        ApprovalRequested approval = requested.readValuesToList().stream()
                .filter(request -> request.ticketId().equals("T-3"))
                .findFirst()
                .orElseThrow();
        assertThat(approval.reasons()).contains(ReviewReason.POSSIBLE_DUPLICATE);
        assertThat(approval.duplicate().verdict()).isEqualTo(DuplicateVerdict.POSSIBLE_DUPLICATE);
        assertThat(approval.duplicate().candidates())
                .extracting(DuplicateCandidate::ticketId)
                .containsExactly("T-1", "T-2");
        assertThat(approval.duplicate().candidates().getFirst().title()).isEqualTo(VPN_TITLE);
        assertThat(approval.suggestion().source()).isEqualTo(TriageSource.MODEL);
        assertThat(models.triageRequests())
                .extracting(request -> request.ticket().id())
                .contains("T-3");
    }

    @Test
    void shouldTreatTicketsOfOtherTenantsAsNewAndAnUpdateAsNoDuplicateOfItself() {
        send(ticket("T-1", VPN_TITLE, VPN_TEXT));
        send(inTenant("globex", ticket("G-1", VPN_TITLE, VPN_TEXT)));
        send(ticket("T-1", VPN_TITLE, VPN_TEXT + " Now also at home."));

        List<TicketEnriched> out = enriched.readValuesToList();

        assertThat(out)
                .hasSize(3)
                .allSatisfy(ticket -> assertThat(ticket.duplicate()).isNull());
    }

    @Test
    void shouldForgetTicketsOlderThanTheRetention() {
        send(ticket("T-1", VPN_TITLE, VPN_TEXT));
        KeyValueStore<String, StoredTicket> store = driver.getKeyValueStore(DedupStore.NAME);
        assertThat(store.get("T-1")).isNotNull();
        assertThat(store.get("T-1").triage())
                .as("triage fed back into the store")
                .isNotNull();

        // T-1 was created on 2026-11-20; 30 days of retention end on 2026-12-20 (the driver starts on 2026-11-23).
        driver.advanceWallClockTime(Duration.ofDays(26));
        assertThat(store.get("T-1")).isNotNull();
        driver.advanceWallClockTime(Duration.ofDays(2));
        assertThat(store.get("T-1")).isNull();

        // Not the exact text, which the repeat stage would recognise: a near-duplicate, had T-1 still been there.
        send(ticket("T-2", VPN_TITLE, VPN_TEXT + " Still."));
        assertThat(enriched.readValuesToList().getLast().duplicate()).isNull();
    }

    @Test
    void shouldSaveTheIndexEverySnapshotIntervalBesideTheTaskFolders() throws IOException {
        send(ticket("T-1", VPN_TITLE, VPN_TEXT));
        StoredTicket stored =
                driver.<String, StoredTicket>getKeyValueStore(DedupStore.NAME).get("T-1");
        assertThat(snapshots()).as("no snapshot before the interval has passed").isEmpty();

        driver.advanceWallClockTime(settings.dedup().snapshotInterval());

        // Written on a background thread, while the stream thread goes on.
        await().atMost(Duration.ofSeconds(30)).until(() -> snapshots().size() == 1);
        Path file = snapshots().getFirst();
        assertThat(file.getParent().getFileName()).hasToString(IndexSnapshot.DIRECTORY);
        Map<String, VectorIndex> restored =
                new IndexSnapshot(file).read(Map.of(stored.scope(), Map.of(stored.id(), stored)));
        assertThat(restored.get(stored.scope()).contains("T-1")).isTrue();
    }

    private List<Path> snapshots() throws IOException {
        try (Stream<Path> files = Files.walk(pipeline.stateDir())) {
            return files.filter(path -> path.toString().endsWith(".snapshot")).toList();
        }
    }

    private void send(TicketIngested ticket) {
        pipeline.ingested.pipeInput(ticket.id(), bytes(ticket));
        pipeline.drain();
    }

    private static TicketIngested inTenant(String tenant, TicketIngested ticket) {
        return new TicketIngested(
                ticket.schemaVersion(),
                ticket.id(),
                tenant,
                ticket.source(),
                ticket.title(),
                ticket.description(),
                ticket.reporter(),
                ticket.createdAt(),
                ticket.attributes());
    }
}
