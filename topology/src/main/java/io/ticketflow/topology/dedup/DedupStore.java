package io.ticketflow.topology.dedup;

import io.ticketflow.schemas.serde.JsonSerde;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The dedup store: ticket id → {@link StoredTicket}, persistent (RocksDB) and changelogged, the truth from which each
 * task's in-memory indexes are rebuilt. Written only by the task that owns the tickets' scope.
 */
public final class DedupStore {

    /** The store's name (its changelog is {@code <application id>-dedup-tickets-changelog}). */
    public static final String NAME = "dedup-tickets";

    private DedupStore() {}

    /** Every ticket in {@code store}, by scope, then by id. */
    static Map<String, Map<String, StoredTicket>> byScope(ReadOnlyKeyValueStore<String, StoredTicket> store) {
        Map<String, Map<String, StoredTicket>> tickets = new HashMap<>();
        try (KeyValueIterator<String, StoredTicket> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, StoredTicket> entry = all.next();
                tickets.computeIfAbsent(entry.value.scope(), scope -> new HashMap<>())
                        .put(entry.key, entry.value);
            }
        }
        return tickets;
    }

    /** The store's builder, to add to the topology once. */
    public static StoreBuilder<KeyValueStore<String, StoredTicket>> builder() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(NAME), Serdes.String(), JsonSerde.of(StoredTicket.class));
    }
}
