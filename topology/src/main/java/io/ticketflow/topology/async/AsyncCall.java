package io.ticketflow.topology.async;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * What one async stage does with a record: start a call, and turn its outcome into the record to forward.
 *
 * <p>{@link #start} is called on the stream thread and must not block; the stage it returns may complete on any
 * thread. {@link #complete} and {@link #fallback} are called on the stream thread.
 *
 * @param <V> the record value the stage receives
 * @param <O> what the call produces
 * @param <R> the record value the stage forwards
 */
public interface AsyncCall<V, O, R> {

    /**
     * The key whose records are called one at a time, in arrival order: by default the record key. A stage whose
     * records are keyed by something coarser than the entity they describe (the {@code embed} stage receives tickets
     * keyed by dedup scope) orders by the entity instead, so that one key does not serialise every call.
     */
    default String orderKey(String key, V value) {
        return key;
    }

    /** Starts the call for {@code value}; returns at once. */
    CompletionStage<O> start(String key, V value);

    /** The record to forward when the call succeeded; {@code now} is the stream thread's wall clock. */
    R complete(String key, V value, O output, Instant now);

    /**
     * The record to forward when the call failed for good (retries and time budget exhausted, or the model's circuit
     * open): the record goes on, never dropped.
     */
    R fallback(String key, V value, Throwable failure, Instant now);
}
