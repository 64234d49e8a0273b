package io.ticketflow.approvals.runtime;

import io.ticketflow.approvals.ApprovalTopology;
import io.ticketflow.approvals.config.ApprovalServiceProperties;
import java.time.Clock;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the ledger's Kafka Streams application: provisions topics, starts it with the application and closes it
 * (leaving the group) when the application stops. A stream thread's fatal error shuts the client down; its state then
 * reads {@code ERROR} and the health endpoint reports it.
 *
 * <p>Lifecycle methods are called by Spring on one thread; {@link #streams()} may be called from any thread.
 */
public final class LedgerStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerStreams.class);

    private final ApprovalServiceProperties settings;
    private final TopicProvisioner topics;
    private final Clock clock;
    private volatile KafkaStreams streams;

    LedgerStreams(ApprovalServiceProperties settings, TopicProvisioner topics, Clock clock) {
        this.settings = settings;
        this.topics = topics;
        this.clock = clock;
    }

    @Override
    public void start() {
        topics.ensureTopics();
        Topology topology = ApprovalTopology.build(settings, clock);
        log.info("Starting the approvals ledger '{}': {}", settings.kafka().applicationId(), topology.describe());
        KafkaStreams created = new KafkaStreams(topology, ClientProperties.streams(settings));
        created.setUncaughtExceptionHandler(exception -> {
            log.error("A ledger stream thread failed; shutting this Kafka Streams client down", exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        created.start();
        streams = created;
    }

    @Override
    public void stop() {
        KafkaStreams running = streams;
        if (running == null) {
            return;
        }
        running.close(CloseOptions.timeout(settings.kafka().closeTimeout())
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        streams = null;
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** Before the reader of its events and the web server. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }

    /** The running Kafka Streams client. */
    public KafkaStreams streams() {
        KafkaStreams running = streams;
        if (running == null) {
            throw new IllegalStateException("the ledger is not running");
        }
        return running;
    }
}
