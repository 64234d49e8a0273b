package io.ticketflow.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.schemas.DuplicateVerdict;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.testkit.KafkaCluster;
import io.ticketflow.testkit.WithKafkaBroker;
import io.ticketflow.topology.FixedModels;
import io.ticketflow.topology.JavaProcess;
import io.ticketflow.topology.TicketTopology;
import io.ticketflow.topology.config.StreamsProperties;
import io.ticketflow.topology.config.TicketflowProperties;
import io.ticketflow.topology.runtime.TopicProvisioner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the topology's process (SIGKILL) after its dedup task saved an index snapshot, and restarts it on the same
 * state folder. Under exactly-once, Kafka Streams wipes the folder of a task that was not closed cleanly and restores
 * the store from its changelog; the snapshot, kept beside the task folders, survives, and the restarted task takes
 * its HNSW links from it instead of linking every ticket again — and still finds the earlier tickets.
 */
@WithKafkaBroker
class DedupSnapshotCrashIT {

    private static final int TICKETS = 30;
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String MARKER = "written-before-the-crash";

    KafkaCluster kafka;

    @TempDir
    Path state;

    @Test
    void shouldTakeTheIndexFromTheSnapshotAfterACrashWipedTheTaskFolder() throws Exception {
        String prefix = kafka.uniqueTopic("dedup-crash") + ".";
        String applicationId = kafka.uniqueApplicationId("dedup-crash");
        TicketflowProperties settings =
                DedupProcessTopology.settings(kafka.bootstrapServers(), applicationId, prefix, state);
        new TopicProvisioner(kafka.admin(), settings.topics(), Duration.ofSeconds(30)).ensureTopics();
        List<String> ids = IntStream.range(0, TICKETS).mapToObj(i -> "D-" + i).toList();
        SnapshotFixtures.produce(kafka.bootstrapServers(), prefix, ids);
        Path applicationState = state.resolve(applicationId);

        Process crashing = startInstance(applicationId, prefix);
        try {
            await().atMost(PATIENCE)
                    .until(() -> SnapshotFixtures.enriched(kafka.bootstrapServers(), prefix)
                                    .size()
                            >= TICKETS);
            await().atMost(PATIENCE).until(() -> SnapshotFixtures.savedTickets(applicationState, ids) == TICKETS);
        } finally {
            crashing.destroyForcibly().waitFor();
        }
        // Marks every task folder, to see which ones exactly-once wipes on restarting.
        for (Path taskFolder : taskFolders(applicationState)) {
            Files.writeString(taskFolder.resolve(MARKER), "");
        }

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (KafkaStreams restarted = new KafkaStreams(
                TicketTopology.build(settings, new FixedModels().enrichment(), meters),
                StreamsProperties.of(settings))) {
            restarted.start();
            await().atMost(PATIENCE).until(() -> SnapshotFixtures.restoredTickets(meters) == TICKETS);
            Gauge restored = meters.find(DedupMetrics.RESTORED).gauges().stream()
                    .filter(gauge -> gauge.value() > 0)
                    .findFirst()
                    .orElseThrow();
            assertThat(applicationState.resolve(restored.getId().getTag("task")).resolve(MARKER))
                    .as("the dedup task's folder, wiped after the unclean shutdown")
                    .doesNotExist();

            SnapshotFixtures.produce(kafka.bootstrapServers(), prefix, List.of("D-later"));
            await().atMost(PATIENCE)
                    .until(() -> SnapshotFixtures.enriched(kafka.bootstrapServers(), prefix)
                                    .size()
                            >= TICKETS + 1);
            restarted.close(CloseOptions.timeout(Duration.ofSeconds(10)));
        }
        TicketEnriched later = SnapshotFixtures.enriched(kafka.bootstrapServers(), prefix, "D-later");
        assertThat(later.duplicate().verdict()).isEqualTo(DuplicateVerdict.DUPLICATE);
        assertThat(later.duplicate().duplicateOf()).startsWith("D-");
    }

    private Process startInstance(String applicationId, String prefix) throws IOException {
        return JavaProcess.of(
                        DedupProcessTopology.class, kafka.bootstrapServers(), applicationId, prefix, state.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true)
                .start();
    }

    private static List<Path> taskFolders(Path applicationState) throws IOException {
        try (Stream<Path> folders = Files.list(applicationState)) {
            return folders.filter(folder -> folder.getFileName().toString().matches("\\d+_\\d+"))
                    .toList();
        }
    }
}
