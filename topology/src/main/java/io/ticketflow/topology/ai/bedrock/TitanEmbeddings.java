package io.ticketflow.topology.ai.bedrock;

import io.ticketflow.schemas.TokenUsage;
import io.ticketflow.topology.ai.Embedding;
import io.ticketflow.topology.ai.ModelException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The InvokeModel bodies of Titan Text Embeddings v2: {@code {"inputText", "dimensions", "normalize": true}} out,
 * {@code {"embedding": [...], "inputTextTokenCount": n}} back, read strictly. Stateless.
 */
final class TitanEmbeddings {

    private TitanEmbeddings() {}

    static String request(String text, int dimensions) {
        ObjectNode body = Documents.JSON.createObjectNode();
        body.put("inputText", text);
        body.put("dimensions", dimensions);
        body.put("normalize", true);
        return body.toString();
    }

    /**
     * The embedding in {@code responseBody}, scaled to unit length.
     *
     * @throws ModelException of kind {@code INVALID_ANSWER} unless the body holds {@code dimensions} finite numbers,
     *     not all zero, and a non-negative token count
     */
    static Embedding read(String responseBody, int dimensions, String modelId) {
        JsonNode body;
        try {
            body = Documents.JSON.readTree(responseBody);
        } catch (JacksonException e) {
            throw invalid(modelId, "the answer is not JSON");
        }
        JsonNode embedding = body.path("embedding");
        if (!embedding.isArray() || embedding.size() != dimensions) {
            throw invalid(
                    modelId,
                    "expected an embedding of " + dimensions + " numbers, got "
                            + (embedding.isArray() ? embedding.size() + " numbers" : embedding.getNodeType()));
        }
        JsonNode tokenCount = body.path("inputTextTokenCount");
        if (!tokenCount.isIntegralNumber() || tokenCount.longValue() < 0) {
            throw invalid(modelId, "inputTextTokenCount is not a non-negative integer: " + tokenCount);
        }
        return new Embedding(unitVector(embedding, modelId), modelId, new TokenUsage(tokenCount.longValue(), 0));
    }

    /*
     * Titan already normalises when asked to; scaling again makes the port's promise (dot product = cosine) exact
     * rather than true within Titan's rounding, and catches a zero vector.
     */
    private static float[] unitVector(JsonNode embedding, String modelId) {
        float[] vector = new float[embedding.size()];
        double sumOfSquares = 0;
        for (int i = 0; i < vector.length; i++) {
            JsonNode component = embedding.get(i);
            if (!component.isNumber() || !Double.isFinite(component.doubleValue())) {
                throw invalid(modelId, "embedding component " + i + " is not a finite number: " + component);
            }
            vector[i] = component.floatValue();
            sumOfSquares += (double) vector[i] * vector[i];
        }
        if (sumOfSquares == 0) {
            throw invalid(modelId, "the embedding is all zeros");
        }
        float norm = (float) Math.sqrt(sumOfSquares);
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= norm;
        }
        return vector;
    }

    private static ModelException invalid(String modelId, String problem) {
        return new ModelException(ModelException.Kind.INVALID_ANSWER, modelId + ": " + problem);
    }
}
