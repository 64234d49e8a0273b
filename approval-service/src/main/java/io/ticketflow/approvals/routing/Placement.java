package io.ticketflow.approvals.routing;

import io.ticketflow.approvals.config.ApprovalServiceProperties;
import io.ticketflow.approvals.ledger.LedgerStores;
import io.ticketflow.approvals.query.ReadUnavailableException;
import io.ticketflow.approvals.runtime.LedgerStreams;
import io.ticketflow.schemas.topic.Topics;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which instance owns what, from the Kafka Streams metadata every instance shares (each advertises its
 * {@code application.server}). Thread-safe. Answers reflect the last rebalance; partitions can move right after, which
 * callers detect (a forwarded read's owner no longer has the partition; a listing's pages do not cover it).
 */
@Component
public class Placement {

    private final LedgerStreams ledger;
    private final Admin admin;
    private final HostInfo self;
    private final String requestedTopic;
    private final Serializer<String> keys =
            Topics.APPROVALS_REQUESTED.keySerde().serializer();
    /** Partitions of {@code approvals.requested}, once known; 0 before. The ledger has one task per partition. */
    private final AtomicInteger partitionCount = new AtomicInteger();

    public Placement(LedgerStreams ledger, Admin admin, ApprovalServiceProperties settings) {
        this.ledger = ledger;
        this.admin = admin;
        this.self = HostInfo.buildFromEndpoint(settings.routing().advertisedAddress());
        this.requestedTopic =
                settings.topics().resolve(Topics.APPROVALS_REQUESTED).name();
    }

    /**
     * Where {@code ticketId}'s approval and status live.
     *
     * @throws ReadUnavailableException while the ledger is rebalancing or not running (Kafka Streams says so with an
     *     {@code IllegalStateException})
     */
    public KeyPlace placeOf(String ticketId) {
        KeyQueryMetadata metadata;
        try {
            metadata = ledger.streams().queryMetadataForKey(LedgerStores.APPROVALS, ticketId, keys);
        } catch (IllegalStateException notRunning) {
            throw new ReadUnavailableException("the ledger is not running", notRunning);
        }
        if (metadata == null || metadata.activeHost().equals(HostInfo.unavailable())) {
            throw new ReadUnavailableException("the ledger is rebalancing: no owner for ticket " + ticketId + " yet");
        }
        return new KeyPlace(
                metadata.partition(),
                metadata.activeHost(),
                metadata.activeHost().equals(self));
    }

    /**
     * The instances that own ledger partitions now.
     *
     * @throws ReadUnavailableException unless the ledger is running (not starting or rebalancing)
     */
    public List<Member> members() {
        KafkaStreams streams = ledger.streams();
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new ReadUnavailableException("the ledger is " + streams.state() + "; try again");
        }
        return streams.metadataForAllStreamsClients().stream()
                .filter(client -> !client.topicPartitions().isEmpty())
                .map(client -> new Member(client.hostInfo(), client.hostInfo().equals(self)))
                .toList();
    }

    /** How many partitions the ledger has (those of {@code approvals.requested}), asked of Kafka once. */
    public Mono<Integer> partitionCount() {
        int known = partitionCount.get();
        if (known > 0) {
            return Mono.just(known);
        }
        return Mono.fromFuture(() -> admin.describeTopics(List.of(requestedTopic))
                        .allTopicNames()
                        .toCompletionStage()
                        .toCompletableFuture())
                .map(topics -> topics.get(requestedTopic).partitions().size())
                .doOnNext(partitionCount::set)
                .onErrorMap(e -> new ReadUnavailableException("cannot read the partitions of " + requestedTopic, e));
    }

    /**
     * A key's partition and its owner.
     *
     * @param partition the ledger partition of the key
     * @param owner the instance owning it
     * @param local whether that is this instance
     */
    public record KeyPlace(int partition, HostInfo owner, boolean local) {}

    /**
     * An instance owning partitions.
     *
     * @param host its advertised address
     * @param self whether it is this instance
     */
    public record Member(HostInfo host, boolean self) {}
}
