package io.ticketflow.topology.review;

import io.ticketflow.schemas.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The store of tickets waiting for review, keyed by ticket id: written by {@code park}, read and cleared by
 * {@code apply-decision}. Persistent and changelogged (topic {@code <application id>-review-parked-changelog}), so a
 * parked ticket survives restarts, crashes and rebalances.
 *
 * <p>Both processors reach the same entry only if a ticket and the decisions on it land in the same task, that is on
 * the same partition number: {@code approvals.decided} must have as many partitions as the topic the parked tickets
 * come from, which start-up checks ({@code runtime.TopicProvisioner}).
 */
public final class ParkedTickets {

    /** The store's name; its changelog is named after it. */
    public static final String STORE = "review-parked";

    private ParkedTickets() {}

    /** The store's builder, to add to the topology once. */
    public static StoreBuilder<KeyValueStore<String, ParkedTicket>> storeBuilder() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STORE), Serdes.String(), JsonSerde.of(ParkedTicket.class));
    }
}
