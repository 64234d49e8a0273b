package io.ticketflow.topology.crash;

import static io.ticketflow.topology.Tickets.bytes;
import static io.ticketflow.topology.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.testkit.KafkaCluster;
import io.ticketflow.testkit.WithKafkaBroker;
import io.ticketflow.topology.CommittedRecords;
import io.ticketflow.topology.FixedModels;
import io.ticketflow.topology.JavaProcess;
import io.ticketflow.topology.TicketTopology;
import io.ticketflow.topology.config.StreamsProperties;
import io.ticketflow.topology.config.TicketflowProperties;
import io.ticketflow.topology.runtime.TopicProvisioner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the topology's process (SIGKILL) while more than 100 model calls are in flight, and lets a new instance on
 * another state folder take over: every ticket comes out exactly once, read as consumers read.
 */
@WithKafkaBroker
class CrashRecoveryIT {

    private static final int TICKETS = 150;
    private static final int IN_FLIGHT_AT_CRASH = 100;
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    KafkaCluster kafka;

    @TempDir
    Path crashedState;

    @TempDir
    Path newOwnerState;

    @Test
    void shouldLoseNothingAndDoubleNothingWhenKilledWithCallsInFlight() throws Exception {
        String prefix = kafka.uniqueTopic("crash") + ".";
        String applicationId = kafka.uniqueApplicationId("crash");
        TicketflowProperties settings =
                HangingModelTopology.settings(kafka.bootstrapServers(), applicationId, prefix, newOwnerState);
        new TopicProvisioner(kafka.admin(), settings.topics(), Duration.ofSeconds(30)).ensureTopics();
        String input = prefix + Topics.TICKETS_INGESTED.name();
        produce(input);

        Process crashing = startHangingInstance(applicationId, prefix);
        try {
            AtomicInteger calls = watchCalls(crashing);
            await().atMost(PATIENCE).until(() -> calls.get() >= IN_FLIGHT_AT_CRASH);
            // The input offsets of the held records are committed, with the in-flight store: from now on only the
            // store's changelog knows these tickets.
            await().atMost(PATIENCE).until(() -> committedInput(applicationId, input) >= IN_FLIGHT_AT_CRASH);
        } finally {
            crashing.destroyForcibly().waitFor();
        }

        FixedModels models = new FixedModels();
        try (KafkaStreams newOwner = new KafkaStreams(
                TicketTopology.build(settings, models.enrichment(), new SimpleMeterRegistry()),
                StreamsProperties.of(settings))) {
            newOwner.start();
            await().atMost(PATIENCE)
                    .until(() -> readCommitted(prefix + Topics.TICKETS_ENRICHED.name())
                                    .size()
                            >= TICKETS);
            newOwner.close(CloseOptions.timeout(Duration.ofSeconds(10)));
        }

        List<String> ids = readCommitted(prefix + Topics.TICKETS_ENRICHED.name());
        Map<String, Long> timesEmitted = ids.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(timesEmitted).hasSize(TICKETS);
        assertThat(timesEmitted.values()).allMatch(count -> count == 1L);
        // The new owner re-issued the calls the crashed one held, and called for the rest.
        assertThat(models.embeddedTexts()).hasSize(TICKETS);
    }

    private void produce(String topic) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (String id : IntStream.range(0, TICKETS).mapToObj(i -> "C-" + i).toList()) {
                producer.send(new ProducerRecord<>(topic, id, bytes(ticket(id))))
                        .get();
            }
        }
    }

    private Process startHangingInstance(String applicationId, String prefix) throws Exception {
        return JavaProcess.of(
                        HangingModelTopology.class,
                        kafka.bootstrapServers(),
                        applicationId,
                        prefix,
                        crashedState.toString())
                .redirectErrorStream(true)
                .start();
    }

    private static AtomicInteger watchCalls(Process process) {
        AtomicInteger calls = new AtomicInteger();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("calls=")) {
                        calls.set(Integer.parseInt(line.substring("calls=".length())));
                    }
                }
            } catch (java.io.IOException e) {
                // The process was killed: its output ends.
            }
        });
        return calls;
    }

    private long committedInput(String applicationId, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.admin()
                .listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata()
                .get();
        return committed.entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                .mapToLong(entry -> entry.getValue().offset())
                .sum();
    }

    /** The ids of everything committed to {@code topic}, as a {@code read_committed} consumer sees it. */
    private List<String> readCommitted(String topic) {
        return CommittedRecords.read(
                        kafka.bootstrapServers(),
                        topic,
                        Topics.TICKETS_ENRICHED.valueSerde().deserializer())
                .stream()
                .map(ticket -> ticket.ticket().id())
                .toList();
    }
}
