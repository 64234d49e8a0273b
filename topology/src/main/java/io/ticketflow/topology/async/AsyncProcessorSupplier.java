package io.ticketflow.topology.async;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.topology.config.AsyncSettings;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Supplies the {@link AsyncProcessor} of one stage, with its in-flight store: persistent, changelogged, named
 * {@code <stage>-inflight}.
 */
public final class AsyncProcessorSupplier<V, O, R> implements ProcessorSupplier<String, V, String, R> {

    private final String stage;
    private final AsyncCall<V, O, R> call;
    private final Serde<V> valueSerde;
    private final AsyncSettings settings;
    private final MeterRegistry meters;

    /**
     * @param stage the stage's name: names its store and tags its metrics
     * @param call what the stage does with each record
     * @param valueSerde serde of the received values, for the in-flight store
     * @param settings the stage's bounds
     * @param meters where the stage's metrics go
     */
    public AsyncProcessorSupplier(
            String stage, AsyncCall<V, O, R> call, Serde<V> valueSerde, AsyncSettings settings, MeterRegistry meters) {
        this.stage = stage;
        this.call = call;
        this.valueSerde = valueSerde;
        this.settings = settings;
        this.meters = meters;
    }

    /** The in-flight store's name. */
    public String storeName() {
        return stage + "-inflight";
    }

    @Override
    public Processor<String, V, String, R> get() {
        return new AsyncProcessor<>(stage, storeName(), call, settings, meters);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        StoreBuilder<KeyValueStore<Long, InFlightRecord<V>>> store = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(storeName()), Serdes.Long(), new InFlightRecordSerde<>(valueSerde));
        return Set.of(store);
    }
}
