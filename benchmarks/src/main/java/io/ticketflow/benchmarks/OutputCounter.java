package io.ticketflow.benchmarks;

import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts the enriched tickets committed to an output topic as they arrive, on its own thread, with a
 * {@code read_committed} consumer from the start of every partition: triaged ones, and those the fallback let through
 * without a triage ("AI unavailable"). The counts may be read from any thread.
 */
final class OutputCounter implements AutoCloseable {

    private final KafkaConsumer<String, TicketEnriched> consumer;
    private final Thread thread;
    private final AtomicLong triaged = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private volatile boolean running = true;

    OutputCounter(String bootstrapServers, String topic, int partitions) {
        Deserializer<TicketEnriched> values =
                Topics.TICKETS_ENRICHED.valueSerde().deserializer();
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
                new StringDeserializer(),
                values);
        List<TopicPartition> assigned = java.util.stream.IntStream.range(0, partitions)
                .mapToObj(partition -> new TopicPartition(topic, partition))
                .toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        this.thread = Thread.ofPlatform().name("output-" + topic).daemon().start(this::count);
    }

    /** Enriched tickets so far, triaged or not. */
    long total() {
        return triaged.get() + fallbacks.get();
    }

    /** Enriched tickets that went on without a triage (the model call failed for good). */
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
                for (ConsumerRecord<String, TicketEnriched> record : consumer.poll(Duration.ofMillis(200))) {
                    (record.value().triage() == null ? fallbacks : triaged).incrementAndGet();
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
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
