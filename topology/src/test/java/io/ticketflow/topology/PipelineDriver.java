package io.ticketflow.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.topology.config.StreamsProperties;
import io.ticketflow.topology.config.TicketflowProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The whole topology in a {@link TopologyTestDriver}, with its input, output and dead-letter topics, for settings
 * whose topic prefix is {@code test.}.
 */
public final class PipelineDriver implements AutoCloseable {

    public final TopologyTestDriver driver;
    public final TestInputTopic<String, byte[]> ingested;
    public final TestOutputTopic<String, TicketEnriched> enriched;
    public final TestOutputTopic<byte[], byte[]> deadLetters;
    private final Path stateDir;

    public PipelineDriver(TicketflowProperties settings, Enrichment enrichment, Instant start) {
        this(settings, enrichment, new SimpleMeterRegistry(), start);
    }

    public PipelineDriver(TicketflowProperties settings, Enrichment enrichment, MeterRegistry meters, Instant start) {
        Properties props = StreamsProperties.of(settings);
        // A state directory of its own: the default one is shared by every test JVM on the machine (RocksDB locks).
        stateDir = temporaryDirectory();
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(TicketTopology.build(settings, enrichment, meters), props, start);
        ingested = driver.createInputTopic(
                "test.tickets.ingested", new StringSerializer(), new ByteArraySerializer(), start, Duration.ZERO);
        enriched = driver.createOutputTopic(
                "test.tickets.enriched",
                new StringDeserializer(),
                Topics.TICKETS_ENRICHED.valueSerde().deserializer());
        deadLetters =
                driver.createOutputTopic("test.tickets.dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Async stages forward completed calls on a wall-clock punctuation, and the dedup repartition topics lie between
     * {@code embed} and {@code triage}: lets one punctuation pass for each.
     */
    public void drain() {
        driver.advanceWallClockTime(Duration.ofMillis(100));
        driver.advanceWallClockTime(Duration.ofMillis(100));
    }

    /** The driver's state folder ({@code state.dir}). */
    public Path stateDir() {
        return stateDir;
    }

    @Override
    public void close() {
        driver.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("ticketflow-test-streams");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
