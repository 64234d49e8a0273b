package io.ticketflow.topology.dedup;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.topology.config.DedupSettings;
import io.ticketflow.topology.dedup.DedupMetrics.SnapshotRole;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Index snapshots for the dedup tasks this instance holds as standby replicas ({@code num.standby.replicas}), so that a
 * failover to this instance takes the HNSW links from a snapshot instead of linking every stored embedding again (at a
 * million tickets, seconds instead of minutes).
 *
 * <p>Kafka Streams keeps a standby's store current from the changelog but runs no processor for it, so nothing else
 * would build its graph. Every interval, on a thread of its own, this reads each standby dedup store (an interactive
 * query on a stale store), takes the task's previous snapshot on this machine for it (checked against the store, as a
 * task initialising does), links what the snapshot lacks, and writes it back when anything was linked: {@link
 * DedupProcessor} then finds it when the task becomes active here. Between passes nothing is held in memory; during
 * one, a task's tickets and index, as the active task holds them. The first pass over a large standby this machine has
 * no snapshot of links every ticket like a cold rebuild, but on one thread, so that the instance's stream threads keep
 * the other cores (on two cores, about twice a cold rebuild's time); later passes link only what arrived since.
 *
 * <p>Each pass also deletes this machine's snapshots older than the dedup retention ({@link
 * IndexSnapshot#deleteWrittenBefore}), so that the snapshots of tasks that moved away for good do not stay forever.
 */
public final class StandbySnapshots implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandbySnapshots.class);

    private final KafkaStreams streams;
    private final int subtopology;
    private final Path applicationStateDir;
    private final Duration retention;
    private final MeterRegistry meters;
    private final ScheduledExecutorService executor;

    private StandbySnapshots(
            KafkaStreams streams, int subtopology, Path applicationStateDir, Duration retention, MeterRegistry meters) {
        this.streams = streams;
        this.retention = retention;
        this.meters = meters;
        this.subtopology = subtopology;
        this.applicationStateDir = applicationStateDir;
        this.executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("dedup-standby-snapshots").daemon().factory());
    }

    /**
     * Saves the snapshots of {@code streams}' standby dedup tasks every {@code settings.snapshotInterval()}, from now
     * until {@link #close}.
     *
     * @param topology the description of the topology {@code streams} runs, to tell its dedup tasks
     * @param applicationStateDir {@code <state.dir>/<application.id>}
     * @param settings the snapshot interval and the retention
     * @param meters where the writes are timed ({@code ticketflow.dedup.snapshot.writes}, role {@code standby})
     */
    public static StandbySnapshots start(
            KafkaStreams streams,
            TopologyDescription topology,
            Path applicationStateDir,
            DedupSettings settings,
            MeterRegistry meters) {
        StandbySnapshots snapshots = new StandbySnapshots(
                streams, dedupSubtopology(topology), applicationStateDir, settings.retention(), meters);
        long interval = settings.snapshotInterval().toMillis();
        snapshots.executor.scheduleWithFixedDelay(snapshots::pass, interval, interval, TimeUnit.MILLISECONDS);
        return snapshots;
    }

    @Override
    public void close() throws InterruptedException {
        // An interrupted write deletes its temporary file; the previous snapshot stays.
        executor.shutdownNow();
        executor.awaitTermination(1, TimeUnit.MINUTES);
    }

    /** The subtopology whose processors use the dedup store: its tasks are the dedup tasks. */
    private static int dedupSubtopology(TopologyDescription topology) {
        return topology.subtopologies().stream()
                .filter(sub -> sub.nodes().stream()
                        .anyMatch(node -> node instanceof TopologyDescription.Processor processor
                                && processor.stores().contains(DedupStore.NAME)))
                .mapToInt(TopologyDescription.Subtopology::id)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The topology has no " + DedupStore.NAME + " store"));
    }

    /** One pass; a failure is logged and the next pass tries again. */
    private void pass() {
        try {
            IndexSnapshot.deleteWrittenBefore(applicationStateDir, Instant.now().minus(retention));
        } catch (IOException e) {
            LOG.warn("Expired dedup index snapshots not deleted; trying again at the next interval", e);
        }
        saveStandbys();
    }

    /** Saves the snapshots of the standby dedup tasks. */
    private void saveStandbys() {
        try {
            List<TaskId> standbys = streams.metadataForLocalThreads().stream()
                    .flatMap(thread -> thread.standbyTasks().stream())
                    .map(task -> task.taskId())
                    .filter(task -> task.subtopology() == subtopology)
                    .toList();
            for (TaskId task : standbys) {
                save(task);
            }
        } catch (InvalidStateStoreException e) {
            // A rebalance moved a task meanwhile: the next pass sees where things are.
            LOG.debug("Standby dedup snapshots interrupted by a rebalance: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.warn("Standby dedup snapshots failed; trying again at the next interval", e);
        }
    }

    private void save(TaskId task) {
        long started = System.nanoTime();
        Map<String, Map<String, StoredTicket>> tickets = standbyTickets(task.partition());
        if (tickets.isEmpty()) {
            // Most dedup tasks of a deployment with few tenants hold nothing: no snapshot to look for.
            return;
        }
        IndexSnapshot snapshot = IndexSnapshot.ofTask(applicationStateDir.resolve(task.toString()), task.toString());
        Map<String, VectorIndex> restored = snapshot.read(tickets);
        int linked = tickets.values().stream().mapToInt(Map::size).sum()
                - restored.values().stream().mapToInt(VectorIndex::size).sum();
        if (linked == 0) {
            return;
        }
        // The dedup processor's own rebuild, so that the graph is the one its task would build; linked on one thread,
        // so that the instance's stream threads keep the other cores.
        Map<String, DuplicateIndex> indexes =
                DuplicateIndex.rebuildAll(tickets, restored, () -> new DuplicateIndex(0, DuplicateIndex.POOL, 1));
        long writing = System.nanoTime();
        try {
            snapshot.write(IndexSnapshot.copyOf(indexes));
            DedupMetrics.snapshotWritten(meters, SnapshotRole.STANDBY, true, System.nanoTime() - writing);
            LOG.info(
                    "Dedup index snapshot of standby task {} saved ({} tickets linked) in {} ms",
                    task,
                    linked,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            DedupMetrics.snapshotWritten(meters, SnapshotRole.STANDBY, false, System.nanoTime() - writing);
            LOG.warn("Dedup index snapshot of standby task {} not saved", task, e);
        }
    }

    /** The tickets of the standby store of {@code partition}, by scope. */
    private Map<String, Map<String, StoredTicket>> standbyTickets(int partition) {
        return DedupStore.byScope(streams.store(StoreQueryParameters.fromNameAndType(
                        DedupStore.NAME, QueryableStoreTypes.<String, StoredTicket>keyValueStore())
                .enableStaleStores()
                .withPartition(partition)));
    }
}
