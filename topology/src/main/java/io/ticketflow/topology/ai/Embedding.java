package io.ticketflow.topology.ai;

import io.ticketflow.schemas.TokenUsage;
import java.util.Objects;

/**
 * A text's vector.
 *
 * @param vector the L2-normalised vector; not copied, treat as read-only
 * @param model the id of the model that made it
 * @param usage the tokens the call consumed, as the model reported them
 */
public record Embedding(float[] vector, String model, TokenUsage usage) {
    public Embedding {
        Objects.requireNonNull(vector, "vector");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(usage, "usage");
    }
}
