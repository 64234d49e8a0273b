package io.ticketflow.topology.dedup;

import static io.ticketflow.topology.Tickets.bytes;
import static io.ticketflow.topology.Tickets.ticket;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.topology.CommittedRecords;
import io.ticketflow.topology.FixedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Tickets and index snapshots for the tests of snapshots against a real broker: tickets of tenant {@value #TENANT}
 * whose texts differ (so that the repeat stage lets each through to dedup) but whose embeddings, by {@link
 * FixedModels}, do not (so that each later one is a duplicate).
 */
final class SnapshotFixtures {

    /** The tenant of {@link io.ticketflow.topology.Tickets#ticket(String, String, String)}. */
    static final String TENANT = "acme";

    private SnapshotFixtures() {}

    /** Sends the tickets {@code ids} to {@code prefix}'s ingested topic. */
    static void produce(String bootstrapServers, String prefix, List<String> ids) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (String id : ids) {
                producer.send(new ProducerRecord<>(
                                prefix + Topics.TICKETS_INGESTED.name(),
                                id,
                                bytes(ticket(id, "VPN drops every few minutes, " + id, "The client disconnects."))))
                        .get();
            }
        }
    }

    /** Everything committed to {@code prefix}'s enriched topic, as a {@code read_committed} consumer reads it. */
    static List<TicketEnriched> enriched(String bootstrapServers, String prefix) {
        return CommittedRecords.read(
                bootstrapServers,
                prefix + Topics.TICKETS_ENRICHED.name(),
                Topics.TICKETS_ENRICHED.valueSerde().deserializer());
    }

    /** The ticket {@code id} as committed to {@code prefix}'s enriched topic. */
    static TicketEnriched enriched(String bootstrapServers, String prefix, String id) {
        return enriched(bootstrapServers, prefix).stream()
                .filter(ticket -> ticket.ticket().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Tickets among {@code ids} the snapshots in {@code applicationState} hold, read as an initialising task reads
     * them: against the store, here the tickets as the fixed models embed them.
     */
    static int savedTickets(Path applicationState, List<String> ids) throws IOException {
        Map<String, StoredTicket> tickets = new HashMap<>();
        for (String id : ids) {
            tickets.put(
                    id, new StoredTicket(id, TENANT, Instant.EPOCH, id, FixedModels.defaultVector(), Map.of(), null));
        }
        int saved = 0;
        for (Path file : snapshots(applicationState)) {
            saved += new IndexSnapshot(file)
                    .read(Map.of(TENANT, tickets)).values().stream()
                            .mapToInt(VectorIndex::size)
                            .sum();
        }
        return saved;
    }

    /** Tickets whose index links the dedup tasks measured by {@code meters} took from their snapshots. */
    static double restoredTickets(MeterRegistry meters) {
        return meters.find(DedupMetrics.RESTORED).gauges().stream()
                .mapToDouble(Gauge::value)
                .sum();
    }

    private static List<Path> snapshots(Path applicationState) throws IOException {
        Path folder = applicationState.resolve(IndexSnapshot.DIRECTORY);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".snapshot")).toList();
        }
    }
}
