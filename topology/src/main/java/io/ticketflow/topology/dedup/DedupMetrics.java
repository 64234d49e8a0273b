package io.ticketflow.topology.dedup;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.ticketflow.schemas.DuplicateLink;
import io.ticketflow.schemas.DuplicateVerdict;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The meters of one dedup task (Micrometer):
 *
 * <ul>
 *   <li>{@value #VERDICTS} (counter, tag {@code verdict}: {@code new}, {@code possible_duplicate}, {@code duplicate},
 *       or {@code unjudged} for a ticket without an embedding): one count per judged ticket, summed over the
 *       instance's tasks like the review stage's counters;
 *   <li>{@value #INDEX_SIZE} (gauge, tag {@code task}): tickets the task's in-memory indexes hold, over all its scopes;
 *   <li>{@value #REBUILD} (timer, tag {@code task}): rebuilding the task's indexes from the store when it is
 *       initialised (start, restore, rebalance);
 *   <li>{@value #RESTORED} (gauge, tag {@code task}): of the tickets that rebuild indexed, those whose HNSW links came
 *       from the task's saved snapshot instead of being linked again (0 on a machine new to the task);
 *   <li>{@value #SNAPSHOT_WRITES} (timer, tags {@code role}: {@code active} for an active task's own snapshots, {@code
 *       standby} for those {@link StandbySnapshots} saves; {@code outcome}: {@code saved} or {@code failed}): writing
 *       index snapshots, summed over the instance's tasks. No {@code saved} for two snapshot intervals while tickets
 *       arrive, or any {@code failed}, means the next start or failover links more than it needs to.
 * </ul>
 *
 * <p>The per-task meters exist while the task is open on this instance: a task that moves away stops reporting here
 * and starts reporting on its new owner. Counters are not transactional: a record processed again after an aborted
 * transaction is counted again.
 *
 * <p>Updated on the stream thread, but for the snapshot writes; the gauges are read by any thread.
 */
final class DedupMetrics {

    static final String VERDICTS = "ticketflow.dedup.verdicts";
    static final String INDEX_SIZE = "ticketflow.dedup.index.size";
    static final String REBUILD = "ticketflow.dedup.index.rebuild";
    static final String RESTORED = "ticketflow.dedup.index.restored";
    static final String SNAPSHOT_WRITES = "ticketflow.dedup.snapshot.writes";

    /** Roles of a snapshot write ({@link #SNAPSHOT_WRITES}). */
    enum SnapshotRole {
        ACTIVE,
        STANDBY
    }

    private static final String NEW = "new";
    private static final String UNJUDGED = "unjudged";

    private final MeterRegistry meters;
    private final Map<String, Counter> verdicts;
    private final Gauge indexSize;
    private final Gauge restoredSize;
    private final Timer rebuild;
    private volatile int indexed;
    private volatile int restored;

    /** Registers the meters of {@code task}; {@link #close()} removes its per-task ones. */
    DedupMetrics(MeterRegistry meters, String task) {
        this.meters = meters;
        // Registered up front, so that a verdict not seen yet reads 0 instead of being absent.
        this.verdicts = Stream.concat(
                        Stream.of(NEW, UNJUDGED),
                        Arrays.stream(DuplicateVerdict.values()).map(DedupMetrics::tag))
                .collect(Collectors.toMap(Function.identity(), verdict -> verdictCounter(meters, verdict)));
        Tags tags = Tags.of("task", task);
        this.indexSize = Gauge.builder(INDEX_SIZE, this, metrics -> metrics.indexed)
                .description("Tickets held by the task's in-memory duplicate indexes")
                .tags(tags)
                .register(meters);
        this.restoredSize = Gauge.builder(RESTORED, this, metrics -> metrics.restored)
                .description("Tickets whose index links the task's last rebuild took from its saved snapshot")
                .tags(tags)
                .register(meters);
        this.rebuild = Timer.builder(REBUILD)
                .description("Time to rebuild the task's duplicate indexes from the dedup store on initialisation")
                .tags(tags)
                .register(meters);
    }

    /** Runs {@code rebuildFromStore}, timing it. */
    void timeRebuild(Runnable rebuildFromStore) {
        rebuild.record(rebuildFromStore);
    }

    /** The last rebuild took the links of {@code tickets} tickets from the saved snapshot. */
    void restored(int tickets) {
        restored = tickets;
    }

    /** The task's indexes now hold {@code tickets} tickets. */
    void indexed(int tickets) {
        indexed = tickets;
    }

    /** Counts a judged ticket: {@code link} is its verdict, empty for a new ticket. */
    void judged(Optional<DuplicateLink> link) {
        verdicts.get(link.map(found -> tag(found.verdict())).orElse(NEW)).increment();
    }

    /** Counts a ticket that passed without an embedding. */
    void unjudged() {
        verdicts.get(UNJUDGED).increment();
    }

    /**
     * Records a snapshot write that took {@code nanos} and {@code saved} the snapshot or failed; from any thread (the
     * writes run on background ones).
     */
    static void snapshotWritten(MeterRegistry meters, SnapshotRole role, boolean saved, long nanos) {
        Timer.builder(SNAPSHOT_WRITES)
                .description("Writing dedup index snapshots, by the role of the task and outcome")
                .tag("role", role.name().toLowerCase(Locale.ROOT))
                .tag("outcome", saved ? "saved" : "failed")
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Removes the per-task meters. */
    void close() {
        meters.remove(indexSize);
        meters.remove(restoredSize);
        meters.remove(rebuild);
    }

    private static String tag(DuplicateVerdict verdict) {
        return verdict.name().toLowerCase(Locale.ROOT);
    }

    private static Counter verdictCounter(MeterRegistry meters, String verdict) {
        return Counter.builder(VERDICTS)
                .description("Tickets judged by duplicate detection, by verdict")
                .tag("verdict", verdict)
                .register(meters);
    }
}
