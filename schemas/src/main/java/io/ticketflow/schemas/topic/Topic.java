package io.ticketflow.schemas.topic;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the serdes of its keys and values.
 *
 * @param name the topic's name
 * @param keySerde serde of its keys
 * @param valueSerde serde of its values
 * @param <K> key type
 * @param <V> value type
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
    }

    /** The same topic under a name with {@code prefix} in front; an empty prefix returns this topic. */
    public Topic<K, V> withPrefix(String prefix) {
        return prefix == null || prefix.isEmpty() ? this : new Topic<>(prefix + name, keySerde, valueSerde);
    }
}
