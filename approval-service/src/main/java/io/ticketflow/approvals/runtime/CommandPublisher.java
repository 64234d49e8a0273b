package io.ticketflow.approvals.runtime;

import io.ticketflow.approvals.ledger.DecisionCommand;
import io.ticketflow.schemas.topic.Topic;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends decision commands to {@code approvals.commands}, keyed by ticket id, idempotently (no duplicates from
 * retries) and acknowledged by all in-sync replicas. Thread-safe.
 */
public final class CommandPublisher implements AutoCloseable {

    private final Topic<String, DecisionCommand> topic;
    private final KafkaProducer<String, DecisionCommand> producer;

    CommandPublisher(Map<String, Object> clientConfig, Topic<String, DecisionCommand> topic) {
        this.topic = topic;
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(
                config, topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    /** Sends {@code command}; completes when the broker has it. May block briefly while metadata is fetched. */
    public CompletableFuture<Void> send(DecisionCommand command) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic.name(), command.ticketId(), command), (metadata, error) -> {
            if (error == null) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(error);
            }
        });
        return sent;
    }

    @Override
    public void close() {
        producer.close();
    }
}
