package io.ticketflow.testkit;

import io.ticketflow.testkit.internal.BrokerProperties;
import io.ticketflow.testkit.internal.BrokerStorage;
import io.ticketflow.testkit.internal.LocalPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft combined mode (broker and controller in one node), running in this
 * JVM: the broker tests, benchmarks and the local stack talk to.
 *
 * <p>It listens on {@code 127.0.0.1} only: clients on the port of {@link #bootstrapServers()}, the controller on a
 * second, free port chosen at each start. It keeps its metadata and topic data in one folder, either a folder the
 * caller names (formatted on first use and reused afterwards, so topics survive restarts) or a temporary folder
 * deleted on {@link #close()}. Transactions work (exactly-once Kafka Streams runs against it); topics are never
 * created automatically.
 *
 * <p><b>Lifecycle.</b> {@link Builder#start()} formats the storage if needed, starts the broker and blocks until an
 * {@link Admin} can describe the cluster, or fails within the start-up timeout with an exception that says why (a taken
 * port is reported before anything starts). {@link #close()} shuts the broker down, waits until it has stopped and
 * deletes a temporary folder. Always close it: the broker's threads and open files outlive every reference to this
 * object. Kafka's own fault handling applies unchanged: a fault the broker considers fatal halts the JVM, as it would
 * a standalone broker.
 *
 * <p><b>Threading.</b> Start-up and close block the calling thread. The accessors are thread-safe and never block;
 * {@code close()} is thread-safe and idempotent. The broker serves requests on its own threads.
 */
public final class KRaftBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KRaftBroker.class);

    private final KafkaRaftServer server;
    private final BrokerStorage storage;
    private final int port;
    private final String clusterId;
    private final Duration startupTime;
    private boolean closed;

    private KRaftBroker(
            KafkaRaftServer server, BrokerStorage storage, int port, String clusterId, Duration startupTime) {
        this.server = server;
        this.storage = storage;
        this.port = port;
        this.clusterId = clusterId;
        this.startupTime = startupTime;
    }

    /** A builder with the defaults: a free port, a temporary folder, a start-up timeout of 60 s. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a broker with the {@linkplain #builder() defaults}; blocks until it is ready. */
    public static KRaftBroker start() {
        return builder().start();
    }

    /** Where clients connect, for example {@code 127.0.0.1:9092}. */
    public String bootstrapServers() {
        return BrokerProperties.HOST + ":" + port;
    }

    /** The port clients connect to. */
    public int port() {
        return port;
    }

    /** The folder holding the broker's metadata log and topic data (absolute). */
    public Path dataDirectory() {
        return storage.directory();
    }

    /** The id of the cluster this broker forms, kept in its data folder. */
    public String clusterId() {
        return clusterId;
    }

    /** How long the last start took, from formatting the storage to the first successful cluster description. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The client configuration an {@link Admin} (or a producer, consumer, Streams app) needs to reach this broker. */
    public Map<String, Object> adminConfig() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    /** A new {@link Admin} connected to this broker; the caller closes it. */
    public Admin createAdmin() {
        return Admin.create(adminConfig());
    }

    /**
     * Shuts the broker down, waits until it has stopped, and deletes the data folder if it is temporary. Does nothing
     * when already closed.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long begin = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            storage.close();
        }
        log.info("Kafka broker at {} stopped in {} ms", bootstrapServers(), millisSince(begin));
    }

    @Override
    public String toString() {
        return "KRaftBroker[" + bootstrapServers() + ", " + dataDirectory() + "]";
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    /**
     * Chooses port, data folder, extra broker properties and start-up timeout, then starts the broker. Not
     * thread-safe; a builder can start several brokers one after the other (each needs its own port and folder).
     */
    public static final class Builder {

        private int port;
        private Path dataDirectory;
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private Duration startupTimeout = Duration.ofSeconds(60);

        private Builder() {}

        /**
         * The client port, for example {@code 9092}; {@code 0} (the default) picks a free port at start.
         *
         * @throws IllegalArgumentException if not within 0–65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be within 0–65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * A folder to keep the broker's data in across runs: formatted when it is not yet, reused as it is otherwise,
         * never deleted. Without one (the default), a temporary folder is used and deleted on close.
         */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
            return this;
        }

        /**
         * Sets one broker property, for example {@code log.retention.ms}, over the single-node defaults.
         *
         * @throws IllegalArgumentException if it is one of listeners, node id, quorum or storage folders, which follow
         *     from {@link #port(int)} and {@link #dataDirectory(Path)}
         */
        public Builder brokerProperty(String key, String value) {
            BrokerProperties.requireOverridable(Objects.requireNonNull(key, "key"));
            brokerProperties.put(key, Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets each of {@code properties} as by {@link #brokerProperty(String, String)}. */
        public Builder brokerProperties(Map<String, String> properties) {
            properties.forEach(this::brokerProperty);
            return this;
        }

        /**
         * How long start-up may take before it fails (default 60 s).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder startupTimeout(Duration startupTimeout) {
            if (startupTimeout.isNegative() || startupTimeout.isZero()) {
                throw new IllegalArgumentException("startupTimeout must be positive, was " + startupTimeout);
            }
            this.startupTimeout = startupTimeout;
            return this;
        }

        /**
         * Formats the storage if needed, starts the broker and waits until it serves clients.
         *
         * @throws IllegalStateException if the port is taken, the storage cannot be formatted, or the broker does not
         *     become ready within the start-up timeout; nothing is left running and a temporary folder is deleted
         */
        public KRaftBroker start() {
            long begin = System.nanoTime();
            if (port != 0) {
                LocalPorts.requireFree(port, "Kafka client listener");
            }
            BrokerStorage storage = dataDirectory == null ? BrokerStorage.temporary() : BrokerStorage.at(dataDirectory);
            try {
                String clusterId = storage.formatIfNeeded();
                int clientPort = port == 0 ? LocalPorts.freePort() : port;
                int controllerPort = freePortOtherThan(clientPort);
                Properties props = BrokerProperties.singleNode(
                        clientPort, controllerPort, storage.directory(), startupTimeout, brokerProperties);
                KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
                String bootstrapServers = BrokerProperties.HOST + ":" + clientPort;
                startAndAwaitReady(server, bootstrapServers, begin);
                Duration startupTime = Duration.ofMillis(millisSince(begin));
                log.info(
                        "Kafka broker (KRaft, cluster {}) listening on {} (controller on {}:{}), data in {}{}; started"
                                + " in {} ms",
                        clusterId,
                        bootstrapServers,
                        BrokerProperties.HOST,
                        controllerPort,
                        storage.directory(),
                        storage.isTemporary() ? " (temporary)" : "",
                        startupTime.toMillis());
                return new KRaftBroker(server, storage, clientPort, clusterId, startupTime);
            } catch (RuntimeException e) {
                storage.close();
                throw e;
            }
        }

        private static int freePortOtherThan(int clientPort) {
            int candidate = LocalPorts.freePort();
            while (candidate == clientPort) {
                candidate = LocalPorts.freePort();
            }
            return candidate;
        }

        private void startAndAwaitReady(KafkaRaftServer server, String bootstrapServers, long begin) {
            try {
                server.startup();
                awaitClusterDescribed(bootstrapServers, startupTimeout.toMillis() - millisSince(begin));
            } catch (RuntimeException e) {
                stopQuietly(server, e);
                throw new IllegalStateException(
                        "Kafka broker at " + bootstrapServers + " failed to start (timeout " + startupTimeout + "): "
                                + e.getMessage(),
                        e);
            }
        }

        private static void awaitClusterDescribed(String bootstrapServers, long remainingMillis) {
            int timeoutMillis = (int) Math.max(1_000, remainingMillis);
            Map<String, Object> config = Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis);
            try (Admin admin = Admin.create(config)) {
                if (admin.describeCluster()
                        .nodes()
                        .get(timeoutMillis, TimeUnit.MILLISECONDS)
                        .isEmpty()) {
                    throw new IllegalStateException("the cluster reports no broker");
                }
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("cannot describe the cluster: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker", e);
            }
        }

        private static void stopQuietly(KafkaRaftServer server, RuntimeException cause) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
