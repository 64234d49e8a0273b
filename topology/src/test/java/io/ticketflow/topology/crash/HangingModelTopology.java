package io.ticketflow.topology.crash;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.topology.Enrichment;
import io.ticketflow.topology.FixedModels;
import io.ticketflow.topology.TicketTopology;
import io.ticketflow.topology.ai.Embedding;
import io.ticketflow.topology.ai.EmbeddingModel;
import io.ticketflow.topology.ai.EmbeddingRequest;
import io.ticketflow.topology.config.AsyncSettings;
import io.ticketflow.topology.config.KafkaSettings;
import io.ticketflow.topology.config.StreamsProperties;
import io.ticketflow.topology.config.TicketflowProperties;
import io.ticketflow.topology.config.TopicSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The topology in a JVM of its own, with an embedding model whose calls never complete: a crash test kills this
 * process while its calls are in flight. Prints {@code calls=N} as calls start.
 *
 * <p>Arguments: bootstrap servers, application id, topic prefix, state folder.
 */
public final class HangingModelTopology {

    /** Settings shared by the crashing instance and the one that takes over. */
    public static TicketflowProperties settings(String bootstrap, String applicationId, String prefix, Path stateDir) {
        KafkaSettings kafka = new KafkaSettings(
                bootstrap,
                applicationId,
                null,
                null,
                null,
                stateDir,
                Duration.ofSeconds(10),
                // A killed member is noticed after the session timeout: keep it short so the test does not wait long.
                Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "1000"));
        return new TicketflowProperties(
                kafka,
                new TopicSettings(prefix, true, 3, 1),
                null,
                new AsyncSettings(200, Duration.ofMillis(20), Duration.ofMinutes(4)),
                null,
                null,
                null);
    }

    public static void main(String[] args) throws InterruptedException {
        TicketflowProperties settings = settings(args[0], args[1], args[2], Path.of(args[3]));
        AtomicInteger calls = new AtomicInteger();
        FixedModels fixed = new FixedModels();
        EmbeddingModel hanging = new EmbeddingModel() {
            @Override
            public String modelId() {
                return "hanging";
            }

            @Override
            public int dimensions() {
                return 2;
            }

            @Override
            public long estimatedTokens(EmbeddingRequest request) {
                return 1;
            }

            @Override
            public CompletionStage<Embedding> embed(EmbeddingRequest request) {
                System.out.println("calls=" + calls.incrementAndGet());
                return new CompletableFuture<>();
            }
        };
        KafkaStreams streams = new KafkaStreams(
                TicketTopology.build(
                        settings, new Enrichment(hanging, fixed, UnaryOperator.identity()), new SimpleMeterRegistry()),
                StreamsProperties.of(settings));
        streams.start();
        // Runs until killed.
        new CountDownLatch(1).await();
    }

    private HangingModelTopology() {}
}
