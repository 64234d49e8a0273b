package io.ticketflow.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads a topic as downstream consumers must: {@code read_committed}, from the start to the current end. */
public final class CommittedRecords {

    private CommittedRecords() {}

    /** The values of every committed record of {@code topic}, partition by partition. */
    public static <V> List<V> read(String bootstrapServers, String topic, Deserializer<V> values) {
        return records(bootstrapServers, topic, values).stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    /** Every committed record of {@code topic}, headers included, partition by partition. */
    public static <V> List<ConsumerRecord<byte[], V>> records(
            String bootstrapServers, String topic, Deserializer<V> values) {
        List<ConsumerRecord<byte[], V>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new ByteArrayDeserializer(),
                values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Under read_committed the end offsets are the last stable offsets: open transactions end the read.
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
