package io.ticketflow.topology.config;

import static io.ticketflow.topology.config.Settings.atLeast;
import static io.ticketflow.topology.config.Settings.notBlank;
import static io.ticketflow.topology.config.Settings.orDefault;
import static io.ticketflow.topology.config.Settings.positive;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How the topology reaches Kafka and runs Kafka Streams ({@code ticketflow.kafka.*}).
 *
 * @param bootstrapServers broker addresses; default {@code localhost:9092}
 * @param applicationId the Kafka Streams application id: consumer group and prefix of internal topics; default
 *     {@code ticketflow}
 * @param processingGuarantee {@code exactly_once_v2} (default) or {@code at_least_once}
 * @param streamThreads stream threads per instance; default 1
 * @param commitInterval how often Kafka Streams commits; under exactly-once also the transaction length and so the
 *     least end-to-end latency; default 100 ms
 * @param stateDir where state stores live; default {@code ${java.io.tmpdir}/ticketflow-streams}
 * @param closeTimeout how long a shutdown waits for Kafka Streams to close cleanly; default 30 s
 * @param properties further Kafka client and Streams properties, passed through unchanged (for example
 *     {@code security.protocol}, {@code sasl.mechanism} for MSK IAM); they cannot override the settings above
 */
public record KafkaSettings(
        String bootstrapServers,
        String applicationId,
        String processingGuarantee,
        Integer streamThreads,
        Duration commitInterval,
        Path stateDir,
        Duration closeTimeout,
        Map<String, String> properties) {

    private static final Set<String> GUARANTEES = Set.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE);

    public KafkaSettings {
        bootstrapServers = notBlank("kafka.bootstrap-servers", bootstrapServers, "localhost:9092");
        applicationId = notBlank("kafka.application-id", applicationId, "ticketflow");
        processingGuarantee = orDefault(processingGuarantee, StreamsConfig.EXACTLY_ONCE_V2);
        if (!GUARANTEES.contains(processingGuarantee)) {
            throw new IllegalArgumentException("ticketflow.kafka.processing-guarantee must be one of " + GUARANTEES
                    + ", was " + processingGuarantee);
        }
        streamThreads = atLeast("kafka.stream-threads", streamThreads, 1, 1);
        commitInterval = positive("kafka.commit-interval", commitInterval, Duration.ofMillis(100));
        stateDir = orDefault(stateDir, Path.of(System.getProperty("java.io.tmpdir"), "ticketflow-streams"));
        closeTimeout = positive("kafka.close-timeout", closeTimeout, Duration.ofSeconds(30));
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
