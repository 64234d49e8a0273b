package io.ticketflow.testkit.bedrock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A plain HTTP client of the simulator, for its own tests: what the AWS SDK sends, without the SDK. */
final class SimulatorClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TITAN = "amazon.titan-embed-text-v2:0";
    static final String CLAUDE = "anthropic.claude-3-haiku-20240307-v1:0";

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI endpoint;

    SimulatorClient(BedrockSimulator simulator) {
        this.endpoint = simulator.endpoint();
    }

    HttpResponse<String> invoke(String modelId, String body) {
        return post("/model/" + modelId.replace(":", "%3A") + "/invoke", body, Duration.ofSeconds(30));
    }

    HttpResponse<String> converse(String body) {
        return converse(body, Duration.ofSeconds(30));
    }

    HttpResponse<String> converse(String body, Duration timeout) {
        return post("/model/" + CLAUDE.replace(":", "%3A") + "/converse", body, timeout);
    }

    /** Posts {@code body}; an {@link java.net.http.HttpTimeoutException} comes back as the cause of an unchecked one. */
    HttpResponse<String> post(String rawPath, String body, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(rawPath))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                // What a SigV4-signed request carries; the simulator must accept it without checking.
                .header(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/us-east-1/bedrock/aws4_request,"
                                + " SignedHeaders=content-type;host;x-amz-date, Signature=0123abcd")
                .header("X-Amz-Date", "20261123T090000Z")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String embeddingRequest(String text, int dimensions) {
        return JSON.createObjectNode()
                .put("inputText", text)
                .put("dimensions", dimensions)
                .put("normalize", true)
                .toString();
    }

    /** A Converse request shaped like the adapter's: one forced tool with the triage schema. */
    static String converseRequest(String ticketText, List<String> categories, int maxTokens) {
        ObjectNode request = JSON.createObjectNode();
        request.putArray("system").addObject().put("text", "You triage IT support tickets.");
        ObjectNode message = request.putArray("messages").addObject();
        message.put("role", "user");
        message.putArray("content").addObject().put("text", "Triage this ticket.\n<ticket>" + ticketText + "</ticket>");
        request.putObject("inferenceConfig").put("maxTokens", maxTokens).put("temperature", 0);
        ObjectNode toolConfig = request.putObject("toolConfig");
        ObjectNode spec = toolConfig.putArray("tools").addObject().putObject("toolSpec");
        spec.put("name", "record_triage");
        spec.put("description", "Records the triage of the ticket.");
        ObjectNode properties = spec.putObject("inputSchema")
                .putObject("json")
                .put("type", "object")
                .putObject("properties");
        ArrayNode priorities =
                properties.putObject("priority").put("type", "string").putArray("enum");
        List.of("P1", "P2", "P3", "P4").forEach(priorities::add);
        ArrayNode categoryEnum =
                properties.putObject("category").put("type", "string").putArray("enum");
        categories.forEach(categoryEnum::add);
        toolConfig.putObject("toolChoice").putObject("tool").put("name", "record_triage");
        return request.toString();
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static JsonNode toolInput(HttpResponse<String> response) {
        return json(response).at("/output/message/content/0/toolUse/input");
    }

    static float[] vector(HttpResponse<String> response) {
        JsonNode embedding = json(response).path("embedding");
        float[] vector = new float[embedding.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = embedding.get(i).floatValue();
        }
        return vector;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }
}
