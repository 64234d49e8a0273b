package io.ticketflow.localstack;

import io.ticketflow.testkit.GeneratedTicket;
import io.ticketflow.testkit.TicketGenerator;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds sample tickets to {@code tickets.ingested} at a steady rate, as an upstream system would, and counts what it
 * sent by kind. Runs on its own thread; the counts may be read from any thread.
 */
final class SampleFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SampleFeed.class);

    private final TicketGenerator generator;
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final int total;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sample-feed").daemon().factory());
    private final Map<GeneratedTicket.Kind, Integer> sent = new EnumMap<>(GeneratedTicket.Kind.class);
    private int fed;
    private int completed;

    SampleFeed(String bootstrapServers, String topic, TicketGenerator generator, int total) {
        this.generator = generator;
        this.topic = topic;
        this.total = total;
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Starts feeding {@code ratePerSecond} tickets a second until the total is sent. */
    void start(double ratePerSecond) {
        long periodMicros = Math.max(1, Math.round(1_000_000 / ratePerSecond));
        scheduler.scheduleAtFixedRate(this::sendOne, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    /** Tickets sent so far, by kind. */
    synchronized Map<GeneratedTicket.Kind, Integer> sent() {
        return new EnumMap<>(sent);
    }

    /** Whether every ticket has been sent (or failed to send), and counted in {@link #sent()}. */
    synchronized boolean finished() {
        return completed >= total;
    }

    private void sendOne() {
        synchronized (this) {
            if (fed >= total) {
                scheduler.shutdown();
                return;
            }
            fed++;
        }
        GeneratedTicket ticket = generator.next();
        try {
            producer.send(new ProducerRecord<>(topic, ticket.key(), ticket.value()))
                    .get();
            synchronized (this) {
                sent.merge(ticket.kind(), 1, Integer::sum);
            }
        } catch (ExecutionException e) {
            log.warn(
                    "Could not send sample ticket {}: {}",
                    ticket.key(),
                    e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Counted only once the send is done: a reader that sees finished() also sees the last ticket in sent().
            synchronized (this) {
                completed++;
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        producer.close();
    }
}
