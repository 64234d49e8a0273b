package io.ticketflow.topology.runtime;

import io.ticketflow.schemas.topic.Topic;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.topology.config.TopicSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure every ticketflow topic exists before Kafka Streams starts: creates the missing ones, or, where another
 * owner creates topics ({@code ticketflow.topics.create=false}), refuses to start and names what is missing; and
 * refuses to start when decisions and tickets are not co-partitioned ({@link #ensureCoPartitioned()}).
 *
 * <p>Existing topics are never changed. In particular their partition count is left alone even when it differs from
 * the setting: adding partitions to a keyed topic moves keys between partitions and breaks per-ticket order, which is
 * why this is not Spring Kafka's {@code KafkaAdmin} (it adds partitions to match its declarations).
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private static final Duration LIST_RETRY = Duration.ofMillis(50);

    private final Admin admin;
    private final TopicSettings settings;
    private final Duration timeout;

    public TopicProvisioner(Admin admin, TopicSettings settings, Duration timeout) {
        this.admin = admin;
        this.settings = settings;
        this.timeout = timeout;
    }

    /**
     * Ensures the topics exist.
     *
     * @throws IllegalStateException when topics are missing and creation is off, or the broker does not answer
     */
    public void ensureTopics() {
        List<String> wanted =
                Topics.all().stream().map(settings::resolve).map(Topic::name).toList();
        Set<String> existing = await(admin.listTopics().names(), "list topics");
        List<String> missing =
                wanted.stream().filter(name -> !existing.contains(name)).toList();
        if (missing.isEmpty()) {
            log.info("All topics exist: {}", wanted);
            return;
        }
        if (!settings.create()) {
            throw new IllegalStateException("Missing topics " + missing + ". ticketflow.topics.create is false, so"
                    + " their owner (for example Terraform) must create them before the topology starts");
        }
        create(missing);
        awaitListed(missing);
    }

    /**
     * Checks that decisions reach the task that parked their ticket: {@code approvals.decided} is read by the same
     * task as the parked tickets' store, which Kafka Streams assigns by partition number, so it must have as many
     * partitions as {@code tickets.ingested} (the internal topics between them take its count). Kafka Streams itself
     * does not check this for a store shared by two sources; a mismatch would send decisions to the wrong task.
     *
     * @throws IllegalStateException when the counts differ, naming both topics and counts
     */
    public void ensureCoPartitioned() {
        String tickets = settings.resolve(Topics.TICKETS_INGESTED).name();
        String decisions = settings.resolve(Topics.APPROVALS_DECIDED).name();
        Map<String, TopicDescription> described =
                await(admin.describeTopics(List.of(tickets, decisions)).allTopicNames(), "describe topics");
        int ticketPartitions = described.get(tickets).partitions().size();
        int decisionPartitions = described.get(decisions).partitions().size();
        if (ticketPartitions != decisionPartitions) {
            throw new IllegalStateException(decisions + " has " + decisionPartitions + " partitions but " + tickets
                    + " has " + ticketPartitions + ": a decision would reach another task than the one holding its"
                    + " parked ticket. Re-create " + decisions + " with " + ticketPartitions + " partitions"
                    + " while no decision is waiting in it");
        }
    }

    private void create(List<String> names) {
        Optional<Short> replication = settings.replicationFactor() < 0
                ? Optional.empty()
                : Optional.of(settings.replicationFactor().shortValue());
        List<NewTopic> topics = names.stream()
                .map(name -> new NewTopic(name, Optional.of(settings.partitions()), replication))
                .toList();
        admin.createTopics(topics, new CreateTopicsOptions().timeoutMs((int) timeout.toMillis()))
                .values()
                .forEach((name, future) -> {
                    try {
                        await(future, "create topic " + name);
                        log.info("Created topic {} with {} partitions", name, settings.partitions());
                    } catch (IllegalStateException e) {
                        // Another instance starting at the same moment may have created it first: that is success.
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                });
    }

    /**
     * Topic creation completes when the controller has created a topic; the brokers learn of it a moment later, and
     * Kafka Streams must not start before its source topics are known.
     */
    private void awaitListed(List<String> names) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!await(admin.listTopics().names(), "list topics").containsAll(names)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Created topics " + names + " were not listed within " + timeout);
            }
            try {
                Thread.sleep(LIST_RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topics " + names, e);
            }
        }
    }

    private <T> T await(org.apache.kafka.common.KafkaFuture<T> future, String what) {
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
