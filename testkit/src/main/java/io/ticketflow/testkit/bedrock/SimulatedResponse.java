package io.ticketflow.testkit.bedrock;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP answer in Bedrock Runtime's form. Errors carry the {@code x-amzn-ErrorType} header the AWS SDK reads to pick
 * its exception class, and a JSON body {@code {"message": ...}}.
 *
 * @param status the HTTP status
 * @param headers response headers besides {@code Content-Type} (always JSON)
 * @param body the JSON body
 */
record SimulatedResponse(int status, Map<String, String> headers, String body) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /* Bedrock's error type suffix: the SDK strips everything after the colon. */
    private static final String ERROR_TYPE_NAMESPACE = ":http://internal.amazon.com/coral/com.amazon.bedrock/";

    static SimulatedResponse ok(JsonNode body) {
        return new SimulatedResponse(200, Map.of(), JSON.writeValueAsString(body));
    }

    static SimulatedResponse error(int status, String errorType, String message) {
        return error(status, errorType, message, Map.of());
    }

    static SimulatedResponse fault(ServerFault fault) {
        return error(fault.status(), fault.errorType(), fault.message());
    }

    static SimulatedResponse invalid(String message) {
        return error(400, "ValidationException", message);
    }

    /**
     * HTTP 429 {@code ThrottlingException}, with a {@code Retry-After} header (whole seconds, rounded up) when
     * {@code retryAfter} is not {@code null}. Bedrock itself sends none.
     */
    static SimulatedResponse throttled(Duration retryAfter) {
        Map<String, String> headers = retryAfter == null
                ? Map.of()
                : Map.of("Retry-After", Long.toString((retryAfter.toMillis() + 999) / 1000));
        return error(429, "ThrottlingException", "Too many requests, please wait before trying again.", headers);
    }

    private static SimulatedResponse error(
            int status, String errorType, String message, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("x-amzn-ErrorType", errorType + ERROR_TYPE_NAMESPACE);
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("message", message));
        return new SimulatedResponse(status, Map.copyOf(headers), body);
    }
}
