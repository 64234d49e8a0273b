package io.ticketflow.topology.async;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.ticketflow.topology.config.AsyncSettings;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Calls a model for each record without blocking the stream thread, and forwards the outcome in order.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Durable in flight.</b> A record is written to the stage's changelogged in-flight store before its call
 *       starts, and removed in the same transaction that forwards its outcome. After a crash or rebalance the task's
 *       new owner restores the store and re-issues every call still in it; under {@code exactly_once_v2} nothing is
 *       lost and nothing is forwarded twice (an outcome forwarded before the crash but not committed is aborted).
 *       A call may therefore be <em>made</em> more than once; calls must be safe to repeat, as model calls are.
 *   <li><b>Per-key order.</b> Records with the same {@linkplain AsyncCall#orderKey order key} (by default the record
 *       key) are called one at a time, in the order they arrived, and forwarded in that order; records with different
 *       order keys are called concurrently.
 *   <li><b>Forwarded on the stream thread only.</b> Calls complete on any thread; their outcomes are queued and
 *       forwarded from {@link #process} and from a wall-clock punctuator every
 *       {@link AsyncSettings#drainInterval()}.
 *   <li><b>Bounded.</b> At most {@link AsyncSettings#maxInFlight()} records per task are held (called or waiting
 *       behind an earlier record of their key). When full, {@link #process} waits, forwarding completions as they
 *       arrive, until one leaves: backpressure that slows consumption instead of growing memory. The wait is bounded
 *       by the call budget, well below {@code max.poll.interval.ms}.
 *   <li><b>Never stuck, never dropped.</b> A call that has not completed within {@link AsyncSettings#callBudget()}
 *       counts as failed. A failed call (the model's own retries, quota waits and circuit breaker live in the model
 *       decorators of {@code ai.guard}) is turned into a record by {@link AsyncCall#fallback}, which goes on.
 * </ul>
 *
 * <p><b>Limitations.</b> The bound is per task, not per instance: an instance with many tasks holds up to
 * {@code tasks × maxInFlight} records. Yet while a full stage waits, its stream thread serves no other task, so under
 * a backlog {@code maxInFlight} is in effect the calls one stream thread keeps going in this stage. A key with a slow
 * call holds back later records of the same key only. Wall-clock punctuation means outcomes of an idle partition are
 * forwarded within one drain interval, not at once.
 *
 * <p><b>Placement.</b> Kafka Streams gives every task of a stream thread the same number of records per loop, and a
 * full stage spends each of its records waiting for a completion. A stage fed from a backlog therefore sets the pace of
 * the whole thread: a task that consumes its outcomes through a repartition topic, if it has fewer partitions with
 * data (a handful of dedup scopes against every ticket partition), gets only that share of the stage's pace and falls
 * behind for good. Outcomes of such a stage should be consumed in its own task; see {@code TicketTopology}.
 *
 * <p>Not thread-safe: Kafka Streams calls it on one stream thread; only completion callbacks run elsewhere, and they
 * touch nothing but a concurrent queue.
 *
 * @param <V> value received
 * @param <O> what the call produces
 * @param <R> value forwarded
 */
public final class AsyncProcessor<V, O, R> implements Processor<String, V, String, R> {

    private final String stage;
    private final String storeName;
    private final AsyncCall<V, O, R> call;
    private final AsyncSettings settings;
    private final MeterRegistry meters;

    /**
     * Completions, filled by callback threads and emptied by the stream thread. Replaced at each {@link #init}: calls
     * started before a task was closed and revived complete into the old queue, which nobody reads any more.
     */
    private BlockingQueue<Completion<O>> completions = new LinkedBlockingQueue<>();

    /** Per order key, the sequence numbers of its held records, oldest (the one being called) first. */
    private final Map<String, ArrayDeque<Long>> heldByKey = new HashMap<>();

    private final Map<Long, InFlightRecord<V>> held = new HashMap<>();
    private ProcessorContext<String, R> context;
    private KeyValueStore<Long, InFlightRecord<V>> store;
    private long nextSequence;
    private volatile int heldCount;
    private volatile int calling;
    private List<Gauge> gauges = List.of();
    private Timer backpressureWait;
    private Counter fallbacks;

    AsyncProcessor(
            String stage, String storeName, AsyncCall<V, O, R> call, AsyncSettings settings, MeterRegistry meters) {
        this.stage = stage;
        this.storeName = storeName;
        this.call = call;
        this.settings = settings;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, R> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        // Kafka Streams may close and re-initialise the same instance (a revived task after a rollback under
        // exactly-once): everything held in memory is rebuilt from the store, which is the truth.
        completions = new LinkedBlockingQueue<>();
        held.clear();
        heldByKey.clear();
        nextSequence = 0;
        heldCount = 0;
        calling = 0;
        registerMetrics(context.taskId().toString());
        reissueRestoredCalls();
        context.schedule(settings.drainInterval(), PunctuationType.WALL_CLOCK_TIME, now -> forwardCompletions());
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null) {
            // Per-key order needs a key; upstream stages key every ticket by its id.
            throw new StreamsException("The " + stage + " stage needs keyed records");
        }
        forwardCompletions();
        awaitCapacity();
        long sequence = nextSequence++;
        InFlightRecord<V> accepted = new InFlightRecord<>(
                record.key(),
                record.value(),
                record.timestamp(),
                new RecordHeaders(record.headers().toArray()));
        store.put(sequence, accepted);
        hold(sequence, accepted);
    }

    @Override
    public void close() {
        gauges.forEach(meters::remove);
        if (backpressureWait != null) {
            meters.remove(backpressureWait);
            meters.remove(fallbacks);
        }
        // Calls still running complete into a queue nobody reads; the store keeps their records for the next owner.
    }

    /** After a restart or rebalance: every record still in the store is held again and its call re-issued. */
    private void reissueRestoredCalls() {
        try (KeyValueIterator<Long, InFlightRecord<V>> restored = store.all()) {
            while (restored.hasNext()) {
                KeyValue<Long, InFlightRecord<V>> entry = restored.next();
                hold(entry.key, entry.value);
                nextSequence = Math.max(nextSequence, entry.key + 1);
            }
        }
    }

    private void hold(long sequence, InFlightRecord<V> record) {
        held.put(sequence, record);
        heldCount = held.size();
        ArrayDeque<Long> queue = heldByKey.computeIfAbsent(orderKeyOf(record), key -> new ArrayDeque<>());
        queue.addLast(sequence);
        if (queue.size() == 1) {
            startCall(sequence, record);
        }
    }

    private void startCall(long sequence, InFlightRecord<V> record) {
        calling++;
        BlockingQueue<Completion<O>> queue = completions;
        CompletableFuture<O> bounded = new CompletableFuture<>();
        try {
            CompletionStage<O> started = call.start(record.key(), record.value());
            started.whenComplete((output, failure) -> {
                if (failure == null) {
                    bounded.complete(output);
                } else {
                    bounded.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            bounded.completeExceptionally(e);
        }
        bounded.orTimeout(settings.callBudget().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((output, failure) -> queue.add(new Completion<>(sequence, output, failure)));
    }

    private void forwardCompletions() {
        Completion<O> completion;
        while ((completion = completions.poll()) != null) {
            forward(completion);
        }
    }

    private void forward(Completion<O> completion) {
        InFlightRecord<V> record = held.remove(completion.sequence());
        heldCount = held.size();
        calling--;
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        R outcome;
        if (completion.failure() == null) {
            outcome = call.complete(record.key(), record.value(), completion.output(), now);
        } else {
            fallbacks.increment();
            outcome = call.fallback(record.key(), record.value(), unwrap(completion.failure()), now);
        }
        context.forward(new Record<>(record.key(), outcome, record.timestamp(), record.headers()));
        store.delete(completion.sequence());
        startNextOfKey(orderKeyOf(record));
    }

    private String orderKeyOf(InFlightRecord<V> record) {
        return call.orderKey(record.key(), record.value());
    }

    private void startNextOfKey(String key) {
        ArrayDeque<Long> queue = heldByKey.get(key);
        queue.removeFirst();
        if (queue.isEmpty()) {
            heldByKey.remove(key);
        } else {
            long next = queue.getFirst();
            startCall(next, held.get(next));
        }
    }

    /** Backpressure: while the stage is full, wait for completions and forward them. */
    private void awaitCapacity() {
        if (held.size() < settings.maxInFlight()) {
            return;
        }
        long started = System.nanoTime();
        try {
            while (held.size() >= settings.maxInFlight()) {
                Completion<O> completion =
                        completions.poll(settings.drainInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (completion != null) {
                    forward(completion);
                    forwardCompletions();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamsException("Interrupted while the " + stage + " stage waited for capacity", e);
        } finally {
            backpressureWait.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private void registerMetrics(String task) {
        Tags tags = Tags.of("stage", stage, "task", task);
        gauges = List.of(
                Gauge.builder("ticketflow.async.held", this, p -> p.heldCount)
                        .description("Records held by the stage: in a call or waiting behind their key")
                        .tags(tags)
                        .register(meters),
                Gauge.builder("ticketflow.async.calling", this, p -> p.calling)
                        .description("Records whose call is running")
                        .tags(tags)
                        .register(meters),
                Gauge.builder("ticketflow.async.queued", this, p -> p.heldCount - p.calling)
                        .description("Records waiting behind an earlier record of their key")
                        .tags(tags)
                        .register(meters));
        backpressureWait = Timer.builder("ticketflow.async.backpressure.wait")
                .description("Time the stream thread waited for the stage to have room")
                .tags(tags)
                .register(meters);
        fallbacks = Counter.builder("ticketflow.async.fallbacks")
                .description("Records that went on without their call's outcome (the call failed for good)")
                .tags(tags)
                .register(meters);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private record Completion<O>(long sequence, O output, Throwable failure) {}
}
