package io.ticketflow.topology.dedup;

import static io.ticketflow.topology.Tickets.bytes;
import static io.ticketflow.topology.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.schemas.DuplicateLink;
import io.ticketflow.schemas.DuplicateVerdict;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.TriageSource;
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
import io.ticketflow.topology.runtime.TopicProvisioner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Duplicate detection across rebalances, against a real broker. Two instances of the topology (same application id,
 * own state folders) share six scopes (tenants), one on each partition of {@code dedup-by-scope}:
 *
 * <ol>
 *   <li>the first instance alone indexes a printer ticket of every scope;
 *   <li>the second joins and takes over some scope partitions, restoring their stores from the changelog; every scope
 *       gets a near-duplicate of its printer ticket and a new VPN ticket;
 *   <li>the first leaves; the second takes over the rest and gets a near-duplicate of every VPN ticket;
 *   <li>the second restarts on its state folder: its tasks take their HNSW links from the snapshots they saved on
 *       closing, and a third printer ticket of every scope is a duplicate.
 * </ol>
 *
 * Each near-duplicate must be a {@code DUPLICATE} of its original and reuse its triage, wherever the original was
 * indexed, and every ticket must leave on {@code tickets.enriched} exactly once, read {@code read_committed}.
 * Embeddings are fixed per title (printer and VPN orthogonal), so every verdict is known in advance.
 */
@WithKafkaBroker
class DedupRebalanceIT {

    private static final int PARTITIONS = 6;
    /** Generous: rebalances, restores and exactly-once commits on a loaded two-core machine. */
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static final String PRINTER = "Printer jams on floor 3";
    private static final String VPN = "VPN drops every few minutes";

    KafkaCluster kafka;

    @TempDir
    Path firstState;

    @TempDir
    Path secondState;

    private final List<Instance> started = new ArrayList<>();

    @AfterEach
    void closeInstances() {
        started.forEach(Instance::close);
    }

    @Test
    void shouldFindEarlierTicketsOfEveryScopeAfterItsPartitionMovesToAnotherInstance() throws Exception {
        String prefix = kafka.uniqueTopic("dedup-rebalance") + ".";
        String applicationId = kafka.uniqueApplicationId("dedup-rebalance");
        String dedupByScope = applicationId + "-dedup-by-scope-repartition";
        List<String> scopes = oneScopePerPartition();
        FixedModels models = new FixedModels();
        models.embedAs(PRINTER, 1f, 0f);
        models.embedAs(VPN, 0f, 1f);
        new TopicProvisioner(
                        kafka.admin(),
                        settings(applicationId, prefix, firstState).topics(),
                        Duration.ofSeconds(30))
                .ensureTopics();

        Instance first = start(settings(applicationId, prefix, firstState), models);
        List<TicketIngested> printers = tickets(scopes, "P-", PRINTER, "Paper gets stuck in tray two at ");
        send(prefix, printers);
        awaitRememberedWithTriage(ids(printers), first);

        Instance second = start(settings(applicationId, prefix, secondState), models);
        await().atMost(PATIENCE)
                .until(() -> first.isRunning()
                        && second.isRunning()
                        && !first.activePartitions(dedupByScope).isEmpty()
                        && !second.activePartitions(dedupByScope).isEmpty()
                        && union(first.activePartitions(dedupByScope), second.activePartitions(dedupByScope))
                                        .size()
                                == PARTITIONS);
        Set<Integer> moved = second.activePartitions(dedupByScope);
        List<TicketIngested> printerRepeats = nearDuplicates(printers, "P2-");
        List<TicketIngested> vpns = tickets(scopes, "V-", VPN, "The VPN client disconnects on the office wifi at ");
        send(prefix, Stream.concat(printerRepeats.stream(), vpns.stream()).toList());
        awaitRememberedWithTriage(ids(printerRepeats), first, second);
        awaitRememberedWithTriage(ids(vpns), first, second);
        double judgedBySecondBeforeItWasAlone = second.verdicts("duplicate");

        first.close();
        await().atMost(PATIENCE)
                .until(() -> second.isRunning()
                        && second.activePartitions(dedupByScope).size() == PARTITIONS);
        List<TicketIngested> vpnRepeats = nearDuplicates(vpns, "V2-");
        send(prefix, vpnRepeats);
        int all = printers.size() + printerRepeats.size() + vpns.size() + vpnRepeats.size();
        await().atMost(PATIENCE)
                .until(() -> enriched(prefix).stream()
                                .map(ticket -> ticket.ticket().id())
                                .distinct()
                                .count()
                        == all);
        Map<String, TicketEnriched> byId = enriched(prefix).stream()
                .collect(Collectors.toMap(ticket -> ticket.ticket().id(), Function.identity(), (once, again) -> once));
        assertThat(Stream.concat(printers.stream(), vpns.stream()))
                .allSatisfy(original -> assertThat(byId.get(original.id()).duplicate())
                        .as("%s is new in its scope", original.id())
                        .isNull());
        assertDuplicatesOf(printers, printerRepeats, byId);
        assertDuplicatesOf(vpns, vpnRepeats, byId);
        assertThat(judgedBySecondBeforeItWasAlone)
                .as("near-duplicates judged by the second instance against originals the first indexed")
                .isGreaterThanOrEqualTo(moved.size());
        assertThat(second.verdicts("duplicate")).isGreaterThanOrEqualTo(moved.size() + vpnRepeats.size());
        assertThat(second.rebuilds())
                .as("index rebuilds on the second instance")
                .isPositive();
        await("the second instance's indexes hold every ticket")
                .atMost(PATIENCE)
                .until(() -> second.indexedTickets() == all);

        second.close();
        assertThat(secondState.resolve(applicationId))
                .as("a dedup index snapshot saved by each of the second instance's dedup tasks on closing")
                .isDirectoryRecursivelyContaining("glob:**/" + IndexSnapshot.DIRECTORY + "/*.snapshot");

        // A restart on the same state folder: the snapshot holds every ticket still in the store.
        Instance restarted = start(settings(applicationId, prefix, secondState), models);
        await().atMost(PATIENCE)
                .until(() -> restarted.isRunning()
                        && restarted.activePartitions(dedupByScope).size() == PARTITIONS);
        List<TicketIngested> printerThirds = nearDuplicates(printers, "P3-");
        send(prefix, printerThirds);
        int allAfterRestart = all + printerThirds.size();
        await().atMost(PATIENCE)
                .until(() -> enriched(prefix).stream()
                                .map(ticket -> ticket.ticket().id())
                                .distinct()
                                .count()
                        == allAfterRestart);
        assertThat(restarted.restoredTickets())
                .as("tickets whose links the restarted instance took from its snapshots")
                .isEqualTo(all);
        Map<String, TicketEnriched> afterRestart = enriched(prefix).stream()
                .collect(Collectors.toMap(ticket -> ticket.ticket().id(), Function.identity(), (once, again) -> once));
        assertThat(printerThirds)
                .allSatisfy(third -> assertThat(afterRestart.get(third.id()).duplicate())
                        .as("duplicate link of %s", third.id())
                        .isNotNull()
                        .extracting(DuplicateLink::verdict)
                        .isEqualTo(DuplicateVerdict.DUPLICATE));

        restarted.close();
        assertThat(enriched(prefix))
                .as("each ticket exactly once, read after every instance closed")
                .hasSize(allAfterRestart);
    }

    /** Each repeat is a duplicate of the original at the same position and carries the original's triage. */
    private static void assertDuplicatesOf(
            List<TicketIngested> originals, List<TicketIngested> repeats, Map<String, TicketEnriched> byId) {
        for (int i = 0; i < originals.size(); i++) {
            TicketEnriched repeat = byId.get(repeats.get(i).id());
            assertThat(repeat.duplicate())
                    .as("duplicate link of %s", repeat.ticket().id())
                    .isNotNull()
                    .extracting(DuplicateLink::verdict, DuplicateLink::duplicateOf)
                    .containsExactly(
                            DuplicateVerdict.DUPLICATE, originals.get(i).id());
            assertThat(repeat.triage().source())
                    .as("triage of %s", repeat.ticket().id())
                    .isEqualTo(TriageSource.REUSED_FROM_DUPLICATE);
        }
    }

    /**
     * Tenants {@code scope-N}, the first to land on each partition of a repartition topic keyed by tenant: the
     * producer's default partitioner places a key by the murmur2 hash of its bytes (a String key's UTF-8 bytes).
     */
    private static List<String> oneScopePerPartition() {
        Map<Integer, String> byPartition = new TreeMap<>();
        for (int i = 0; byPartition.size() < PARTITIONS; i++) {
            String tenant = "scope-" + i;
            int partition = Utils.toPositive(Utils.murmur2(tenant.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            byPartition.putIfAbsent(partition, tenant);
        }
        return List.copyOf(byPartition.values());
    }

    /** One ticket per scope, all embedded alike (by their title); the scope in the text keeps their content apart. */
    private static List<TicketIngested> tickets(List<String> scopes, String idPrefix, String title, String text) {
        return scopes.stream()
                .map(scope -> ticket(idPrefix + scope, scope, title, text + scope + "."))
                .toList();
    }

    /**
     * The same words (and so the same embedding and a lexical similarity of 1) with other punctuation: a different
     * content key, so the repeat stage does not answer it and the dedup stage must find the original.
     */
    private static List<TicketIngested> nearDuplicates(List<TicketIngested> originals, String idPrefix) {
        return originals.stream()
                .map(original -> ticket(
                        idPrefix + original.tenant(),
                        original.tenant(),
                        original.title() + "!",
                        original.description()))
                .toList();
    }

    /**
     * Waits until the instances' dedup stores hold every ticket with its triage fed back, so that a later duplicate
     * reuses it. Stores cannot be queried while their instance rebalances: such attempts are retried.
     */
    private static void awaitRememberedWithTriage(List<String> ids, Instance... instances) {
        await().atMost(PATIENCE)
                .ignoreExceptions()
                .until(() -> ids.stream()
                        .allMatch(id -> Stream.of(instances)
                                .map(instance -> instance.stored(id))
                                .anyMatch(stored -> stored != null && stored.triage() != null)));
    }

    private static List<String> ids(List<TicketIngested> tickets) {
        return tickets.stream().map(TicketIngested::id).toList();
    }

    private static Set<Integer> union(Set<Integer> some, Set<Integer> others) {
        return Stream.concat(some.stream(), others.stream()).collect(Collectors.toSet());
    }

    private Instance start(TicketflowProperties settings, FixedModels models) {
        Instance instance = Instance.start(settings, models);
        started.add(instance);
        return instance;
    }

    private TicketflowProperties settings(String applicationId, String prefix, Path stateDir) {
        return new TicketflowProperties(
                new KafkaSettings(
                        kafka.bootstrapServers(),
                        applicationId,
                        null,
                        null,
                        null,
                        stateDir,
                        null,
                        // The shortest allowed: should a task wait for a warm-up replica, the follow-up rebalance
                        // comes within the test's patience.
                        Map.of(StreamsConfig.PROBING_REBALANCE_INTERVAL_MS_CONFIG, "60000")),
                new TopicSettings(prefix, true, PARTITIONS, 1),
                null,
                null,
                null,
                null,
                null);
    }

    private void send(String prefix, List<TicketIngested> tickets) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (TicketIngested ticket : tickets) {
                producer.send(new ProducerRecord<>(prefix + Topics.TICKETS_INGESTED.name(), ticket.id(), bytes(ticket)))
                        .get();
            }
        }
    }

    private List<TicketEnriched> enriched(String prefix) {
        return CommittedRecords.read(
                kafka.bootstrapServers(),
                prefix + Topics.TICKETS_ENRICHED.name(),
                Topics.TICKETS_ENRICHED.valueSerde().deserializer());
    }

    /** One topology instance: its Kafka Streams client and its own meters. */
    private record Instance(KafkaStreams streams, MeterRegistry meters) {

        static Instance start(TicketflowProperties settings, FixedModels models) {
            MeterRegistry meters = new SimpleMeterRegistry();
            KafkaStreams streams = new KafkaStreams(
                    TicketTopology.build(settings, models.enrichment(), meters), StreamsProperties.of(settings));
            streams.start();
            return new Instance(streams, meters);
        }

        boolean isRunning() {
            return streams.state() == KafkaStreams.State.RUNNING;
        }

        /** The partitions of {@code topic} this instance's active tasks read. */
        Set<Integer> activePartitions(String topic) {
            return streams.metadataForLocalThreads().stream()
                    .flatMap(thread -> thread.activeTasks().stream())
                    .flatMap(task -> task.topicPartitions().stream())
                    .filter(partition -> partition.topic().equals(topic))
                    .map(TopicPartition::partition)
                    .collect(Collectors.toSet());
        }

        /** The ticket with {@code id} in this instance's dedup stores, or {@code null} if none of its tasks has it. */
        StoredTicket stored(String id) {
            ReadOnlyKeyValueStore<String, StoredTicket> store = streams.store(
                    StoreQueryParameters.fromNameAndType(DedupStore.NAME, QueryableStoreTypes.keyValueStore()));
            return store.get(id);
        }

        double verdicts(String verdict) {
            return meters.get(DedupMetrics.VERDICTS)
                    .tag("verdict", verdict)
                    .counter()
                    .count();
        }

        /** Tickets in the in-memory indexes of this instance's dedup tasks. */
        double indexedTickets() {
            Collection<Gauge> gauges = meters.find(DedupMetrics.INDEX_SIZE).gauges();
            return gauges.stream().mapToDouble(Gauge::value).sum();
        }

        /** Tickets whose index links this instance's dedup tasks took from their snapshots when they started. */
        double restoredTickets() {
            return meters.find(DedupMetrics.RESTORED).gauges().stream()
                    .mapToDouble(Gauge::value)
                    .sum();
        }

        long rebuilds() {
            return meters.find(DedupMetrics.REBUILD).timers().stream()
                    .mapToLong(timer -> timer.count())
                    .sum();
        }

        void close() {
            // Leaving the group at once hands the tasks over without waiting for the session to time out.
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }
    }
}
