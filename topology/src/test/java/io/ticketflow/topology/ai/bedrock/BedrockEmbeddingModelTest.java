package io.ticketflow.topology.ai.bedrock;

import static io.ticketflow.topology.ai.bedrock.SimulatedBedrock.failure;
import static io.ticketflow.topology.ai.bedrock.SimulatedBedrock.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ticketflow.schemas.TokenUsage;
import io.ticketflow.testkit.bedrock.BedrockSimulator;
import io.ticketflow.testkit.bedrock.MalformedAnswer;
import io.ticketflow.testkit.bedrock.ReceivedRequest;
import io.ticketflow.topology.ai.Embedding;
import io.ticketflow.topology.ai.EmbeddingRequest;
import io.ticketflow.topology.ai.ModelException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BedrockEmbeddingModelTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EmbeddingRequest PRINTER =
            new EmbeddingRequest("INC-1", "The printer on floor 3 is jammed and will not print.");

    /**
     * One adapter and simulator with the defaults, for the tests that need nothing else. It also keeps the SDK's
     * shared Netty event loop group open, so that closing the other tests' clients is quick (the last client to close
     * waits about two seconds for Netty's graceful shutdown).
     */
    private static SimulatedBedrock shared;

    @BeforeAll
    static void startShared() {
        shared = SimulatedBedrock.start(BedrockSimulator.builder());
    }

    @AfterAll
    static void closeShared() {
        shared.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 512, 1024})
    void shouldAskTitanForTheConfiguredDimensionsAndReturnAUnitVectorOfThatLength(int dimensions) {
        try (SimulatedBedrock bedrock =
                SimulatedBedrock.start(BedrockSimulator.builder(), dimensions, 1024, Duration.ofSeconds(10))) {
            BedrockEmbeddingModel model = bedrock.models.embeddingModel();

            Embedding embedding = result(model.embed(PRINTER));

            assertThat(model.dimensions()).isEqualTo(dimensions);
            assertThat(embedding.vector()).hasSize(dimensions);
            assertThat(norm(embedding.vector())).isCloseTo(1.0, within(1e-5));
            assertThat(embedding.model()).isEqualTo("amazon.titan-embed-text-v2:0");
            ReceivedRequest received = bedrock.simulator.receivedRequests().getFirst();
            assertThat(received.rawPath()).isEqualTo("/model/amazon.titan-embed-text-v2%3A0/invoke");
            assertThat(received.header("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDSIMULATOR/");
            JsonNode body = JSON.readTree(received.body());
            assertThat(body.path("inputText").asString()).isEqualTo(PRINTER.text());
            assertThat(body.path("dimensions").asInt()).isEqualTo(dimensions);
            assertThat(body.path("normalize").asBoolean()).isTrue();
        }
    }

    @Test
    void shouldEmbedSimilarTicketsCloserThanUnrelatedOnes() {
        BedrockEmbeddingModel model = shared.models.embeddingModel();

        float[] printer = result(model.embed(PRINTER)).vector();
        float[] reworded = result(model.embed(new EmbeddingRequest("INC-2", "Paper jam in the floor 3 printer")))
                .vector();
        float[] unrelated = result(model.embed(new EmbeddingRequest("INC-3", "Payroll shows the wrong salary")))
                .vector();

        assertThat(dot(printer, reworded)).isGreaterThan(dot(printer, unrelated));
    }

    @Test
    void shouldReportTheTokensTitanCountedAndRecordThemWithTheirCost() {
        try (SimulatedBedrock bedrock = SimulatedBedrock.start(BedrockSimulator.builder())) {
            Embedding embedding = result(bedrock.models.embeddingModel().embed(PRINTER));

            // The simulator counts a token per four characters, rounded up: 52 characters.
            assertThat(embedding.usage()).isEqualTo(new TokenUsage(13, 0));
            assertThat(bedrock.models.embeddingModel().estimatedTokens(PRINTER)).isEqualTo(13);
            assertThat(tokens(bedrock, "input")).isEqualTo(13);
            assertThat(tokens(bedrock, "output")).isZero();
            assertThat(bedrock.registry
                            .get("ticketflow.model.cost")
                            .tag("model", "amazon.titan-embed-text-v2:0")
                            .counter()
                            .count())
                    .isCloseTo(13 * 0.00002 / 1000, within(1e-15));
        }
    }

    @Test
    void shouldFailAsInvalidAnswerWhenTheVectorHasAnotherLength() {
        try (SimulatedBedrock bedrock = SimulatedBedrock.start(
                BedrockSimulator.builder().malformedAnswers(1.0, MalformedAnswer.WRONG_DIMENSIONS))) {
            ModelException failure = failure(bedrock.models.embeddingModel().embed(PRINTER));

            assertThat(failure.kind()).isEqualTo(ModelException.Kind.INVALID_ANSWER);
            assertThat(failure.getMessage()).contains("expected an embedding of 1024 numbers, got 1023");
        }
    }

    private static double tokens(SimulatedBedrock bedrock, String direction) {
        return bedrock.registry
                .get("ticketflow.model.tokens")
                .tag("model", "amazon.titan-embed-text-v2:0")
                .tag("direction", direction)
                .counter()
                .count();
    }

    private static double norm(float[] vector) {
        return Math.sqrt(dot(vector, vector));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
