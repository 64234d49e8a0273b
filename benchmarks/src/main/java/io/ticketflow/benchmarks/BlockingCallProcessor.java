package io.ticketflow.benchmarks;

import io.ticketflow.topology.async.AsyncCall;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The naive way to call a model from Kafka Streams, for comparison only: {@link #process} starts the stage's call and
 * waits for it on the stream thread, so a thread has one call in flight at a time. It uses the product's own
 * {@link AsyncCall} of the stage (the same model port, guard, redaction, result and fallback), so the only difference
 * from the product's {@code async} stage is the waiting.
 *
 * <p>The wait is bounded by the guard's call budget (the call completes, one way or the other, within it); the stream
 * thread must still poll within {@code max.poll.interval.ms}, so a topology of these needs few records per poll.
 */
final class BlockingCallProcessor<V, O, R> implements FixedKeyProcessor<String, V, R> {

    private final AsyncCall<V, O, R> call;
    private FixedKeyProcessorContext<String, R> context;

    BlockingCallProcessor(AsyncCall<V, O, R> call) {
        this.call = call;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, R> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        R result;
        try {
            O output = call.start(record.key(), record.value())
                    .toCompletableFuture()
                    .join();
            result = call.complete(record.key(), record.value(), output, now());
        } catch (CompletionException e) {
            Throwable failure = e.getCause() == null ? e : e.getCause();
            result = call.fallback(record.key(), record.value(), failure, now());
        }
        context.forward(record.withValue(result));
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
