package io.ticketflow.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.schemas.DuplicateVerdict;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.testkit.KafkaCluster;
import io.ticketflow.testkit.WithKafkaBroker;
import io.ticketflow.topology.FixedModels;
import io.ticketflow.topology.TicketTopology;
import io.ticketflow.topology.config.DedupSettings;
import io.ticketflow.topology.config.KafkaSettings;
import io.ticketflow.topology.config.StreamsProperties;
import io.ticketflow.topology.config.TicketflowProperties;
import io.ticketflow.topology.config.TopicSettings;
import io.ticketflow.topology.runtime.TopicProvisioner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances with a standby replica of every task: the instance holding the dedup task as a standby saves an index
 * snapshot for it ({@link StandbySnapshots}); when the active instance leaves, the standby becomes active and takes
 * every ticket's HNSW links from that snapshot instead of linking them, and still finds the earlier tickets.
 */
@WithKafkaBroker
class DedupStandbySnapshotIT {

    private static final int TICKETS = 20;
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    /** The standby passes' interval here; the active task's own snapshots keep the default 10 minutes. */
    private static final Duration STANDBY_INTERVAL = Duration.ofSeconds(1);

    KafkaCluster kafka;

    @TempDir
    Path firstState;

    @TempDir
    Path secondState;

    private final List<Instance> started = new ArrayList<>();

    @AfterEach
    void closeInstances() throws InterruptedException {
        for (Instance instance : started) {
            instance.close();
        }
    }

    @Test
    void shouldTakeTheIndexFromTheStandbysSnapshotWhenTheActiveInstanceLeaves() throws Exception {
        String prefix = kafka.uniqueTopic("dedup-standby") + ".";
        String applicationId = kafka.uniqueApplicationId("dedup-standby");
        new TopicProvisioner(
                        kafka.admin(),
                        settings(applicationId, prefix, firstState).topics(),
                        Duration.ofSeconds(30))
                .ensureTopics();
        Instance first = start(settings(applicationId, prefix, firstState));
        Instance second = start(settings(applicationId, prefix, secondState));
        await().atMost(PATIENCE).until(() -> first.isRunning() && second.isRunning());

        List<String> ids = IntStream.range(0, TICKETS).mapToObj(i -> "S-" + i).toList();
        SnapshotFixtures.produce(kafka.bootstrapServers(), prefix, ids);
        await().atMost(PATIENCE)
                .until(() -> SnapshotFixtures.enriched(kafka.bootstrapServers(), prefix)
                                .size()
                        >= TICKETS);
        // Only the standby writes a snapshot before an instance closes.
        await().atMost(PATIENCE)
                .until(() -> first.savedTickets(applicationId, ids) == TICKETS
                        || second.savedTickets(applicationId, ids) == TICKETS);
        Instance standby = first.savedTickets(applicationId, ids) == TICKETS ? first : second;
        Instance active = standby == first ? second : first;
        assertThat(standby.meters()
                        .get(DedupMetrics.SNAPSHOT_WRITES)
                        .tag("role", "standby")
                        .tag("outcome", "saved")
                        .timer()
                        .count())
                .isPositive();

        active.close();

        await().atMost(PATIENCE).until(() -> SnapshotFixtures.restoredTickets(standby.meters()) == TICKETS);
        SnapshotFixtures.produce(kafka.bootstrapServers(), prefix, List.of("S-later"));
        await().atMost(PATIENCE)
                .until(() -> SnapshotFixtures.enriched(kafka.bootstrapServers(), prefix)
                                .size()
                        >= TICKETS + 1);
        TicketEnriched later = SnapshotFixtures.enriched(kafka.bootstrapServers(), prefix, "S-later");
        assertThat(later.duplicate().verdict()).isEqualTo(DuplicateVerdict.DUPLICATE);
        assertThat(later.duplicate().duplicateOf()).startsWith("S-");
    }

    private TicketflowProperties settings(String applicationId, String prefix, Path stateDir) {
        KafkaSettings kafkaSettings = new KafkaSettings(
                kafka.bootstrapServers(),
                applicationId,
                null,
                null,
                Duration.ofMillis(200),
                stateDir,
                Duration.ofSeconds(30),
                Map.of(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1"));
        return new TicketflowProperties(
                kafkaSettings, new TopicSettings(prefix, true, 3, 1), null, null, null, null, null);
    }

    private Instance start(TicketflowProperties settings) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Topology topology = TicketTopology.build(settings, new FixedModels().enrichment(), meters);
        KafkaStreams streams = new KafkaStreams(topology, StreamsProperties.of(settings));
        streams.start();
        Instance instance = new Instance(
                streams,
                meters,
                settings.kafka().stateDir(),
                StandbySnapshots.start(
                        streams,
                        topology.describe(),
                        settings.kafka().stateDir().resolve(settings.kafka().applicationId()),
                        new DedupSettings(null, null, null, null, null, null, STANDBY_INTERVAL, null),
                        meters));
        started.add(instance);
        return instance;
    }

    private record Instance(
            KafkaStreams streams, SimpleMeterRegistry meters, Path stateDir, StandbySnapshots snapshots) {

        boolean isRunning() {
            return streams.state() == KafkaStreams.State.RUNNING;
        }

        int savedTickets(String applicationId, List<String> ids) throws java.io.IOException {
            return SnapshotFixtures.savedTickets(stateDir.resolve(applicationId), ids);
        }

        void close() throws InterruptedException {
            snapshots.close();
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }
    }
}
