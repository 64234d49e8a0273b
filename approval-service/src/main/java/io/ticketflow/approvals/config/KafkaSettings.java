package io.ticketflow.approvals.config;

import static io.ticketflow.approvals.config.Settings.notBlank;
import static io.ticketflow.approvals.config.Settings.orDefault;
import static io.ticketflow.approvals.config.Settings.positive;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How the service reaches Kafka and runs its ledger ({@code ticketflow.kafka.*}). The ledger always runs
 * {@code exactly_once_v2}: a decision must be applied and published exactly once.
 *
 * @param bootstrapServers broker addresses; default {@code localhost:9092}
 * @param applicationId Kafka Streams application id of the ledger; default {@code ticketflow-approvals}
 * @param commitInterval commit (and transaction) interval, also the ledger's longest poll; a decision's answer waits
 *     for its commit, on average about half this interval. Keep it above the commit's own latency: Kafka Streams
 *     commits as soon as the interval has passed, so when a commit takes longer than the interval the stream thread
 *     commits after every record per task and its throughput collapses (seen in November 2026 with 10 ms on a loaded
 *     2-core machine, while the ledger's producer still sent at once and a commit could wait 20 ms for the broker:
 *     see {@code runtime.ClientProperties}). Commits across availability zones (Amazon MSK) take longer than on
 *     loopback: raise it there; default 10 ms
 * @param stateDir where the ledger's state stores live; default {@code ${java.io.tmpdir}/ticketflow-approvals}
 * @param closeTimeout how long a shutdown waits for Kafka Streams to close cleanly; default 30 s
 * @param properties further Kafka client and Streams properties, passed through (for example
 *     {@code security.protocol}); they cannot override the settings above
 */
public record KafkaSettings(
        String bootstrapServers,
        String applicationId,
        Duration commitInterval,
        Path stateDir,
        Duration closeTimeout,
        Map<String, String> properties) {

    public KafkaSettings {
        bootstrapServers = notBlank("kafka.bootstrap-servers", bootstrapServers, "localhost:9092");
        applicationId = notBlank("kafka.application-id", applicationId, "ticketflow-approvals");
        commitInterval = positive("kafka.commit-interval", commitInterval, Duration.ofMillis(10));
        stateDir = orDefault(stateDir, Path.of(System.getProperty("java.io.tmpdir"), "ticketflow-approvals"));
        closeTimeout = positive("kafka.close-timeout", closeTimeout, Duration.ofSeconds(30));
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
