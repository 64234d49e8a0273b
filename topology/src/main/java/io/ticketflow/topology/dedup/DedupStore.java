package io.ticketflow.topology.dedup;

import io.ticketflow.schemas.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
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

    /** The store's builder, to add to the topology once. */
    public static StoreBuilder<KeyValueStore<String, StoredTicket>> builder() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(NAME), Serdes.String(), JsonSerde.of(StoredTicket.class));
    }
}
