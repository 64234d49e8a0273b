package io.ticketflow.testkit.bedrock;

import java.time.Duration;
import java.util.Set;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An InvokeModel call with a Titan Text Embeddings v2 body: {@code {"inputText", "dimensions", "normalize"}} in,
 * {@code {"embedding": [...], "inputTextTokenCount": n}} out. Dimensions default to 1024 and must be 256, 512 or 1024;
 * {@code normalize} defaults to {@code true}, as with Titan.
 */
final class EmbeddingCall implements SimulatedCall {

    private static final Set<Integer> DIMENSIONS = Set.of(256, 512, 1024);
    private static final int DEFAULT_DIMENSIONS = 1024;

    private final String inputText;
    private final int dimensions;
    private final boolean normalize;
    private final long inputTokens;

    private EmbeddingCall(String inputText, int dimensions, boolean normalize) {
        this.inputText = inputText;
        this.dimensions = dimensions;
        this.normalize = normalize;
        this.inputTokens = TokenEstimate.of(inputText);
    }

    /** Validates {@code request} as Bedrock would. */
    static EmbeddingCall of(JsonNode request) {
        JsonNode inputText = request.path("inputText");
        if (!inputText.isString() || inputText.stringValue().isEmpty()) {
            throw new InvalidRequestException("Malformed input request: inputText must be a non-empty string");
        }
        JsonNode dimensions = request.path("dimensions");
        int resolvedDimensions = DEFAULT_DIMENSIONS;
        if (!dimensions.isMissingNode()) {
            if (!dimensions.isIntegralNumber() || !DIMENSIONS.contains(dimensions.intValue())) {
                throw new InvalidRequestException(
                        "Malformed input request: dimensions must be one of 256, 512, 1024, was " + dimensions);
            }
            resolvedDimensions = dimensions.intValue();
        }
        JsonNode normalize = request.path("normalize");
        if (!normalize.isMissingNode() && !normalize.isBoolean()) {
            throw new InvalidRequestException("Malformed input request: normalize must be a boolean");
        }
        return new EmbeddingCall(inputText.stringValue(), resolvedDimensions, normalize.booleanValue(true));
    }

    @Override
    public long reservedTokens() {
        return inputTokens;
    }

    @Override
    public long outputReservation() {
        return 0;
    }

    @Override
    public Answer answer(MalformedAnswer malformed, Duration latency, RandomGenerator random) {
        float[] vector = HashedEmbedder.embed(inputText, dimensions, normalize);
        int length = malformed == MalformedAnswer.WRONG_DIMENSIONS ? vector.length - 1 : vector.length;
        ObjectNode body = SimulatedResponse.JSON.createObjectNode();
        ArrayNode embedding = body.putArray("embedding");
        for (int i = 0; i < length; i++) {
            embedding.add(vector[i]);
        }
        body.put("inputTextTokenCount", inputTokens);
        return new Answer(body, 0);
    }
}
