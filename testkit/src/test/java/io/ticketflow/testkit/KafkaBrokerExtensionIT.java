package io.ticketflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared broker as tests see it, through parameters. */
@WithKafkaBroker
class KafkaBrokerExtensionIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static KafkaCluster clusterBeforeAll;

    @BeforeAll
    static void rememberCluster(KafkaCluster cluster) {
        clusterBeforeAll = cluster;
    }

    @Test
    void shouldShareOneBrokerWithEveryTestClassOfTheJvm(KafkaCluster cluster) throws Exception {
        KafkaCluster first = FirstSharedCluster.remember(cluster);

        assertThat(cluster).isSameAs(clusterBeforeAll).isSameAs(first);
        assertThat(cluster.bootstrapServers()).isEqualTo(first.bootstrapServers());
        assertThat(cluster.admin().describeCluster().clusterId().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .isEqualTo(first.clusterId());
    }

    @Test
    void shouldCreateUniquelyNamedTopicsWithTheRequestedPartitions(KafkaCluster cluster) throws Exception {
        String first = cluster.uniqueTopic("tickets.ingested");
        String second = cluster.uniqueTopic("tickets.ingested");

        cluster.createTopics(3, first, second);

        assertThat(first).isNotEqualTo(second);
        Map<String, TopicDescription> topics = cluster.admin()
                .describeTopics(List.of(first, second))
                .allTopicNames()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(topics.values())
                .allSatisfy(topic -> assertThat(topic.partitions()).hasSize(3));
    }

    @Test
    void shouldRefuseToCreateATopicThatExists(KafkaCluster cluster) {
        String topic = cluster.uniqueTopic("existing");
        cluster.createTopics(1, topic);

        assertThatThrownBy(() -> cluster.createTopics(1, topic))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(topic);
    }

    @Test
    void shouldCarryGeneratedTicketsThroughTheBrokerUnchanged(KafkaCluster cluster) {
        String topic = cluster.uniqueTopic(Topics.TICKETS_INGESTED.name());
        cluster.createTopics(3, topic);
        List<GeneratedTicket> sent = TicketGenerator.builder()
                .seed(11)
                .clock(Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC))
                .mix(TicketMix.NEW_ONLY)
                .build()
                .next(50);

        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(producerConfig(cluster), new StringSerializer(), new ByteArraySerializer())) {
            sent.forEach(ticket -> producer.send(new ProducerRecord<>(topic, ticket.key(), ticket.value())));
        }
        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                consumerConfig(cluster, IsolationLevel.READ_UNCOMMITTED),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(received::add);
                return received.size() >= sent.size();
            });
        }

        assertThat(received).hasSize(sent.size()).allSatisfy(record -> {
            TicketIngested ticket =
                    Topics.TICKETS_INGESTED.valueSerde().deserializer().deserialize(topic, record.value());
            assertThat(ticket.id()).isEqualTo(record.key());
        });
        assertThat(received.stream().map(ConsumerRecord::key))
                .containsExactlyInAnyOrderElementsOf(
                        sent.stream().map(GeneratedTicket::key).toList());
    }

    @Test
    void shouldShowReadCommittedConsumersOnlyCommittedTransactions(KafkaCluster cluster) {
        String topic = cluster.uniqueTopic("transactions");
        cluster.createTopics(1, topic);

        Map<String, Object> transactional = producerConfig(cluster);
        transactional.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, cluster.uniqueApplicationId("transactional"));
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(transactional, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "T-1", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "T-2", "committed-2"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "T-3", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "T-4", "committed-3"));
            producer.commitTransaction();
        }

        assertThat(readAll(cluster, topic, IsolationLevel.READ_COMMITTED, 3))
                .containsExactly("committed-1", "committed-2", "committed-3");
        assertThat(readAll(cluster, topic, IsolationLevel.READ_UNCOMMITTED, 4))
                .containsExactly("committed-1", "committed-2", "aborted", "committed-3");
    }

    /** Reads {@code topic} from the start until {@code expected} values arrived. */
    private static List<String> readAll(KafkaCluster cluster, String topic, IsolationLevel isolation, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                consumerConfig(cluster, isolation), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> values.add(record.value()));
                return values.size() >= expected;
            });
        }
        return values;
    }

    private static Map<String, Object> producerConfig(KafkaCluster cluster) {
        Map<String, Object> config = new java.util.HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    private static Map<String, Object> consumerConfig(KafkaCluster cluster, IsolationLevel isolation) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, cluster.uniqueApplicationId("reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
    }
}
