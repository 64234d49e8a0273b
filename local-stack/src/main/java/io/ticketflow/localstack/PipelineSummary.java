package io.ticketflow.localstack;

import io.ticketflow.schemas.Review;
import io.ticketflow.schemas.ReviewOutcome;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Counts what the pipeline has committed to its output topics, read as a downstream consumer must
 * ({@code read_committed}): enriched tickets, tickets awaiting review (approvals requested, minus tickets released
 * after review), and the dead letters by reason. Polls on its own thread; {@link #snapshot()} may be
 * called from any thread.
 */
final class PipelineSummary implements AutoCloseable {

    private static final Deserializer<TicketEnriched> ENRICHED =
            Topics.TICKETS_ENRICHED.valueSerde().deserializer();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String enrichedTopic;
    private final String requestedTopic;
    private final String deadLetterTopic;
    private final String reasonHeader;
    private final Thread poller;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final long startedNanos = System.nanoTime();
    private long enriched;
    private long requested;
    private long releasedAfterReview;
    private long firstEnrichedNanos = -1;
    private final Map<String, Long> deadLettersByReason = new TreeMap<>();

    PipelineSummary(
            String bootstrapServers,
            String enrichedTopic,
            String requestedTopic,
            String deadLetterTopic,
            String reasonHeader) {
        this.enrichedTopic = enrichedTopic;
        this.requestedTopic = requestedTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.reasonHeader = reasonHeader;
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.poller = Thread.ofPlatform().name("pipeline-summary").daemon().unstarted(this::poll);
    }

    /**
     * Starts counting. Only records committed from now on are counted (the summary describes this run, also when the
     * data folder holds earlier runs).
     */
    void start() {
        // Assigned, not subscribed: no group to join, so counting starts at once, at the current end of each partition.
        List<TopicPartition> partitions = Stream.of(enrichedTopic, requestedTopic, deadLetterTopic)
                .flatMap(topic -> consumer.partitionsFor(topic).stream())
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller.start();
    }

    /** What has been counted so far. */
    synchronized Snapshot snapshot() {
        Duration firstEnriched = firstEnrichedNanos < 0 ? null : Duration.ofNanos(firstEnrichedNanos - startedNanos);
        return new Snapshot(enriched, requested - releasedAfterReview, Map.copyOf(deadLettersByReason), firstEnriched);
    }

    private void poll() {
        try {
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    count(record);
                }
            }
        } catch (WakeupException e) {
            // close() woke the poller up to stop it.
        } finally {
            consumer.close();
        }
    }

    private synchronized void count(ConsumerRecord<byte[], byte[]> record) {
        if (record.topic().equals(enrichedTopic)) {
            enriched++;
            if (firstEnrichedNanos < 0) {
                firstEnrichedNanos = System.nanoTime();
            }
            if (wasReviewed(record)) {
                releasedAfterReview++;
            }
        } else if (record.topic().equals(requestedTopic)) {
            requested++;
        } else {
            Header reason = record.headers().lastHeader(reasonHeader);
            String code = reason == null ? "(no reason header)" : new String(reason.value(), StandardCharsets.UTF_8);
            deadLettersByReason.merge(code, 1L, Long::sum);
        }
    }

    /** Whether an enriched ticket left after a human decision (or an expired approval) rather than auto-approved. */
    private boolean wasReviewed(ConsumerRecord<byte[], byte[]> record) {
        Review review = ENRICHED.deserialize(record.topic(), record.value()).review();
        return review != null && review.outcome() != ReviewOutcome.AUTO_APPROVED;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        poller.join(Duration.ofSeconds(10));
    }

    /**
     * The counts at one moment.
     *
     * @param enriched tickets committed to {@code tickets.enriched}
     * @param awaitingReview tickets parked for review and not yet released by a decision
     * @param deadLettersByReason records committed to {@code tickets.dlq}, by reason code
     * @param firstEnriched time from the start of counting to the first enriched ticket; {@code null} before it
     */
    record Snapshot(long enriched, long awaitingReview, Map<String, Long> deadLettersByReason, Duration firstEnriched) {
        long deadLetters() {
            return deadLettersByReason.values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }
}
