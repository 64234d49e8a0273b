package io.ticketflow.approvals.runtime;

import io.ticketflow.approvals.ledger.LedgerEvent;
import io.ticketflow.schemas.topic.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads {@code approvals.events} on one thread of its own, {@code read_committed} (so only decisions whose
 * transaction committed are announced), every partition, from the end as of start-up, and hands every event to the
 * listener. Every instance reads every event: the instance that took a decision request answers it, whichever
 * instance's ledger task applied it. No consumer group: nothing to rebalance or commit.
 */
public final class LedgerEventsReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerEventsReader.class);

    private final Map<String, Object> clientConfig;
    private final Topic<String, LedgerEvent> topic;
    private final Consumer<LedgerEvent> listener;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private volatile KafkaConsumer<String, LedgerEvent> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    LedgerEventsReader(
            Map<String, Object> clientConfig, Topic<String, LedgerEvent> topic, Consumer<LedgerEvent> listener) {
        this.clientConfig = clientConfig;
        this.topic = topic;
        this.listener = listener;
    }

    @Override
    public void start() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(
                config, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        running = true;
        thread = new Thread(this::run, "approvals-events-reader");
        thread.setDaemon(true);
        thread.start();
        try {
            // Decision requests must not be sent before the reader knows where "now" is, or their answer is missed.
            if (!positioned.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Cannot position the reader of " + topic.name() + " within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the reader of " + topic.name(), e);
        }
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(60)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (running) {
                try {
                    for (ConsumerRecord<String, LedgerEvent> record : consumer.poll(Duration.ofSeconds(1))) {
                        deliver(record.value());
                    }
                } catch (RecordDeserializationException e) {
                    log.warn("Skipping an unreadable record of {} at offset {}", e.topicPartition(), e.offset(), e);
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
        } catch (WakeupException e) {
            // stop() woke the consumer: leave.
        } catch (RuntimeException e) {
            log.error("The reader of {} failed; decision requests will answer 202 from now on", topic.name(), e);
        } finally {
            consumer.close();
        }
    }

    private void deliver(LedgerEvent event) {
        if (event == null) {
            return;
        }
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            log.warn("A listener of {} failed on the event of ticket {}", topic.name(), event.ticketId(), e);
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, LedgerEvent> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread reader = thread;
        if (reader != null) {
            try {
                reader.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the ledger (which creates the topic), before the web server takes requests. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 3072;
    }
}
