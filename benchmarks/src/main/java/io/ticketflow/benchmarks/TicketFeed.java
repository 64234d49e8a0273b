package io.ticketflow.benchmarks;

import io.ticketflow.testkit.GeneratedTicket;
import io.ticketflow.testkit.TicketGenerator;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes generated tickets to the input topic at a steady rate, as upstream systems would, on its own thread: every
 * 10 ms the tickets due by then. Sends are asynchronous; a failed send is remembered and fails {@link #check()}.
 * The counts are of tickets handed to the producer, whose retries may write a ticket twice.
 */
final class TicketFeed implements AutoCloseable {

    private static final long TICK_MILLIS = 10;

    private final TicketGenerator generator;
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ticket-feed").daemon().factory());
    private final AtomicLong sent = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private long startedAt;
    private double perSecond;

    TicketFeed(String bootstrapServers, String topic, TicketGenerator generator) {
        this.generator = generator;
        this.topic = topic;
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        // Not idempotent: under a contended CPU the in-process broker answered a retried first batch
                        // of an idempotent producer with OUT_OF_ORDER_SEQUENCE_NUMBER until it expired. Tickets have
                        // distinct keys, so a ticket written twice by a retry only adds one to the load.
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        false,
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Sends {@code count} tickets at once and waits until they are written: a backlog to start from. */
    void sendNow(int count) {
        for (int i = 0; i < count; i++) {
            send();
        }
        producer.flush();
        check();
    }

    /** Starts sending {@code perSecond} tickets a second until closed. */
    void start(double perSecond) {
        this.perSecond = perSecond;
        this.startedAt = System.nanoTime();
        long base = sent.get();
        thread.scheduleAtFixedRate(
                () -> {
                    long due = base + (long) ((System.nanoTime() - startedAt) / 1e9 * this.perSecond);
                    while (sent.get() < due && failure.get() == null) {
                        send();
                    }
                },
                0,
                TICK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Tickets sent so far. */
    long sent() {
        return sent.get();
    }

    /** @throws IllegalStateException if a send failed */
    void check() {
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("Could not feed tickets: " + failed, failed);
        }
    }

    private void send() {
        GeneratedTicket ticket = generator.next();
        producer.send(new ProducerRecord<>(topic, ticket.key(), ticket.value()), (metadata, exception) -> {
            if (exception != null) {
                failure.compareAndSet(null, exception);
            }
        });
        sent.incrementAndGet();
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }
}
