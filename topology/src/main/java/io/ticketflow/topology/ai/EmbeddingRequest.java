package io.ticketflow.topology.ai;

import java.util.Objects;

/**
 * What to embed.
 *
 * @param ticketId the ticket the text belongs to, for logs and tracing
 * @param text the text, already redacted of personal data
 */
public record EmbeddingRequest(String ticketId, String text) {
    public EmbeddingRequest {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(text, "text");
    }
}
