package io.ticketflow.testkit.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * The configuration of a single-node KRaft broker in combined mode (broker and controller in one process), listening
 * on {@value #HOST} only.
 *
 * <p>Pure logic: builds {@link Properties}, starts nothing.
 */
public final class BrokerProperties {

    /** The node id of the single node; also its id in the static controller quorum. */
    public static final int NODE_ID = 1;

    /** The only address the broker binds to: it is a local fixture, never reachable from other machines. */
    public static final String HOST = "127.0.0.1";

    /** Name of the listener clients use. */
    public static final String CLIENT_LISTENER = "PLAINTEXT";

    /** Name of the listener the KRaft controller uses. */
    public static final String CONTROLLER_LISTENER = "CONTROLLER";

    /*
     * Keys that define where the node listens and stores, and its place in the quorum. They follow from the ports and
     * folder the fixture chose, so an override would make bootstrapServers() and dataDirectory() lie.
     */
    private static final Set<String> MANAGED_KEYS = Set.of(
            "process.roles",
            "node.id",
            "broker.id",
            "listeners",
            "advertised.listeners",
            "listener.security.protocol.map",
            "controller.listener.names",
            "inter.broker.listener.name",
            "controller.quorum.voters",
            "controller.quorum.bootstrap.servers",
            "log.dir",
            "log.dirs",
            "metadata.log.dir");

    private BrokerProperties() {}

    /**
     * The properties of a single-node broker.
     *
     * <p>Besides listeners, quorum and storage, it sets what a one-node cluster needs to work at all (replication
     * factor and minimum in-sync replicas of the internal topics at 1), no delay before the first consumer group
     * rebalance, and no automatic topic creation: the application creates its topics, as in production.
     *
     * @param clientPort port of the {@value #CLIENT_LISTENER} listener, 1–65535
     * @param controllerPort port of the {@value #CONTROLLER_LISTENER} listener, 1–65535, different from clientPort
     * @param dataDirectory the folder holding both the metadata log and the topic data
     * @param startupTimeout how long the broker itself may take to start before giving up
     * @param overrides further broker properties; they win over the defaults above but may not touch listeners,
     *     quorum, node id or storage folders
     * @return a new, mutable {@link Properties}
     * @throws IllegalArgumentException if a port is out of range, both ports are equal, or an override names a key the
     *     fixture manages
     */
    public static Properties singleNode(
            int clientPort,
            int controllerPort,
            Path dataDirectory,
            Duration startupTimeout,
            Map<String, String> overrides) {
        requirePort("clientPort", clientPort);
        requirePort("controllerPort", controllerPort);
        if (clientPort == controllerPort) {
            throw new IllegalArgumentException("client and controller ports must differ, both were " + clientPort);
        }
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        overrides.keySet().forEach(BrokerProperties::requireOverridable);

        String dataFolder = dataDirectory.toAbsolutePath().toString();
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", Integer.toString(NODE_ID));
        props.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.setProperty(
                "listeners",
                CLIENT_LISTENER + "://" + HOST + ":" + clientPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":"
                        + controllerPort);
        props.setProperty("advertised.listeners", CLIENT_LISTENER + "://" + HOST + ":" + clientPort);
        props.setProperty(
                "listener.security.protocol.map", CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        props.setProperty("inter.broker.listener.name", CLIENT_LISTENER);
        props.setProperty("log.dirs", dataFolder);
        props.setProperty("metadata.log.dir", dataFolder);

        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("default.replication.factor", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        props.setProperty("auto.create.topics.enable", "false");
        props.setProperty("server.max.startup.time.ms", Long.toString(startupTimeout.toMillis()));

        props.putAll(overrides);
        return props;
    }

    private static void requirePort(String name, int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be within 1–65535, was " + port);
        }
    }

    /**
     * Fails if {@code key} is one of the properties this class derives from ports and folder (listeners, quorum, node
     * id, storage folders), which an override would contradict.
     *
     * @throws IllegalArgumentException if {@code key} may not be overridden
     */
    public static void requireOverridable(String key) {
        if (MANAGED_KEYS.contains(key)) {
            throw new IllegalArgumentException("The broker property " + key + " is set by the fixture and cannot be"
                    + " overridden (choose the port and data folder on the builder instead)");
        }
    }
}
