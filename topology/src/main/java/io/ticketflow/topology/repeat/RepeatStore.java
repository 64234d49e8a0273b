package io.ticketflow.topology.repeat;

import io.ticketflow.schemas.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The repeat store: content key → {@link RepeatEntry}, persistent (RocksDB) and changelogged. */
public final class RepeatStore {

    /** The store's name. */
    public static final String NAME = "repeat-results";

    private RepeatStore() {}

    /** The store's builder, to add to the topology once. */
    public static StoreBuilder<KeyValueStore<String, RepeatEntry>> builder() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(NAME), Serdes.String(), JsonSerde.of(RepeatEntry.class));
    }
}
