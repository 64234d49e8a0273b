package io.ticketflow.topology.dedup;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.topology.FixedModels;
import io.ticketflow.topology.TicketTopology;
import io.ticketflow.topology.config.DedupSettings;
import io.ticketflow.topology.config.StreamsProperties;
import io.ticketflow.topology.config.TicketflowProperties;
import io.ticketflow.topology.crash.HangingModelTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The topology in a JVM of its own, with fixed models and a dedup snapshot every second: a crash test kills this
 * process once its dedup task has saved a snapshot.
 *
 * <p>Arguments: bootstrap servers, application id, topic prefix, state folder.
 */
public final class DedupProcessTopology {

    /** Settings shared by the crashing instance and the one that restarts on its state folder. */
    static TicketflowProperties settings(String bootstrap, String applicationId, String prefix, Path stateDir) {
        TicketflowProperties crash = HangingModelTopology.settings(bootstrap, applicationId, prefix, stateDir);
        return new TicketflowProperties(
                crash.kafka(),
                crash.topics(),
                null,
                crash.async(),
                null,
                null,
                new DedupSettings(null, null, null, null, null, null, Duration.ofSeconds(1), null));
    }

    public static void main(String[] args) throws InterruptedException {
        TicketflowProperties settings = settings(args[0], args[1], args[2], Path.of(args[3]));
        KafkaStreams streams = new KafkaStreams(
                TicketTopology.build(settings, new FixedModels().enrichment(), new SimpleMeterRegistry()),
                StreamsProperties.of(settings));
        streams.start();
        // Runs until killed.
        new CountDownLatch(1).await();
    }

    private DedupProcessTopology() {}
}
