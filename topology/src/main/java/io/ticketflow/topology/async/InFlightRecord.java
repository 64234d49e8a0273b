package io.ticketflow.topology.async;

import java.util.Objects;
import org.apache.kafka.common.header.Headers;

/**
 * A record an async stage has accepted and not yet forwarded: what the in-flight store keeps, so that a new owner of
 * the task can re-issue its call after a crash or rebalance.
 *
 * @param key the record key
 * @param value the record value
 * @param timestamp the record timestamp, carried to the forwarded record
 * @param headers the record headers, carried to the forwarded record
 * @param <V> the value type
 */
record InFlightRecord<V>(String key, V value, long timestamp, Headers headers) {
    InFlightRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(headers, "headers");
    }
}
