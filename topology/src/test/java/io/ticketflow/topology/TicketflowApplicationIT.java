package io.ticketflow.topology;

import static io.ticketflow.topology.Tickets.bytes;
import static io.ticketflow.topology.Tickets.json;
import static io.ticketflow.topology.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.testkit.KafkaCluster;
import io.ticketflow.testkit.WithKafkaBroker;
import io.ticketflow.topology.deadletter.DeadLetterHeaders;
import io.ticketflow.topology.runtime.StreamsRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application against a real broker: topics created, tickets enriched or sent to review (by the default
 * routing), bad records dead-lettered.
 */
@WithKafkaBroker
class TicketflowApplicationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    KafkaCluster kafka;

    @TempDir
    Path stateDir;

    @Test
    void shouldEnrichValidTicketsDeadLetterPoisonRecordsAndNotReEmitAfterRestart() throws Exception {
        String prefix = kafka.uniqueTopic("app") + ".";
        String applicationId = kafka.uniqueApplicationId("topology-it");
        String ingested = prefix + Topics.TICKETS_INGESTED.name();
        String enriched = prefix + Topics.TICKETS_ENRICHED.name();
        String deadLetters = prefix + Topics.TICKETS_DLQ.name();
        String requested = prefix + Topics.APPROVALS_REQUESTED.name();

        try (ConfigurableApplicationContext app = start(prefix, applicationId)) {
            assertThat(kafka.admin().listTopics().names().get()).contains(ingested, enriched, deadLetters);
            send(ingested, IntStream.range(0, 10).mapToObj(i -> valid("A-" + i)).toList());
            send(
                    ingested,
                    List.of(
                            new ProducerRecord<>(ingested, "P-1", json("{not json")),
                            new ProducerRecord<>(ingested, "P-2", json("{\"id\":\"P-2\"}")),
                            new ProducerRecord<>(ingested, "someone-else", bytes(ticket("P-3")))));
            send(
                    ingested,
                    IntStream.range(10, 20).mapToObj(i -> valid("A-" + i)).toList());

            // Committed input offsets are not enough: the model stages hold records in flight after their offsets
            // are committed. Wait for the outcomes themselves: enriched, or waiting for a reviewer.
            awaitOutcomes(enriched, requested, 20);
            awaitCommitted(deadLetters, 3);
        }
        try (ConfigurableApplicationContext app = start(prefix, applicationId)) {
            send(
                    ingested,
                    IntStream.range(20, 25).mapToObj(i -> valid("A-" + i)).toList());

            awaitOutcomes(enriched, requested, 25);
            awaitProcessed(applicationId, ingested);
        }

        // Each ticket comes out once: enriched (auto-approved) or parked with an approval request, never both.
        Stream<String> enrichedIds = readCommitted(enriched).stream()
                .map(record -> Topics.TICKETS_ENRICHED
                        .valueSerde()
                        .deserializer()
                        .deserialize(enriched, record.value())
                        .ticket()
                        .id());
        Stream<String> requestedIds = readCommitted(requested).stream()
                .map(record -> Topics.APPROVALS_REQUESTED
                        .valueSerde()
                        .deserializer()
                        .deserialize(requested, record.value())
                        .ticketId());
        Map<String, Long> timesEmitted = Stream.concat(enrichedIds, requestedIds)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(timesEmitted.keySet())
                .as("times each ticket was emitted: %s", timesEmitted)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, 25).mapToObj(i -> "A-" + i).toList());
        assertThat(timesEmitted.values()).allMatch(count -> count == 1L);

        List<ConsumerRecord<byte[], byte[]>> dead = readCommitted(deadLetters);
        assertThat(dead)
                .extracting(record -> header(record, DeadLetterHeaders.REASON))
                .containsExactlyInAnyOrder("UNREADABLE_JSON", "SCHEMA_VIOLATION", "KEY_MISMATCH");
        assertThat(dead).allSatisfy(record -> {
            assertThat(header(record, DeadLetterHeaders.STAGE)).isEqualTo("ingest");
            assertThat(header(record, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(ingested);
        });
    }

    private ConfigurableApplicationContext start(String prefix, String applicationId) {
        // Command-line arguments, because they take precedence over application.properties (default properties
        // would not).
        ConfigurableApplicationContext app = new SpringApplicationBuilder(TicketflowApplication.class)
                .run(
                        "--ticketflow.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--ticketflow.kafka.application-id=" + applicationId,
                        "--ticketflow.kafka.state-dir=" + stateDir,
                        "--ticketflow.topics.prefix=" + prefix,
                        "--ticketflow.topics.partitions=3",
                        "--server.port=0");
        StreamsRunner runner = app.getBean(StreamsRunner.class);
        await().atMost(PATIENCE).until(runner::state, KafkaStreams.State.RUNNING::equals);
        String readiness = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
                + "/actuator/health/readiness";
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get(readiness)).contains("\"UP\""));
        return app;
    }

    private static String get(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }

    private static ProducerRecord<String, byte[]> valid(String id) {
        return new ProducerRecord<>("", id, bytes(ticket(id)));
    }

    private void send(String topic, List<ProducerRecord<String, byte[]>> records) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(new ProducerRecord<>(topic, record.key(), record.value()))
                        .get();
            }
        }
    }

    private void awaitCommitted(String topic, int records) {
        await().atMost(PATIENCE).until(() -> readCommitted(topic).size() >= records);
    }

    private void awaitOutcomes(String enriched, String requested, int tickets) {
        await().atMost(PATIENCE)
                .until(() -> readCommitted(enriched).size()
                                + readCommitted(requested).size()
                        >= tickets);
    }

    /** Waits until the application has committed its position at the end of every input partition. */
    private void awaitProcessed(String applicationId, String topic) {
        await().atMost(PATIENCE).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.admin()
                    .listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = endOffsets(topic);
            return ends.entrySet().stream().allMatch(end -> {
                OffsetAndMetadata position = committed.get(end.getKey());
                return end.getValue().offset() == 0
                        || (position != null
                                && position.offset() >= end.getValue().offset());
            });
        });
    }

    private Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> endOffsets(String topic) throws Exception {
        int partitions = kafka.admin()
                .describeTopics(Set.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .size();
        Map<TopicPartition, OffsetSpec> request = IntStream.range(0, partitions)
                .mapToObj(p -> new TopicPartition(topic, p))
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        return kafka.admin().listOffsets(request).all().get();
    }

    /** Everything committed to {@code topic}, read as a downstream consumer must: {@code read_committed}. */
    private List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) throws Exception {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = endOffsets(topic);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return ends.entrySet().stream()
                        .allMatch(end -> consumer.position(end.getKey())
                                >= end.getValue().offset());
            });
        }
        return records;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
