package io.ticketflow.schemas;

/**
 * Tokens a model call consumed, as the model reported them.
 *
 * @param inputTokens prompt tokens (non-negative)
 * @param outputTokens generated tokens (non-negative)
 */
public record TokenUsage(long inputTokens, long outputTokens) {
    public static final TokenUsage NONE = new TokenUsage(0, 0);

    public TokenUsage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }
}
