package io.ticketflow.localstack;

import io.ticketflow.testkit.bedrock.BedrockSimulator;
import io.ticketflow.testkit.bedrock.Latency;
import io.ticketflow.testkit.bedrock.SimulatorCounters;
import java.time.Duration;
import java.util.List;

/**
 * The test kit's Bedrock simulator, started in this JVM for {@code --model bedrock-simulator}, and the settings that
 * point the topology's real {@code bedrock} adapter at it: so a user can watch the adapter, its prompt, schema
 * validation, guard and cost meters work end to end without AWS.
 *
 * <p>Credentials: the adapter takes them from the AWS SDK's default provider chain, as in production. The simulator
 * accepts any signature, so this sets the SDK's system properties {@code aws.accessKeyId} and
 * {@code aws.secretAccessKey} to dummy values while it runs (the first link of that chain; nothing is written to a
 * file, and no real key can reach the local endpoint) and clears them on {@link #close()}. Not thread-safe.
 */
final class LocalBedrock implements AutoCloseable {

    private static final String ACCESS_KEY_PROPERTY = "aws.accessKeyId";
    private static final String SECRET_KEY_PROPERTY = "aws.secretAccessKey";
    /** Answers take 300 ms ± 200 ms, like a small chat model, so calls overlap as they do against Bedrock. */
    private static final Latency LATENCY = Latency.jittered(Duration.ofMillis(300), Duration.ofMillis(200));
    /**
     * The guard's budget per model for this run: above what the sample feed needs at its default rate, so tickets
     * flow; the guard's default (100 a minute) suits a small real quota, not a demonstration.
     */
    private static final int REQUESTS_PER_MINUTE = 3000;

    private final BedrockSimulator simulator;

    private LocalBedrock(BedrockSimulator simulator) {
        this.simulator = simulator;
    }

    /** Starts the simulator on a free port with {@code seed}, and sets the dummy credentials. */
    static LocalBedrock start(long seed) {
        BedrockSimulator simulator =
                BedrockSimulator.builder().seed(seed).latency(LATENCY).start();
        System.setProperty(ACCESS_KEY_PROPERTY, "local-stack-simulator");
        System.setProperty(SECRET_KEY_PROPERTY, "not-a-secret");
        return new LocalBedrock(simulator);
    }

    /** The topology settings that select the {@code bedrock} provider and point it at the simulator. */
    List<String> topologyArguments() {
        return List.of(
                "--ticketflow.model.provider=bedrock",
                "--ticketflow.model.bedrock.region=us-east-1",
                "--ticketflow.model.bedrock.endpoint-override=" + simulator.endpoint(),
                "--ticketflow.model.embedding-limits.requests-per-minute=" + REQUESTS_PER_MINUTE,
                "--ticketflow.model.triage-limits.requests-per-minute=" + REQUESTS_PER_MINUTE);
    }

    /** A line for the user: where the simulator listens and what it has answered. */
    String describe() {
        SimulatorCounters counters = simulator.counters();
        return String.format(
                "Bedrock simulator on %s: %d requests, %d throttled, %d faults",
                simulator.endpoint(), counters.requests(), counters.throttled(), counters.faults());
    }

    /** What the simulator has answered so far. */
    SimulatorCounters counters() {
        return simulator.counters();
    }

    /** Stops the simulator and clears the dummy credentials. */
    @Override
    public void close() {
        simulator.close();
        System.clearProperty(ACCESS_KEY_PROPERTY);
        System.clearProperty(SECRET_KEY_PROPERTY);
    }
}
