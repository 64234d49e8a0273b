package io.ticketflow.approvals.runtime;

import io.ticketflow.approvals.config.TopicSettings;
import io.ticketflow.approvals.ledger.LedgerTopics;
import io.ticketflow.schemas.topic.Topic;
import io.ticketflow.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the topics the service reads and writes exist before the ledger starts, and that
 * {@code approvals.commands} has exactly as many partitions as {@code approvals.requested}: a decision must reach the
 * task that owns its approval. Existing topics are never changed.
 */
final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private static final Duration DESCRIBE_RETRY = Duration.ofMillis(50);

    private final Admin admin;
    private final TopicSettings settings;
    private final Duration timeout;

    TopicProvisioner(Admin admin, TopicSettings settings, Duration timeout) {
        this.admin = admin;
        this.settings = settings;
        this.timeout = timeout;
    }

    /**
     * Ensures the topics exist with co-partitioned commands.
     *
     * @throws IllegalStateException when topics are missing and creation is off, the partition counts differ, or the
     *     broker does not answer
     */
    void ensureTopics() {
        String requested = name(Topics.APPROVALS_REQUESTED);
        String commands = name(LedgerTopics.APPROVALS_COMMANDS);
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (Topic<?, ?> topic : List.of(
                Topics.APPROVALS_REQUESTED,
                Topics.APPROVALS_DECIDED,
                Topics.TICKETS_INGESTED,
                Topics.TICKETS_ENRICHED,
                Topics.TICKETS_DLQ,
                LedgerTopics.APPROVALS_EVENTS)) {
            wanted.put(name(topic), settings.partitions());
        }
        createMissing(wanted);
        int requestedPartitions = partitions(requested);
        createMissing(Map.of(commands, requestedPartitions));
        int commandPartitions = partitions(commands);
        if (commandPartitions != requestedPartitions) {
            throw new IllegalStateException(commands + " has " + commandPartitions + " partitions and " + requested
                    + " has " + requestedPartitions + ": they must be equal, so that a decision reaches the owner of"
                    + " its approval. Recreate " + commands + " with " + requestedPartitions + " partitions");
        }
    }

    private String name(Topic<?, ?> topic) {
        return settings.resolve(topic).name();
    }

    private void createMissing(Map<String, Integer> wanted) {
        Set<String> existing = await(admin.listTopics().names(), "list topics");
        List<NewTopic> missing = new ArrayList<>();
        wanted.forEach((name, partitions) -> {
            if (!existing.contains(name)) {
                missing.add(new NewTopic(name, Optional.of(partitions), Optional.empty()));
            }
        });
        if (missing.isEmpty()) {
            return;
        }
        if (!settings.create()) {
            throw new IllegalStateException(
                    "Missing topics " + missing.stream().map(NewTopic::name).toList()
                            + ". ticketflow.topics.create is false, so their owner must create them first");
        }
        admin.createTopics(missing).values().forEach((name, future) -> {
            try {
                await(future, "create topic " + name);
                log.info("Created topic {}", name);
            } catch (IllegalStateException e) {
                // Another instance (or the topology) starting at the same moment may have created it: success.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        });
    }

    /** A topic just created is known to the controller before the brokers, so describing it is retried a while. */
    private int partitions(String topic) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return await(admin.describeTopics(List.of(topic)).allTopicNames(), "describe topic " + topic)
                        .get(topic)
                        .partitions()
                        .size();
            } catch (IllegalStateException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(DESCRIBE_RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for topics", e);
        }
    }

    private <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Cannot " + what + ": the brokers did not answer within " + timeout
                            + " (check ticketflow.kafka.bootstrap-servers)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + what, e);
        }
    }
}
