package io.ticketflow.benchmarks;

import io.ticketflow.schemas.ApprovalRequested;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Counts the tickets a pipeline lets out, as they are committed, on its own thread, with a {@code read_committed}
 * consumer from the start of every partition of its topics: each topic's records, and those that went on without a
 * triage because the model call failed for good ("AI unavailable"). The counts may be read from any thread.
 */
final class OutputCounter implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Predicate<byte[]>> fallbackTests;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param fallbackTests the topics to count, each with how to tell a ticket that went on without a triage
     */
    OutputCounter(String bootstrapServers, int partitions, Map<String, Predicate<byte[]>> fallbackTests) {
        this.fallbackTests = Map.copyOf(fallbackTests);
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> assigned = new ArrayList<>();
        for (String topic : fallbackTests.keySet()) {
            counts.put(topic, new AtomicLong());
            for (int partition = 0; partition < partitions; partition++) {
                assigned.add(new TopicPartition(topic, partition));
            }
        }
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        this.thread = Thread.ofPlatform().name("output-counter").daemon().start(this::count);
    }

    /** Tells an enriched ticket that went on without a triage. */
    static Predicate<byte[]> enrichedWithoutTriage() {
        Deserializer<TicketEnriched> values =
                Topics.TICKETS_ENRICHED.valueSerde().deserializer();
        return value ->
                values.deserialize(Topics.TICKETS_ENRICHED.name(), value).triage() == null;
    }

    /** Tells a review request for a ticket the AI could not triage. */
    static Predicate<byte[]> reviewWithoutSuggestion() {
        Deserializer<ApprovalRequested> values =
                Topics.APPROVALS_REQUESTED.valueSerde().deserializer();
        return value ->
                values.deserialize(Topics.APPROVALS_REQUESTED.name(), value).suggestion() == null;
    }

    /** Records so far, on all topics. */
    long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Records so far on {@code topic}. */
    long count(String topic) {
        return counts.get(topic).get();
    }

    /** Tickets that went on without a triage. */
    long fallbacks() {
        return fallbacks.get();
    }

    /** @throws IllegalStateException if reading failed */
    void check() {
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("Could not read the output: " + failed, failed);
        }
    }

    private void count() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    counts.get(record.topic()).incrementAndGet();
                    if (fallbackTests.get(record.topic()).test(record.value())) {
                        fallbacks.incrementAndGet();
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure.set(e);
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10));
    }
}
