package io.ticketflow.topology.ai.bedrock;

import static io.ticketflow.topology.ai.bedrock.SimulatedBedrock.failure;
import static io.ticketflow.topology.ai.bedrock.SimulatedBedrock.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.schemas.Reporter;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.testkit.bedrock.BedrockSimulator;
import io.ticketflow.testkit.bedrock.ServerFault;
import io.ticketflow.topology.ai.EmbeddingRequest;
import io.ticketflow.topology.ai.ModelException;
import io.ticketflow.topology.ai.ModelException.Kind;
import io.ticketflow.topology.ai.TriageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/** How the adapter fails against a simulator that throttles, errs, stalls or is gone: once per call, classified. */
class BedrockFailuresTest {

    private static final EmbeddingRequest TEXT = new EmbeddingRequest("INC-1", "VPN drops every hour");
    private static final TriageRequest TICKET = new TriageRequest(
            new TicketIngested(
                    1,
                    "INC-1",
                    "acme",
                    "servicedesk",
                    "VPN drops",
                    "The VPN drops every hour",
                    new Reporter("u1", null, null),
                    Instant.parse("2026-11-23T09:00:00Z"),
                    Map.of()),
            List.of());

    /**
     * Kept open across the tests, unused: while one SDK client is open, closing the others is quick (they share the
     * SDK's Netty event loop group; the last client to close waits about two seconds for its graceful shutdown).
     */
    private static SimulatedBedrock idle;

    @BeforeAll
    static void keepTheEventLoopGroupOpen() {
        idle = SimulatedBedrock.start(BedrockSimulator.builder());
    }

    @AfterAll
    static void closeIdle() {
        idle.close();
    }

    @Test
    void shouldFailAThrottledCallAtOnceAsThrottledWithoutSdkRetries() {
        try (SimulatedBedrock bedrock =
                SimulatedBedrock.start(BedrockSimulator.builder().requestsPerMinute(2))) {
            result(bedrock.models.embeddingModel().embed(TEXT));
            result(bedrock.models.triageModel().triage(TICKET));

            ModelException embedding = failure(bedrock.models.embeddingModel().embed(TEXT));
            ModelException triage = failure(bedrock.models.triageModel().triage(TICKET));

            assertThat(List.of(embedding.kind(), triage.kind())).containsOnly(Kind.THROTTLED);
            assertThat(triage.getMessage()).contains("ThrottlingException", "429");
            assertThat(triage.retryAfter()).isEmpty();
            // Exactly one request per call: the SDK's default strategy would have retried each throttled call.
            assertThat(bedrock.simulator.counters().requests()).isEqualTo(4);
            assertThat(bedrock.simulator.counters().throttled()).isEqualTo(2);
        }
    }

    @Test
    void shouldPassOnTheRetryAfterBedrockAsksFor() {
        try (SimulatedBedrock bedrock = SimulatedBedrock.start(
                BedrockSimulator.builder().requestsPerMinute(1).throttleRetryAfter(Duration.ofSeconds(3)))) {
            result(bedrock.models.embeddingModel().embed(TEXT));

            ModelException failure = failure(bedrock.models.embeddingModel().embed(TEXT));

            assertThat(failure.kind()).isEqualTo(Kind.THROTTLED);
            assertThat(failure.retryAfter()).contains(Duration.ofSeconds(3));
        }
    }

    @ParameterizedTest
    @EnumSource(ServerFault.class)
    void shouldFailOnceAsUnavailableOnServerFaults(ServerFault fault) {
        try (SimulatedBedrock bedrock =
                SimulatedBedrock.start(BedrockSimulator.builder().serverFaults(1.0, fault))) {
            ModelException embedding = failure(bedrock.models.embeddingModel().embed(TEXT));
            ModelException triage = failure(bedrock.models.triageModel().triage(TICKET));

            assertThat(List.of(embedding.kind(), triage.kind())).containsOnly(Kind.UNAVAILABLE);
            assertThat(triage.getMessage()).contains(fault.errorType(), "HTTP " + fault.status());
            assertThat(bedrock.simulator.counters().requests()).isEqualTo(2);
        }
    }

    @Test
    void shouldFailAsUnavailableWhenTheAnswerOutlastsTheCallTimeout() {
        try (SimulatedBedrock bedrock = SimulatedBedrock.start(
                BedrockSimulator.builder().slowResponses(1.0, Duration.ofMinutes(5)),
                1024,
                1024,
                Duration.ofMillis(500))) {
            ModelException failure = failure(bedrock.models.triageModel().triage(TICKET));

            assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(failure.getMessage()).contains("Converse", "timeout");
            assertThat(bedrock.simulator.counters().requests()).isEqualTo(1);
        }
    }

    @Test
    void shouldFailAsUnavailableWhenNothingListens() {
        BedrockSimulator gone = BedrockSimulator.start();
        gone.close();
        BedrockSettings settings = SimulatedBedrock.settings(gone, 1024, 1024, Duration.ofSeconds(5));
        try (BedrockModels models = BedrockModels.create(
                settings, SimulatedBedrock.CATEGORIES, new SimpleMeterRegistry(), SimulatedBedrock.DUMMY_CREDENTIALS)) {
            ModelException failure = failure(models.embeddingModel().embed(TEXT));

            assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        }
    }

    @Test
    void shouldFailAsUnavailableAfterTheModelsAreClosed() {
        try (SimulatedBedrock bedrock = SimulatedBedrock.start(BedrockSimulator.builder())) {
            bedrock.models.close();

            CompletionStage<?> call = bedrock.models.triageModel().triage(TICKET);

            assertThat(failure(call).kind()).isEqualTo(Kind.UNAVAILABLE);
        }
    }

    @Test
    void shouldConfigureTheClientForASingleAttempt() {
        BedrockSimulator simulator = BedrockSimulator.start();
        try (simulator;
                BedrockRuntimeAsyncClient client = BedrockClients.create(
                        SimulatedBedrock.settings(simulator, 1024, 1024, Duration.ofSeconds(7)),
                        SimulatedBedrock.DUMMY_CREDENTIALS)) {
            var override = client.serviceClientConfiguration().overrideConfiguration();

            assertThat(override.retryStrategy())
                    .hasValueSatisfying(
                            strategy -> assertThat(strategy.maxAttempts()).isEqualTo(1));
            assertThat(override.apiCallAttemptTimeout()).contains(Duration.ofSeconds(7));
        }
    }
}
