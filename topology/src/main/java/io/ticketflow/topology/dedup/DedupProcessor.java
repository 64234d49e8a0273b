package io.ticketflow.topology.dedup;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.schemas.DuplicateLink;
import io.ticketflow.schemas.DuplicateVerdict;
import io.ticketflow.schemas.StageRecord;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.Triage;
import io.ticketflow.schemas.TriageSource;
import io.ticketflow.topology.config.DedupSettings;
import io.ticketflow.topology.dedup.DedupMetrics.SnapshotRole;
import io.ticketflow.topology.embed.EmbedCall;
import io.ticketflow.topology.embed.EmbeddedTicket;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The {@code dedup} stage: receives embedded tickets keyed by dedup scope (tenant), so that every ticket of a scope
 * meets the same store on the same stream thread, one at a time; compares each with the scope's earlier tickets,
 * decides, remembers it, and forwards it keyed by its ticket id.
 *
 * <ul>
 *   <li><b>Single writer.</b> Only the task owning a scope's partition writes that scope's entries of the
 *       {@link DedupStore}: this processor, and {@link RememberTriageProcessor} in the same task. Two duplicates
 *       arriving together are judged one after the other, so the second finds the first.
 *   <li><b>Store and index.</b> The store is the truth; the in-memory {@link DuplicateIndex} of each scope is rebuilt
 *       from it whenever the task is (re)initialised, after a restore or a rebalance. The task saves its HNSW graphs
 *       ({@link IndexSnapshot}) every {@link DedupSettings#snapshotInterval()} when they changed, on a background
 *       thread, and when it closes, so that a restart on the same machine — after a crash too — checks them against
 *       the store instead of linking every embedding again.
 *   <li><b>Decision.</b> A duplicate whose original's triage is known reuses it ({@link TriageSource#REUSED_FROM_DUPLICATE},
 *       no tokens), so the triage stage passes it by; a possible duplicate carries its best candidates; a ticket whose
 *       embedding is missing (embedding model unavailable) passes unjudged and is not remembered.
 *   <li><b>Updates.</b> A ticket re-sent under the same id replaces its earlier entry and is never its own duplicate.
 *   <li><b>Retention.</b> Every {@link DedupSettings#expiryInterval()} of wall-clock time, tickets created more than
 *       {@link DedupSettings#retention()} ago leave store and index.
 *   <li><b>Metrics.</b> Verdicts, the size of the task's indexes and the time to rebuild them: {@link DedupMetrics}.
 * </ul>
 */
public final class DedupProcessor implements Processor<String, EmbeddedTicket, String, EmbeddedTicket> {

    private static final Logger LOG = LoggerFactory.getLogger(DedupProcessor.class);

    /** The stage's name: its processor and audit entries. */
    public static final String STAGE = "dedup";

    private final DedupSettings settings;
    private final MeterRegistry meters;
    private final DuplicateDecision decision;
    private final TextTerms textTerms = new TextTerms();
    private final Map<String, DuplicateIndex> scopes = new HashMap<>();
    private ProcessorContext<String, EmbeddedTicket> context;
    private KeyValueStore<String, StoredTicket> store;
    private DedupMetrics metrics;
    private IndexSnapshot snapshot;
    /** Whether the indexes changed since they were last copied for the snapshot. */
    private boolean changedSinceSaved;
    /** The snapshot write in progress on a background thread, or the last one: whether it was written. */
    private CompletableFuture<Boolean> saving = CompletableFuture.completedFuture(true);

    public DedupProcessor(DedupSettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.meters = meters;
        this.decision = new DuplicateDecision(settings);
    }

    @Override
    public void init(ProcessorContext<String, EmbeddedTicket> context) {
        this.context = context;
        this.store = context.getStateStore(DedupStore.NAME);
        this.metrics = new DedupMetrics(meters, context.taskId().toString());
        this.snapshot = IndexSnapshot.ofTask(
                context.stateDir().toPath(), context.taskId().toString());
        metrics.timeRebuild(this::rebuildIndexesFromStore);
        metrics.indexed(indexedTickets());
        context.schedule(
                settings.expiryInterval(),
                PunctuationType.WALL_CLOCK_TIME,
                now -> expireOldTickets(Instant.ofEpochMilli(now)));
        context.schedule(settings.snapshotInterval(), PunctuationType.WALL_CLOCK_TIME, now -> saveInBackground());
    }

    @Override
    public void process(Record<String, EmbeddedTicket> record) {
        EmbeddedTicket value = record.value();
        TicketIngested ticket = value.ticket().ticket();
        EmbeddedTicket judged = value.embedding() == null ? unjudged(value) : judge(value);
        context.forward(new Record<>(ticket.id(), judged, record.timestamp(), record.headers()));
    }

    @Override
    public void close() {
        // A task can be closed before it was ever initialised (for example while it was still restoring).
        if (metrics != null) {
            // After the background write, so that the newest copy is the one left in place.
            boolean lastWritten = saving.join();
            if (changedSinceSaved || !lastWritten) {
                saveIndexes(copyIndexes());
            }
            metrics.close();
        }
    }

    private EmbeddedTicket unjudged(EmbeddedTicket value) {
        metrics.unjudged();
        return value;
    }

    private EmbeddedTicket judge(EmbeddedTicket value) {
        TicketIngested ticket = value.ticket().ticket();
        DuplicateIndex index = scopes.computeIfAbsent(ticket.tenant(), scope -> newIndex());
        Map<String, Integer> terms = textTerms.of(EmbedCall.textOf(ticket));
        StoredTicket stored = new StoredTicket(
                ticket.id(), ticket.tenant(), ticket.createdAt(), ticket.title(), value.embedding(), terms, null);
        // An update of a ticket replaces it there, and is never found as its own original.
        Optional<DuplicateLink> link = decision.decide(index.bestThenPut(stored, settings.candidates()));
        Triage reused = link.filter(found -> found.verdict() == DuplicateVerdict.DUPLICATE)
                .map(found -> reusableTriage(found.duplicateOf()))
                .orElse(null);
        // The index's copy goes without the triage: duplicates' triage is read from the store.
        store.put(stored.id(), reused == null ? stored : stored.withTriage(reused));
        changedSinceSaved = true;
        metrics.indexed(indexedTickets());
        metrics.judged(link);

        TicketEnriched judged = value.ticket();
        if (link.isPresent()) {
            judged = judged.withDuplicate(link.get());
        }
        if (reused != null) {
            judged = judged.withTriage(reused);
        }
        return new EmbeddedTicket(judged.withStage(auditEntry(link, reused)), value.embedding());
    }

    /** The original's triage as this ticket's, or {@code null} while the original's triage is not known yet. */
    private Triage reusableTriage(String originalId) {
        StoredTicket original = store.get(originalId);
        if (original == null || original.triage() == null) {
            return null;
        }
        Triage triage = original.triage();
        return triage.reused(TriageSource.REUSED_FROM_DUPLICATE);
    }

    private StageRecord auditEntry(Optional<DuplicateLink> link, Triage reused) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        if (link.isEmpty()) {
            return new StageRecord(STAGE, now, List.of(), Map.of("verdict", "NEW"));
        }
        return new StageRecord(
                STAGE,
                now,
                List.of(),
                Map.of(
                        "verdict", link.get().verdict().name(),
                        "duplicateOf", link.get().duplicateOf(),
                        "score", Double.toString(link.get().similarity()),
                        "triageReused", Boolean.toString(reused != null)));
    }

    /** Retention: tickets created before {@code now − retention} can no longer be originals. */
    private void expireOldTickets(Instant now) {
        Instant cutoff = now.minus(settings.retention());
        for (DuplicateIndex index : scopes.values()) {
            for (StoredTicket expired : index.createdBefore(cutoff)) {
                store.delete(expired.id());
                index.remove(expired.id());
                changedSinceSaved = true;
            }
        }
        metrics.indexed(indexedTickets());
    }

    /**
     * The store is the truth: on every (re)initialisation the indexes are rebuilt from it, reusing the graphs of the
     * task's {@link IndexSnapshot} for the tickets whose embeddings it still matches.
     */
    private void rebuildIndexesFromStore() {
        Map<String, Map<String, StoredTicket>> stored = DedupStore.byScope(store);
        Map<String, VectorIndex> restored = snapshot.read(stored);
        int restoredTickets =
                restored.values().stream().mapToInt(VectorIndex::size).sum();
        metrics.restored(restoredTickets);
        scopes.clear();
        scopes.putAll(DuplicateIndex.rebuildAll(stored, restored, this::newIndex));
        changedSinceSaved = restoredTickets != indexedTickets();
    }

    /**
     * Every {@link DedupSettings#snapshotInterval()}: when the indexes changed, copies their graphs here (the stream
     * thread must not change them while they are copied) and writes the copy on a background thread, so that the
     * stream thread, inside its transaction, is held only for the copy (0.6 s at 900,000 tickets: {@code
     * benchmarks/run dedup-scale}, {@code copy_s}), not for writing half a gigabyte. A write still running when the
     * next is due delays it.
     */
    private void saveInBackground() {
        if (!saving.isDone() || (!changedSinceSaved && saving.join())) {
            return;
        }
        Map<String, SavedVectors> copy = copyIndexes();
        saving = CompletableFuture.supplyAsync(
                () -> saveIndexes(copy),
                task -> Thread.ofVirtual()
                        .name("dedup-snapshot-" + context.taskId())
                        .start(task));
    }

    /** The indexes' graphs, copied for the snapshot; from now on they are saved unless they change again. */
    private Map<String, SavedVectors> copyIndexes() {
        long started = System.nanoTime();
        Map<String, SavedVectors> copy = IndexSnapshot.copyOf(scopes);
        changedSinceSaved = false;
        LOG.debug("Dedup index of task {} copied for its snapshot in {} ms", context.taskId(), millisSince(started));
        return copy;
    }

    /**
     * Saves the copied graphs for the next initialisation on this machine; a failure only costs that one more linking.
     * Runs on the stream thread or the background one: it touches nothing but the copy and the file.
     *
     * @return whether the snapshot was written
     */
    private boolean saveIndexes(Map<String, SavedVectors> copy) {
        long started = System.nanoTime();
        try {
            snapshot.write(copy);
            // Tasks of scopes without tickets are many in a small deployment: only saves that hold something are news.
            LOG.atLevel(copy.isEmpty() ? Level.DEBUG : Level.INFO)
                    .log("Dedup index of task {} saved in {} ms", context.taskId(), millisSince(started));
            DedupMetrics.snapshotWritten(meters, SnapshotRole.ACTIVE, true, System.nanoTime() - started);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "Dedup index of task {} not saved: the next start links what the previous snapshot lacks",
                    context.taskId(),
                    e);
            DedupMetrics.snapshotWritten(meters, SnapshotRole.ACTIVE, false, System.nanoTime() - started);
            return false;
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    private int indexedTickets() {
        return scopes.values().stream().mapToInt(DuplicateIndex::size).sum();
    }

    private DuplicateIndex newIndex() {
        return new DuplicateIndex(settings.semanticWeight(), settings.searchWidth());
    }
}
