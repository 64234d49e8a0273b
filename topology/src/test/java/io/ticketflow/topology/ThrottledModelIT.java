package io.ticketflow.topology;

import static io.ticketflow.topology.Tickets.bytes;
import static io.ticketflow.topology.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.testkit.KafkaCluster;
import io.ticketflow.testkit.WithKafkaBroker;
import io.ticketflow.topology.config.KafkaSettings;
import io.ticketflow.topology.config.ModelLimits;
import io.ticketflow.topology.config.ModelSettings;
import io.ticketflow.topology.config.ReviewSettings;
import io.ticketflow.topology.config.SimulatedModelSettings;
import io.ticketflow.topology.config.StreamsProperties;
import io.ticketflow.topology.config.TicketflowProperties;
import io.ticketflow.topology.config.TopicSettings;
import io.ticketflow.topology.runtime.EnrichmentModels;
import io.ticketflow.topology.runtime.TopicProvisioner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model that throttles 30 % of calls: the guard retries, nothing is lost, and the throttles show in metrics. */
@WithKafkaBroker
class ThrottledModelIT {

    private static final int TICKETS = 100;

    KafkaCluster kafka;

    @TempDir
    Path stateDir;

    @Test
    void shouldLoseNothingWhenThirtyPercentOfCallsAreThrottled() throws Exception {
        String prefix = kafka.uniqueTopic("throttled") + ".";
        TicketflowProperties settings = new TicketflowProperties(
                new KafkaSettings(
                        kafka.bootstrapServers(),
                        kafka.uniqueApplicationId("throttled"),
                        null,
                        null,
                        null,
                        stateDir,
                        null,
                        null),
                new TopicSettings(prefix, true, 3, 1),
                null,
                null,
                throttlingModel(),
                // Every ticket auto-approved, so that all of them, triaged or not, are counted on tickets.enriched.
                new ReviewSettings(0.0, Set.of(), false, false, null, null, null),
                null);
        new TopicProvisioner(kafka.admin(), settings.topics(), Duration.ofSeconds(30)).ensureTopics();
        produce(prefix + Topics.TICKETS_INGESTED.name());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        List<TicketEnriched> out;
        try (EnrichmentModels models = EnrichmentModels.create(settings.model(), meters);
                KafkaStreams streams = new KafkaStreams(
                        TicketTopology.build(settings, models.enrichment(), meters), StreamsProperties.of(settings))) {
            streams.start();
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> readCommitted(prefix + Topics.TICKETS_ENRICHED.name())
                                    .size()
                            >= TICKETS);
            out = readCommitted(prefix + Topics.TICKETS_ENRICHED.name());
        }

        Map<String, Long> timesEmitted = out.stream()
                .collect(Collectors.groupingBy(ticket -> ticket.ticket().id(), Collectors.counting()));
        assertThat(timesEmitted).hasSize(TICKETS);
        assertThat(timesEmitted.values()).allMatch(count -> count == 1L);
        // Eight attempts per call: a call fails for good only if all eight are throttled (0.3^8).
        assertThat(out.stream().filter(ticket -> ticket.triage() != null)).hasSizeGreaterThanOrEqualTo(TICKETS - 5);
        assertThat(total(meters, "ticketflow.model.throttles")).isPositive();
        assertThat(total(meters, "ticketflow.model.retries")).isPositive();
    }

    private static double total(SimpleMeterRegistry meters, String counter) {
        return meters.get(counter).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static ModelSettings throttlingModel() {
        SimulatedModelSettings simulated = new SimulatedModelSettings(
                7L, Duration.ofMillis(20), Duration.ofMillis(10), 0.0, 0.3, null, null, 8, null);
        ModelLimits limits = new ModelLimits(
                6_000,
                10_000_000,
                16,
                null,
                null,
                8,
                Duration.ofMillis(10),
                Duration.ofMillis(100),
                null,
                null,
                100,
                null,
                null,
                null);
        return new ModelSettings("simulator", null, null, simulated, limits, limits, null, null);
    }

    private void produce(String topic) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < TICKETS; i++) {
                String id = "T-" + i;
                producer.send(new ProducerRecord<>(topic, id, bytes(ticket(id))))
                        .get();
            }
        }
    }

    private List<TicketEnriched> readCommitted(String topic) {
        return CommittedRecords.read(
                kafka.bootstrapServers(),
                topic,
                Topics.TICKETS_ENRICHED.valueSerde().deserializer());
    }
}
