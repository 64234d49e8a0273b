package io.ticketflow.topology.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.ticketflow.topology.Enrichment;
import io.ticketflow.topology.TicketTopology;
import io.ticketflow.topology.config.StreamsProperties;
import io.ticketflow.topology.config.TicketflowProperties;
import io.ticketflow.topology.dedup.StandbySnapshots;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the topology: provisions topics, starts Kafka Streams when the application starts and closes it, within
 * {@code ticketflow.kafka.close-timeout}, when it stops.
 *
 * <p>Record-level failures never reach here: they are dead-lettered. An exception that does escape a stream thread
 * (for example lost broker authorisation) shuts this Kafka Streams client down; its state becomes {@code ERROR},
 * which {@link StreamsAvailability} reports as broken liveness so that the platform restarts the instance.
 *
 * <p>Alongside, {@link StandbySnapshots} keeps index snapshots for the dedup tasks this instance holds as standby
 * replicas.
 *
 * <p>Lifecycle methods are called by Spring on one thread; {@link #state()} may be called from any thread.
 */
public final class StreamsRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);

    private final TicketflowProperties settings;
    private final TopicProvisioner topics;
    private final Enrichment enrichment;
    private final StreamsAvailability availability;
    private final MeterRegistry meters;
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;
    private StandbySnapshots standbySnapshots;

    public StreamsRunner(
            TicketflowProperties settings,
            TopicProvisioner topics,
            Enrichment enrichment,
            StreamsAvailability availability,
            MeterRegistry meters) {
        this.settings = settings;
        this.topics = topics;
        this.enrichment = enrichment;
        this.availability = availability;
        this.meters = meters;
    }

    @Override
    public void start() {
        topics.ensureTopics();
        topics.ensureCoPartitioned();
        Topology topology = TicketTopology.build(settings, enrichment, meters);
        log.info("Starting Kafka Streams application '{}': {}", settings.kafka().applicationId(), topology.describe());
        KafkaStreams created = new KafkaStreams(topology, StreamsProperties.of(settings));
        created.setStateListener(availability::onStateChange);
        created.setUncaughtExceptionHandler(exception -> {
            log.error("A stream thread failed; shutting this Kafka Streams client down", exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streamsMetrics = new KafkaStreamsMetrics(created);
        streamsMetrics.bindTo(meters);
        created.start();
        streams = created;
        standbySnapshots = StandbySnapshots.start(
                created,
                topology.describe(),
                settings.kafka().stateDir().resolve(settings.kafka().applicationId()),
                settings.dedup(),
                meters);
    }

    @Override
    public void stop() {
        KafkaStreams running = streams;
        if (running == null) {
            return;
        }
        closeStandbySnapshots();
        log.info("Closing Kafka Streams (timeout {})", settings.kafka().closeTimeout());
        // Leave the group: a restarted instance joins under a new member id, so without leaving, the partitions of the
        // old member would stay unassigned until its session timed out (45 s by default).
        CloseOptions options = CloseOptions.timeout(settings.kafka().closeTimeout())
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
        if (!running.close(options)) {
            log.warn("Kafka Streams did not close within {}", settings.kafka().closeTimeout());
        }
        streamsMetrics.close();
        streams = null;
    }

    /** Stops the standby snapshots first: they query the stores that closing Kafka Streams closes. */
    private void closeStandbySnapshots() {
        try {
            standbySnapshots.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** The Kafka Streams state, or {@code NOT_RUNNING} before start and after stop. */
    public KafkaStreams.State state() {
        KafkaStreams running = streams;
        return running == null ? KafkaStreams.State.NOT_RUNNING : running.state();
    }
}
