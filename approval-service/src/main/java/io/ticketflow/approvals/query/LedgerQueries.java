package io.ticketflow.approvals.query;

import io.ticketflow.approvals.ledger.Approval;
import io.ticketflow.approvals.ledger.ApprovalStatus;
import io.ticketflow.approvals.ledger.LedgerIndex;
import io.ticketflow.approvals.ledger.LedgerStores;
import io.ticketflow.approvals.runtime.LedgerStreams;
import io.ticketflow.approvals.status.TicketStatusProcessor;
import io.ticketflow.approvals.status.TicketWhereabouts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;

/**
 * Interactive queries of this instance's ledger and status stores. Thread-safe; blocking but short (local RocksDB
 * reads). Throws Kafka Streams' {@code InvalidStateStoreException} while the stores are not queryable (start-up,
 * rebalancing), which the API answers with 503.
 *
 * <p>Listing merges the index ranges of every local partition (and status) in request order, so a page costs its size
 * plus the entries its filters skip (at most {@code maxScan}), not the size of the ledger.
 */
@Component
public class LedgerQueries {

    private final LedgerStreams ledger;
    private final int maxScan;

    public LedgerQueries(LedgerStreams ledger, io.ticketflow.approvals.config.ApprovalServiceProperties settings) {
        this.ledger = ledger;
        this.maxScan = settings.approvals().maxScan();
    }

    /**
     * The approval of {@code ticketId}, read from {@code partition} (the key's partition), which this instance must
     * own: otherwise the store is not found and Kafka Streams' {@code InvalidStateStoreException} says so.
     */
    public Optional<Approval> find(String ticketId, int partition) {
        return Optional.ofNullable(LedgerQueries.<Approval>store(ledger.streams(), LedgerStores.APPROVALS, partition)
                .get(ticketId));
    }

    /** Where {@code ticketId} is, read from {@code partition} as {@link #find} does. */
    public Optional<TicketWhereabouts> whereabouts(String ticketId, int partition) {
        return Optional.ofNullable(
                LedgerQueries.<TicketWhereabouts>store(ledger.streams(), TicketStatusProcessor.STORE, partition)
                        .get(ticketId));
    }

    /**
     * One page of the approvals matching {@code query} in this instance's partitions, and which partitions those
     * were; {@link PageMerge} joins the pages of all instances.
     */
    public LocalPage list(ListQuery query) {
        KafkaStreams streams = ledger.streams();
        List<ApprovalStatus> statuses =
                query.status() == null ? List.of(ApprovalStatus.values()) : List.of(query.status());
        Comparator<Head> order = Comparator.comparing(Head::position);
        PriorityQueue<Head> heads = new PriorityQueue<>(query.newestFirst() ? order.reversed() : order);
        List<KeyValueIterator<String, String>> open = new ArrayList<>();
        SortedSet<Integer> partitions = localPartitions(streams);
        try {
            for (int partition : partitions) {
                ReadOnlyKeyValueStore<String, String> index = store(streams, LedgerStores.INDEX, partition);
                ReadOnlyKeyValueStore<String, Approval> approvals = store(streams, LedgerStores.APPROVALS, partition);
                for (ApprovalStatus status : statuses) {
                    KeyValueIterator<String, String> range = range(index, status, query);
                    open.add(range);
                    Head.next(range, approvals, query).ifPresent(heads::add);
                }
            }
            return new LocalPage(collect(heads, query), partitions);
        } finally {
            open.forEach(KeyValueIterator::close);
        }
    }

    private ApprovalPage collect(PriorityQueue<Head> heads, ListQuery query) {
        List<Approval> items = new ArrayList<>();
        String last = null;
        int scanned = 0;
        while (!heads.isEmpty() && items.size() < query.limit() && scanned < maxScan) {
            Head head = heads.poll();
            scanned++;
            last = head.position();
            Approval approval = head.approvals().get(head.ticketId());
            if (approval != null && query.matches(approval)) {
                items.add(approval);
            }
            Head.next(head.range(), head.approvals(), query).ifPresent(heads::add);
        }
        String next = heads.isEmpty() || last == null ? null : new Cursor(last).text();
        return new ApprovalPage(items, next);
    }

    private static KeyValueIterator<String, String> range(
            ReadOnlyKeyValueStore<String, String> index, ApprovalStatus status, ListQuery query) {
        String prefix = LedgerIndex.listingPrefix(status);
        String end = prefix + '\uffff';
        if (query.newestFirst()) {
            return index.reverseRange(
                    prefix, query.after() == null ? end : prefix + query.after().position());
        }
        return index.range(
                query.after() == null ? prefix : prefix + query.after().position() + '\u0000', end);
    }

    private static SortedSet<Integer> localPartitions(KafkaStreams streams) {
        SortedSet<Integer> partitions = new TreeSet<>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            thread.activeTasks().forEach(task -> partitions.add(task.taskId().partition()));
        }
        return partitions;
    }

    private static <V> ReadOnlyKeyValueStore<String, V> store(KafkaStreams streams, String name, int partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
                .withPartition(partition));
    }

    /** The next entry of one partition's range, with where it came from. */
    private record Head(
            String position,
            String ticketId,
            KeyValueIterator<String, String> range,
            ReadOnlyKeyValueStore<String, Approval> approvals) {

        /** The range's next entry, skipping the cursor's own entry (ranges are inclusive). */
        static Optional<Head> next(
                KeyValueIterator<String, String> range,
                ReadOnlyKeyValueStore<String, Approval> approvals,
                ListQuery query) {
            while (range.hasNext()) {
                KeyValue<String, String> entry = range.next();
                String position = LedgerIndex.positionOf(entry.key);
                if (query.after() == null || !position.equals(query.after().position())) {
                    return Optional.of(new Head(position, entry.value, range, approvals));
                }
            }
            return Optional.empty();
        }
    }
}
