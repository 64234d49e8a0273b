package io.ticketflow.testkit.bedrock;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One request as the simulator received it, for tests that assert on what a client sent.
 *
 * @param method the HTTP method
 * @param rawPath the path as sent, still URL-encoded (for example {@code /model/amazon.titan-embed-text-v2%3A0/invoke})
 * @param operation the operation, or {@code null} when the path names none
 * @param modelId the decoded model id, or {@code null} when the path names none
 * @param headers the request headers, names lower-cased
 * @param body the request body as UTF-8 text
 */
public record ReceivedRequest(
        String method,
        String rawPath,
        Operation operation,
        String modelId,
        Map<String, List<String>> headers,
        String body) {

    public ReceivedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** The first value of header {@code name} (any case), or {@code null} when absent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
