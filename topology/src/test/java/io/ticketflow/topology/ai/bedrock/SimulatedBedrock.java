package io.ticketflow.topology.ai.bedrock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.testkit.bedrock.BedrockSimulator;
import io.ticketflow.topology.ai.ModelException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The {@code bedrock} adapter pointed at a {@link BedrockSimulator} through {@code endpointOverride}, with dummy
 * static credentials (the simulator accepts any signature) and a {@link SimpleMeterRegistry}.
 */
final class SimulatedBedrock implements AutoCloseable {

    static final StaticCredentialsProvider DUMMY_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSIMULATOR", "not-a-secret"));

    /**
     * The categories the tests configure: some of the test kit generator's topics, so that the simulator's keyword
     * triage finds network and printer tickets, and "Other" for the rest.
     */
    static final List<String> CATEGORIES = List.of("Hardware", "Access", "Network", "Printing", "Software", "Other");

    /** Far beyond any answer of a local simulator, yet a bound: a hung call fails the test instead of hanging it. */
    static final long WAIT_SECONDS = 20;

    final BedrockSimulator simulator;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final BedrockSettings settings;
    final BedrockModels models;

    private SimulatedBedrock(BedrockSimulator simulator, BedrockSettings settings) {
        this.simulator = simulator;
        this.settings = settings;
        this.models = BedrockModels.create(settings, CATEGORIES, registry, DUMMY_CREDENTIALS);
    }

    static SimulatedBedrock start(BedrockSimulator.Builder simulator) {
        return start(simulator, 1024, 1024, Duration.ofSeconds(10));
    }

    static SimulatedBedrock start(
            BedrockSimulator.Builder simulator, int dimensions, int maxOutputTokens, Duration callTimeout) {
        BedrockSimulator running = simulator.start();
        return new SimulatedBedrock(running, settings(running, dimensions, maxOutputTokens, callTimeout));
    }

    static BedrockSettings settings(
            BedrockSimulator simulator, int dimensions, int maxOutputTokens, Duration callTimeout) {
        return new BedrockSettings(
                "us-east-1", null, dimensions, null, maxOutputTokens, callTimeout, simulator.endpoint(), null, null);
    }

    /** The stage's value, waiting at most {@value #WAIT_SECONDS} s. */
    static <T> T result(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the call did not succeed", e);
        }
    }

    /**
     * The exception the stage completed with, exactly as a {@code whenComplete} callback sees it, waiting at most
     * {@value #WAIT_SECONDS} s; fails unless it is a {@link ModelException}.
     */
    static ModelException failure(CompletionStage<?> stage) {
        Throwable failure;
        try {
            failure =
                    stage.handle((value, error) -> error).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the call did not complete", e);
        }
        if (!(failure instanceof ModelException modelException)) {
            throw new AssertionError("expected a ModelException, got " + failure, failure);
        }
        return modelException;
    }

    @Override
    public void close() {
        try {
            models.close();
        } finally {
            simulator.close();
        }
    }
}
