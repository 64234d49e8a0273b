package io.ticketflow.topology.review;

import static io.ticketflow.topology.Tickets.bytes;
import static io.ticketflow.topology.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.schemas.ApprovalDecided;
import io.ticketflow.schemas.ApprovalRequested;
import io.ticketflow.schemas.Decision;
import io.ticketflow.schemas.Priority;
import io.ticketflow.schemas.ReviewOutcome;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.TriageEdits;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.testkit.KafkaCluster;
import io.ticketflow.testkit.WithKafkaBroker;
import io.ticketflow.topology.CommittedRecords;
import io.ticketflow.topology.FixedModels;
import io.ticketflow.topology.TicketTopology;
import io.ticketflow.topology.config.KafkaSettings;
import io.ticketflow.topology.config.StreamsProperties;
import io.ticketflow.topology.config.TicketflowProperties;
import io.ticketflow.topology.config.TopicSettings;
import io.ticketflow.topology.deadletter.DeadLetterHeaders;
import io.ticketflow.topology.runtime.TopicProvisioner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Human review against a real broker: tickets parked by one Streams instance survive its restart on an empty state
 * folder (restored from the store's changelog), and each decision releases its ticket to {@code tickets.enriched}
 * exactly once, read as consumers read ({@code read_committed}); bad decisions are dead-lettered.
 */
@WithKafkaBroker
class ReviewIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    KafkaCluster kafka;

    @TempDir
    Path firstState;

    @TempDir
    Path secondState;

    @Test
    void shouldReleaseEachParkedTicketOnceOnItsDecisionAcrossARestartWhileParked() throws Exception {
        String prefix = kafka.uniqueTopic("review") + ".";
        String applicationId = kafka.uniqueApplicationId("review");
        FixedModels models = new FixedModels();
        models.answerWith(Priority.P3, "Network", 0.3);
        TicketflowProperties first = settings(applicationId, prefix, firstState);
        TopicProvisioner topics = new TopicProvisioner(kafka.admin(), first.topics(), Duration.ofSeconds(30));
        topics.ensureTopics();
        topics.ensureCoPartitioned();

        try (KafkaStreams streams = start(first, models)) {
            produce(
                    prefix + Topics.TICKETS_INGESTED.name(),
                    Map.of("R-1", bytes(ticket("R-1")), "R-2", bytes(ticket("R-2")), "R-3", bytes(ticket("R-3"))));
            await().atMost(PATIENCE).until(() -> requested(prefix).size() >= 3);
            streams.close(CloseOptions.timeout(Duration.ofSeconds(10)));
        }
        Map<String, ApprovalRequested> approvals =
                requested(prefix).stream().collect(Collectors.toMap(ApprovalRequested::ticketId, Function.identity()));
        assertThat(approvals).containsOnlyKeys("R-1", "R-2", "R-3");
        assertThat(enriched(prefix)).isEmpty();

        // A new instance on an empty state folder: the parked tickets exist only in the store's changelog now.
        try (KafkaStreams streams = start(settings(applicationId, prefix, secondState), models)) {
            String decided = prefix + Topics.APPROVALS_DECIDED.name();
            produce(
                    decided,
                    Map.of(
                            "R-1", decision(approvals.get("R-1"), Decision.APPROVE, null),
                            "R-2",
                                    decision(
                                            approvals.get("R-2"),
                                            Decision.EDIT,
                                            new TriageEdits(Priority.P1, null, null)),
                            "R-404", decision(approvals.get("R-1"), Decision.APPROVE, null),
                            "R-9", "{not json".getBytes(StandardCharsets.UTF_8)));
            await().atMost(PATIENCE)
                    .until(() ->
                            enriched(prefix).size() >= 2 && deadLetters(prefix).size() >= 2);
            // A second decision on a released ticket.
            produce(decided, Map.of("R-1", decision(approvals.get("R-1"), Decision.REJECT, null)));
            await().atMost(PATIENCE).until(() -> deadLetters(prefix).size() >= 3);

            ReadOnlyKeyValueStore<String, ParkedTicket> parked = streams.store(
                    StoreQueryParameters.fromNameAndType(ParkedTickets.STORE, QueryableStoreTypes.keyValueStore()));
            assertThat(parked.get("R-3").approvalId())
                    .isEqualTo(approvals.get("R-3").approvalId());
            assertThat(parked.get("R-1")).isNull();
            streams.close(CloseOptions.timeout(Duration.ofSeconds(10)));
        }

        Map<String, List<TicketEnriched>> released = enriched(prefix).stream()
                .collect(Collectors.groupingBy(ticket -> ticket.ticket().id()));
        assertThat(released).containsOnlyKeys("R-1", "R-2");
        assertThat(released.values()).allSatisfy(copies -> assertThat(copies).hasSize(1));
        assertThat(released.get("R-1").getFirst().review().outcome()).isEqualTo(ReviewOutcome.APPROVED);
        assertThat(released.get("R-2").getFirst().review().outcome()).isEqualTo(ReviewOutcome.EDITED);
        assertThat(released.get("R-2").getFirst().triage().priority()).isEqualTo(Priority.P1);
        assertThat(deadLetters(prefix))
                .extracting(record -> header(record, DeadLetterHeaders.REASON))
                .containsExactlyInAnyOrder("KEY_MISMATCH", "UNREADABLE_RECORD", "NOT_PARKED");
    }

    private TicketflowProperties settings(String applicationId, String prefix, Path stateDir) {
        return new TicketflowProperties(
                new KafkaSettings(kafka.bootstrapServers(), applicationId, null, null, null, stateDir, null, null),
                new TopicSettings(prefix, true, 3, 1),
                null,
                null,
                null,
                null,
                null);
    }

    private static KafkaStreams start(TicketflowProperties settings, FixedModels models) {
        KafkaStreams streams = new KafkaStreams(
                TicketTopology.build(settings, models.enrichment(), new SimpleMeterRegistry()),
                StreamsProperties.of(settings));
        streams.start();
        await().atMost(PATIENCE).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return streams;
    }

    private void produce(String topic, Map<String, byte[]> records) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (var record : records.entrySet()) {
                producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue()))
                        .get();
            }
        }
    }

    private static byte[] decision(ApprovalRequested approval, Decision kind, TriageEdits edits) {
        return Topics.APPROVALS_DECIDED
                .valueSerde()
                .serializer()
                .serialize(
                        "",
                        new ApprovalDecided(
                                ApprovalDecided.CURRENT_SCHEMA_VERSION,
                                approval.approvalId(),
                                approval.ticketId(),
                                approval.tenant(),
                                kind,
                                edits,
                                null,
                                "rita",
                                Instant.now(),
                                2,
                                null));
    }

    private List<ApprovalRequested> requested(String prefix) {
        return CommittedRecords.read(
                kafka.bootstrapServers(),
                prefix + Topics.APPROVALS_REQUESTED.name(),
                Topics.APPROVALS_REQUESTED.valueSerde().deserializer());
    }

    private List<TicketEnriched> enriched(String prefix) {
        return CommittedRecords.read(
                kafka.bootstrapServers(),
                prefix + Topics.TICKETS_ENRICHED.name(),
                Topics.TICKETS_ENRICHED.valueSerde().deserializer());
    }

    private List<ConsumerRecord<byte[], byte[]>> deadLetters(String prefix) {
        return CommittedRecords.records(
                kafka.bootstrapServers(), prefix + Topics.TICKETS_DLQ.name(), new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
