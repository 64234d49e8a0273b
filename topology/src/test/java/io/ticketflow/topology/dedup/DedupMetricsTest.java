package io.ticketflow.topology.dedup;

import static io.ticketflow.topology.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.schemas.DuplicateVerdict;
import io.ticketflow.schemas.StageRecord;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.serde.JsonSerde;
import io.ticketflow.topology.config.DedupSettings;
import io.ticketflow.topology.embed.EmbeddedTicket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dedup stage's metrics, on one {@link DedupProcessor} and its store: verdict counts, the index size per task,
 * and the index rebuild when a task is initialised on a store that already holds tickets (as after a restore).
 */
class DedupMetricsTest {

    private static final String TASK = "0_0";
    private static final float[] VPN = {1f, 0f};
    private static final String VPN_TITLE = "VPN drops every few minutes";
    private static final String VPN_TEXT =
            "Since this morning the VPN client disconnects every 5 min on the Berlin office wifi.";

    /** Identical vectors with no word in common score 0.5 (possible), with most words in common above 0.62. */
    private static final DedupSettings THRESHOLDS = new DedupSettings(0.62, 0.45, 0.5, null, null, null, null, null);

    private final KeyValueStore<String, StoredTicket> store = Stores.keyValueStoreBuilder(
                    Stores.inMemoryKeyValueStore(DedupStore.NAME), Serdes.String(), JsonSerde.of(StoredTicket.class))
            .withLoggingDisabled()
            .build();
    /** Static, so that it exists before each test instance (and its context) is created. */
    @TempDir
    static Path stateDirectory;

    private final MockProcessorContext<String, EmbeddedTicket> context = contextWithStore();
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void shouldCountEachVerdictAndTheTicketsIndexed() {
        DedupProcessor dedup = initialised(meters);

        dedup.process(embedded(ticket("T-1", VPN_TITLE, VPN_TEXT), VPN));
        dedup.process(embedded(ticket("T-2", VPN_TITLE + " again", VPN_TEXT), VPN));
        dedup.process(embedded(ticket("T-3", "Remote tunnel keeps breaking", "Laptop loses corporate access"), VPN));
        dedup.process(embedded(ticket("T-4", "Printer jams", "Tray two"), null));

        assertThat(verdicts())
                .containsExactly(null, DuplicateVerdict.DUPLICATE, DuplicateVerdict.POSSIBLE_DUPLICATE, null);
        assertThat(verdictCount(meters, "new")).isEqualTo(1);
        assertThat(verdictCount(meters, "duplicate")).isEqualTo(1);
        assertThat(verdictCount(meters, "possible_duplicate")).isEqualTo(1);
        assertThat(verdictCount(meters, "unjudged")).isEqualTo(1);
        assertThat(indexSize(meters))
                .as("a ticket without an embedding is not remembered")
                .isEqualTo(3);
    }

    @Test
    void shouldReportTheRebuiltIndexWhenATaskIsInitialisedOnAStoreThatHoldsTickets() {
        DedupProcessor first = initialised(meters);
        first.process(embedded(ticket("T-1", VPN_TITLE, VPN_TEXT), VPN));
        first.process(embedded(ticket("T-2", "Printer jams", "Paper stuck in tray two"), new float[] {0f, 1f}));
        first.close();
        assertThat(meters.find(DedupMetrics.INDEX_SIZE).gauge())
                .as("a closed task no longer reports its index")
                .isNull();

        // The task's next owner finds the store filled (restored from its changelog) and rebuilds the index from it.
        MeterRegistry newOwner = new SimpleMeterRegistry();
        context.resetForwards();
        DedupProcessor second = initialised(newOwner);

        assertThat(indexSize(newOwner)).isEqualTo(2);
        assertThat(newOwner.get(DedupMetrics.REBUILD).tag("task", TASK).timer().count())
                .isEqualTo(1);
        second.process(embedded(ticket("T-3", VPN_TITLE + " again", VPN_TEXT), VPN));
        assertThat(verdicts()).containsExactly(DuplicateVerdict.DUPLICATE);
        assertThat(indexSize(newOwner)).isEqualTo(3);
    }

    @Test
    void shouldShrinkTheReportedIndexWhenRetentionRemovesTickets() {
        DedupProcessor dedup = initialised(meters);
        dedup.process(embedded(ticket("T-1", VPN_TITLE, VPN_TEXT), VPN));
        assertThat(indexSize(meters)).isEqualTo(1);

        // T-1 was created on 2026-11-20: 30 days of retention are over on 2026-12-21.
        context.scheduledPunctuators()
                .getFirst()
                .getPunctuator()
                .punctuate(Instant.parse("2026-12-21T00:00:00Z").toEpochMilli());

        assertThat(indexSize(meters)).isZero();
    }

    @Test
    void shouldTimeTheSnapshotsWrittenInTheBackgroundAndOnClosing() {
        DedupProcessor dedup = initialised(meters);
        dedup.process(embedded(ticket("T-1", VPN_TITLE, VPN_TEXT), VPN));

        // The snapshot interval's punctuator (the second scheduled, after retention's).
        context.scheduledPunctuators().get(1).getPunctuator().punctuate(context.currentSystemTimeMs());
        await().atMost(Duration.ofSeconds(30)).until(() -> snapshotsSaved() == 1);
        dedup.process(embedded(ticket("T-2", "Printer jams", "Paper stuck in tray two"), new float[] {0f, 1f}));
        dedup.close();

        assertThat(snapshotsSaved())
                .as("one more on closing, the index having changed")
                .isEqualTo(2);
        assertThat(meters.find(DedupMetrics.SNAPSHOT_WRITES)
                        .tag("outcome", "failed")
                        .timer())
                .isNull();
    }

    private long snapshotsSaved() {
        return meters.get(DedupMetrics.SNAPSHOT_WRITES)
                .tag("role", "active")
                .tag("outcome", "saved")
                .timer()
                .count();
    }

    private MockProcessorContext<String, EmbeddedTicket> contextWithStore() {
        MockProcessorContext<String, EmbeddedTicket> context = new MockProcessorContext<>(
                new Properties(), new TaskId(0, 0), taskDirectory().toFile());
        context.setCurrentSystemTimeMs(Instant.parse("2026-11-23T10:00:00Z").toEpochMilli());
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return context;
    }

    /**
     * A task directory in an application state folder of this test's own: the dedup processor keeps its index snapshot
     * beside it.
     */
    private static Path taskDirectory() {
        try {
            return Files.createDirectory(
                    Files.createTempDirectory(stateDirectory, "application").resolve("0_0"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DedupProcessor initialised(MeterRegistry registry) {
        DedupProcessor dedup = new DedupProcessor(THRESHOLDS, registry);
        dedup.init(context);
        return dedup;
    }

    private static Record<String, EmbeddedTicket> embedded(TicketIngested ticket, float[] embedding) {
        TicketEnriched entering = TicketEnriched.entering(
                ticket, new StageRecord("ingest", Instant.parse("2026-11-23T10:00:00Z"), List.of(), Map.of()));
        return new Record<>(ticket.tenant(), new EmbeddedTicket(entering, embedding), 0L);
    }

    private List<DuplicateVerdict> verdicts() {
        return context.forwarded().stream()
                .map(forward -> forward.record().value().ticket().duplicate())
                .map(link -> link == null ? null : link.verdict())
                .toList();
    }

    private static double verdictCount(MeterRegistry meters, String verdict) {
        return meters.get(DedupMetrics.VERDICTS)
                .tag("verdict", verdict)
                .counter()
                .count();
    }

    private static double indexSize(MeterRegistry meters) {
        return meters.get(DedupMetrics.INDEX_SIZE).tag("task", TASK).gauge().value();
    }
}
