package io.ticketflow.topology.dedup;

import static io.ticketflow.topology.Tickets.bytes;
import static io.ticketflow.topology.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.schemas.DuplicateVerdict;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.testkit.KafkaCluster;
import io.ticketflow.testkit.WithKafkaBroker;
import io.ticketflow.topology.CommittedRecords;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
    /** The tenant of {@link io.ticketflow.topology.Tickets#ticket(String, String, String)}. */
    private static final String TENANT = "acme";

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
        produce(prefix, ids);
        Path applicationState = state.resolve(applicationId);

        Process crashing = startInstance(applicationId, prefix);
        try {
            await().atMost(PATIENCE).until(() -> enriched(prefix).size() >= TICKETS);
            await().atMost(PATIENCE).until(() -> savedTickets(applicationState, ids) == TICKETS);
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
            await().atMost(PATIENCE).until(() -> restoredTickets(meters) == TICKETS);
            Gauge restored = meters.find(DedupMetrics.RESTORED).gauges().stream()
                    .filter(gauge -> gauge.value() > 0)
                    .findFirst()
                    .orElseThrow();
            assertThat(applicationState.resolve(restored.getId().getTag("task")).resolve(MARKER))
                    .as("the dedup task's folder, wiped after the unclean shutdown")
                    .doesNotExist();

            produce(prefix, List.of("D-later"));
            await().atMost(PATIENCE).until(() -> enriched(prefix).size() >= TICKETS + 1);
            restarted.close(CloseOptions.timeout(Duration.ofSeconds(10)));
        }
        TicketEnriched later = enriched(prefix).stream()
                .filter(ticket -> ticket.ticket().id().equals("D-later"))
                .findFirst()
                .orElseThrow();
        assertThat(later.duplicate().verdict()).isEqualTo(DuplicateVerdict.DUPLICATE);
        assertThat(later.duplicate().duplicateOf()).startsWith("D-");
    }

    private void produce(String prefix, List<String> ids) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (String id : ids) {
                // Texts differ, so that the repeat stage lets every ticket through to dedup; embeddings do not.
                producer.send(new ProducerRecord<>(
                                prefix + Topics.TICKETS_INGESTED.name(),
                                id,
                                bytes(ticket(id, "VPN drops every few minutes, " + id, "The client disconnects."))))
                        .get();
            }
        }
    }

    private Process startInstance(String applicationId, String prefix) throws IOException {
        return JavaProcess.of(
                        DedupProcessTopology.class, kafka.bootstrapServers(), applicationId, prefix, state.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true)
                .start();
    }

    private List<TicketEnriched> enriched(String prefix) {
        return CommittedRecords.read(
                kafka.bootstrapServers(),
                prefix + Topics.TICKETS_ENRICHED.name(),
                Topics.TICKETS_ENRICHED.valueSerde().deserializer());
    }

    private static List<Path> snapshots(Path applicationState) throws IOException {
        Path folder = applicationState.resolve(IndexSnapshot.DIRECTORY);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".snapshot")).toList();
        }
    }

    private static List<Path> taskFolders(Path applicationState) throws IOException {
        try (Stream<Path> folders = Files.list(applicationState)) {
            return folders.filter(folder -> folder.getFileName().toString().matches("\\d+_\\d+"))
                    .toList();
        }
    }

    /**
     * Tickets among {@code ids} the snapshots in {@code applicationState} hold, read as a restarting task reads them:
     * against the store, here the tickets as the fixed models embed them.
     */
    private static int savedTickets(Path applicationState, List<String> ids) throws IOException {
        Map<String, StoredTicket> tickets = new HashMap<>();
        for (String id : ids) {
            tickets.put(
                    id, new StoredTicket(id, TENANT, Instant.EPOCH, id, FixedModels.defaultVector(), Map.of(), null));
        }
        return snapshots(applicationState).stream()
                .flatMap(file -> new IndexSnapshot(file).read(Map.of(TENANT, tickets)).values().stream())
                .mapToInt(VectorIndex::size)
                .sum();
    }

    private static double restoredTickets(SimpleMeterRegistry meters) {
        return meters.find(DedupMetrics.RESTORED).gauges().stream()
                .mapToDouble(Gauge::value)
                .sum();
    }
}
