package io.ticketflow.topology.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.topology.ai.ModelException;
import io.ticketflow.topology.config.AsyncSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncProcessorTest {

    private static final String STORE = "test-inflight";

    private final ControlledCall call = new ControlledCall();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ExecutorService otherThread = Executors.newSingleThreadExecutor();
    private MockProcessorContext<String, String> context;
    private KeyValueStore<Long, InFlightRecord<String>> store;
    private AsyncProcessor<String, String, String> processor;

    @AfterEach
    void stop() {
        otherThread.shutdownNow();
    }

    @Test
    void shouldForwardRecordsOfOneKeyInArrivalOrderWhateverOrderCallsComplete() {
        start(settings(10, Duration.ofMinutes(1)));

        process("A", "a1");
        process("A", "a2");
        process("B", "b1");

        // a2 waits behind a1: only one call per key at a time.
        assertThat(call.started()).containsExactly("a1", "b1");
        call.succeed("b1");
        call.succeed("a1");
        punctuate();
        assertThat(forwarded()).containsExactly("B=b1!", "A=a1!");
        assertThat(call.started()).containsExactly("a1", "b1", "a2");

        call.succeed("a2");
        punctuate();
        assertThat(forwarded()).containsExactly("B=b1!", "A=a1!", "A=a2!");
        assertThat(store.approximateNumEntries()).isZero();
    }

    @Test
    void shouldOrderCallsByTheCallsOrderKeyAndForwardUnderTheRecordKey() {
        call.orderByEntity();
        start(settings(10, Duration.ofMinutes(1)));

        // One record key (a dedup scope) for records of two entities: a and b.
        process("S", "a1");
        process("S", "b1");
        process("S", "a2");

        // b1 is called beside a1; a2 waits behind a1, the earlier record of its entity.
        assertThat(call.started()).containsExactly("a1", "b1");
        call.succeed("b1");
        punctuate();
        assertThat(forwarded()).containsExactly("S=b1!");
        assertThat(call.started()).containsExactly("a1", "b1");

        call.succeed("a1");
        punctuate();
        assertThat(call.started()).containsExactly("a1", "b1", "a2");
        call.succeed("a2");
        punctuate();
        assertThat(forwarded()).containsExactly("S=b1!", "S=a1!", "S=a2!");
        assertThat(store.approximateNumEntries()).isZero();
    }

    @Test
    void shouldKeepEveryHeldRecordInTheStoreUntilItIsForwarded() {
        start(settings(10, Duration.ofMinutes(1)));

        process("A", "a1");
        process("A", "a2");

        assertThat(storedValues()).containsExactly("a1", "a2");
        call.succeed("a1");
        punctuate();
        assertThat(storedValues()).containsExactly("a2");
    }

    @Test
    void shouldNeverForwardFromTheThreadThatCompletedTheCall() throws Exception {
        start(settings(10, Duration.ofMinutes(1)));
        process("A", "a1");

        otherThread.submit(() -> call.succeed("a1")).get();

        assertThat(forwarded()).isEmpty();
        punctuate();
        assertThat(forwarded()).containsExactly("A=a1!");
        assertThat(call.completedOn()).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void shouldHoldNoMoreThanTheBoundAndWaitWhileFull() throws InterruptedException {
        start(settings(2, Duration.ofMinutes(1)));
        process("A", "a1");
        process("B", "b1");

        Thread third = new Thread(() -> process("C", "c1"), "stream-thread-2");
        third.start();
        // Full: the thread processing the third record waits for a completion instead of starting a third call.
        await().until(() -> third.getState() == Thread.State.TIMED_WAITING);
        assertThat(call.started()).containsExactly("a1", "b1");

        call.succeed("a1");
        third.join(Duration.ofSeconds(10));

        assertThat(third.isAlive()).isFalse();
        assertThat(call.maxConcurrent()).isEqualTo(2);
        assertThat(call.started()).containsExactly("a1", "b1", "c1");
        assertThat(forwarded()).containsExactly("A=a1!");
    }

    @Test
    void shouldFallBackWhenTheCallFails() {
        start(settings(10, Duration.ofMinutes(1)));
        process("A", "a1");

        call.fail("a1", new ModelException(ModelException.Kind.UNAVAILABLE, "circuit open"));
        punctuate();

        assertThat(forwarded()).containsExactly("A=fallback(a1: circuit open)");
        assertThat(meters.get("ticketflow.async.fallbacks").counter().count()).isEqualTo(1);
    }

    @Test
    void shouldFallBackWhenStartingTheCallThrows() {
        call.throwOnStart("a1");
        start(settings(10, Duration.ofMinutes(1)));

        process("A", "a1");
        punctuate();

        assertThat(forwarded()).containsExactly("A=fallback(a1: refused at start)");
    }

    @Test
    void shouldFallBackWhenTheCallOutlivesItsBudget() {
        start(settings(10, Duration.ofMillis(50)));
        process("A", "a1");
        process("A", "a2");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            punctuate();
            assertThat(forwarded()).hasSize(2);
        });

        assertThat(forwarded()).allMatch(out -> out.contains("fallback") && out.contains("TimeoutException"));
    }

    @Test
    void shouldReissueRestoredCallsInOrderAfterARestart() {
        MockProcessorContext<String, String> previous = newContext();
        KeyValueStore<Long, InFlightRecord<String>> restored = newStore(previous);
        restored.put(7L, held("A", "a1"));
        restored.put(8L, held("B", "b1"));
        restored.put(9L, held("A", "a2"));

        start(settings(10, Duration.ofMinutes(1)), restored);

        assertThat(call.started()).containsExactly("a1", "b1");
        call.succeed("a1");
        call.succeed("b1");
        punctuate();
        assertThat(call.started()).containsExactly("a1", "b1", "a2");
        process("A", "a3");
        call.succeed("a2");
        punctuate();
        assertThat(forwarded()).containsExactly("A=a1!", "B=b1!", "A=a2!");
        // New records get sequence numbers after the restored ones, so a3 still comes after a2.
        assertThat(storedValues()).containsExactly("a3");
    }

    @Test
    void shouldRebuildFromTheStoreAndIgnoreEarlierCallsWhenReinitialised() {
        start(settings(10, Duration.ofMinutes(1)));
        process("A", "a1");
        process("B", "b1");
        call.succeed("b1");
        punctuate();

        // A revived task: Kafka Streams closes and initialises the same processor again.
        processor.close();
        processor.init(context);
        call.succeed("a1");
        punctuate();

        // a1 was re-issued from the store; the completion of the call made before the revival is ignored.
        assertThat(call.started()).containsExactly("a1", "b1", "a1");
        assertThat(forwarded()).containsExactly("B=b1!");
        call.succeedLatest("a1");
        punctuate();
        assertThat(forwarded()).containsExactly("B=b1!", "A=a1!");
        assertThat(store.approximateNumEntries()).isZero();
    }

    @Test
    void shouldCarryTimestampAndHeadersToTheForwardedRecord() {
        start(settings(10, Duration.ofMinutes(1)));
        var headers = new RecordHeaders().add("correlation-id", new byte[] {4, 2});
        processor.process(new Record<>("A", "a1", 1234L, headers));

        call.succeed("a1");
        punctuate();

        var out = context.forwarded().getFirst().record();
        assertThat(out.timestamp()).isEqualTo(1234L);
        assertThat(out.headers().lastHeader("correlation-id").value()).containsExactly(4, 2);
    }

    @Test
    void shouldReportHeldRecordsAsAGauge() {
        start(settings(10, Duration.ofMinutes(1)));
        process("A", "a1");
        process("A", "a2");

        assertThat(meters.get("ticketflow.async.held").gauge().value()).isEqualTo(2);
        assertThat(meters.get("ticketflow.async.queued").gauge().value()).isEqualTo(1);
    }

    private void start(AsyncSettings settings) {
        context = newContext();
        start(settings, newStore(context));
    }

    private void start(AsyncSettings settings, KeyValueStore<Long, InFlightRecord<String>> existing) {
        if (context == null) {
            context = newContext();
        }
        store = existing;
        context.addStateStore(store);
        processor = new AsyncProcessor<>("test", STORE, call, settings, meters);
        processor.init(context);
    }

    private static MockProcessorContext<String, String> newContext() {
        MockProcessorContext<String, String> context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(0L);
        return context;
    }

    private static KeyValueStore<Long, InFlightRecord<String>> newStore(MockProcessorContext<String, String> ctx) {
        KeyValueStore<Long, InFlightRecord<String>> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(STORE), Serdes.Long(), new InFlightRecordSerde<>(Serdes.String()))
                .withLoggingDisabled()
                .build();
        store.init(ctx.getStateStoreContext(), store);
        return store;
    }

    private static InFlightRecord<String> held(String key, String value) {
        return new InFlightRecord<>(key, value, 0L, new RecordHeaders());
    }

    private static AsyncSettings settings(int maxInFlight, Duration budget) {
        return new AsyncSettings(maxInFlight, Duration.ofMillis(10), budget);
    }

    private void process(String key, String value) {
        processor.process(new Record<>(key, value, 0L));
    }

    private void punctuate() {
        context.scheduledPunctuators().getFirst().getPunctuator().punctuate(0L);
    }

    private List<String> forwarded() {
        return context.forwarded().stream()
                .map(f -> f.record().key() + "=" + f.record().value())
                .toList();
    }

    private List<String> storedValues() {
        List<String> values = new ArrayList<>();
        try (var all = store.all()) {
            all.forEachRemaining(entry -> values.add(entry.value.value()));
        }
        return values;
    }

    /** A call whose completions the test controls, recording where and how it is used. */
    private static final class ControlledCall implements AsyncCall<String, String, String> {
        private final Map<String, List<CompletableFuture<String>>> calls = new ConcurrentHashMap<>();
        private final List<String> started = new CopyOnWriteArrayList<>();
        private final List<String> completedOn = new CopyOnWriteArrayList<>();
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger maxConcurrent = new AtomicInteger();
        private volatile String refuse;
        private boolean orderByEntity;

        /** Orders calls by the entity a value names (its first letter) instead of by the record key. */
        void orderByEntity() {
            orderByEntity = true;
        }

        @Override
        public String orderKey(String key, String value) {
            return orderByEntity ? value.substring(0, 1) : key;
        }

        @Override
        public CompletionStage<String> start(String key, String value) {
            if (value.equals(refuse)) {
                throw new IllegalStateException("refused at start");
            }
            started.add(value);
            maxConcurrent.accumulateAndGet(running.incrementAndGet(), Math::max);
            CompletableFuture<String> future = new CompletableFuture<>();
            calls.computeIfAbsent(value, v -> new CopyOnWriteArrayList<>()).add(future);
            return future.whenComplete((output, failure) -> running.decrementAndGet());
        }

        @Override
        public String complete(String key, String value, String output, Instant now) {
            completedOn.add(Thread.currentThread().getName());
            return output + "!";
        }

        @Override
        public String fallback(String key, String value, Throwable failure, Instant now) {
            completedOn.add(Thread.currentThread().getName());
            String reason = failure instanceof ModelException || failure instanceof IllegalStateException
                    ? failure.getMessage()
                    : failure.getClass().getSimpleName();
            return "fallback(" + value + ": " + reason + ")";
        }

        /** Completes the first call made for {@code value}. */
        void succeed(String value) {
            calls.get(value).getFirst().complete(value);
        }

        /** Completes the latest call made for {@code value} (a re-issued one). */
        void succeedLatest(String value) {
            calls.get(value).getLast().complete(value);
        }

        void fail(String value, Throwable failure) {
            calls.get(value).getFirst().completeExceptionally(failure);
        }

        void throwOnStart(String value) {
            refuse = value;
        }

        List<String> started() {
            return List.copyOf(started);
        }

        List<String> completedOn() {
            return List.copyOf(completedOn);
        }

        int maxConcurrent() {
            return maxConcurrent.get();
        }
    }
}
