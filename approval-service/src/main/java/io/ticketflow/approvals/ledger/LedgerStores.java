package io.ticketflow.approvals.ledger;

import io.ticketflow.schemas.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The ledger's state stores: persistent (RocksDB) and changelogged, so a restart or a new owner loses nothing. */
public final class LedgerStores {

    /** Approvals by ticket id: the truth. */
    public static final String APPROVALS = "approvals-ledger";

    /** {@link LedgerIndex} entries: listing order and expiry order. */
    public static final String INDEX = "approvals-index";

    private LedgerStores() {}

    static StoreBuilder<KeyValueStore<String, Approval>> approvals() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(APPROVALS), Serdes.String(), JsonSerde.of(Approval.class));
    }

    static StoreBuilder<KeyValueStore<String, String>> index() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INDEX), Serdes.String(), Serdes.String());
    }
}
