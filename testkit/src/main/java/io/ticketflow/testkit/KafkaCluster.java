package io.ticketflow.testkit;

import io.ticketflow.testkit.internal.UniqueNames;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * What a test sees of the broker {@link KafkaBrokerExtension} shares among all tests of a JVM: where it is, a shared
 * {@link Admin}, and names no other test uses.
 *
 * <p>Tests share the broker, so each test creates its own topics (and Streams application ids) under
 * {@link #uniqueTopic(String)} and {@link #uniqueApplicationId(String)} names and never deletes or reconfigures what
 * it did not create. The broker and the admin belong to the extension: never close them.
 *
 * <p>Thread-safe.
 */
public final class KafkaCluster {

    /** How long {@link #createTopics(int, String...)} waits for the controller to confirm. */
    public static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final KRaftBroker broker;
    private final Admin admin;
    private final UniqueNames names = new UniqueNames();

    KafkaCluster(KRaftBroker broker, Admin admin) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    /** Where clients connect, for example {@code 127.0.0.1:40123}. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The id of the cluster: the same for every test class of the JVM. */
    public String clusterId() {
        return broker.clusterId();
    }

    /** The shared admin client. Do not close it. */
    public Admin admin() {
        return admin;
    }

    /**
     * A topic name no other call returns: {@code base}, a counter and a random suffix, legal for Kafka (for example
     * {@code tickets.ingested-7-k3x9qa}). Creates nothing.
     *
     * @throws IllegalArgumentException if {@code base} is blank
     */
    public String uniqueTopic(String base) {
        return names.next(base);
    }

    /**
     * A Kafka Streams {@code application.id} (also usable as a consumer {@code group.id}) no other call returns, built
     * like {@link #uniqueTopic(String)}, so the application's internal topics do not collide with another test's.
     */
    public String uniqueApplicationId(String base) {
        return names.next(base);
    }

    /**
     * Creates topics with {@code partitions} partitions each, replication factor 1, and waits until the controller
     * has created them and the broker lists them (at most {@link #ADMIN_TIMEOUT} each).
     *
     * @return the names, in the order given
     * @throws IllegalArgumentException if {@code partitions} is below 1 or no name is given
     * @throws IllegalStateException if a topic cannot be created, for example because it exists
     */
    public List<String> createTopics(int partitions, String... names) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        if (names.length == 0) {
            throw new IllegalArgumentException("at least one topic name is needed");
        }
        List<String> topics = List.of(names);
        List<NewTopic> newTopics = topics.stream()
                .map(name -> new NewTopic(name, partitions, (short) 1))
                .toList();
        try {
            admin.createTopics(newTopics).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            awaitKnownToBroker(topics);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create topics " + Arrays.toString(names) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics " + Arrays.toString(names), e);
        }
        return topics;
    }

    /**
     * The controller has created the topics when {@code createTopics} completes, but the broker learns of them a
     * moment later; a test that describes them at once would fail now and then without this wait.
     */
    private void awaitKnownToBroker(List<String> topics)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (!admin.listTopics()
                .names()
                .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .containsAll(topics)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the broker did not list " + topics + " within " + ADMIN_TIMEOUT);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public String toString() {
        return "KafkaCluster[" + bootstrapServers() + "]";
    }
}
