package io.ticketflow.topology.ai.bedrock;

import io.ticketflow.schemas.TokenUsage;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * Prices by model id, for the cost metrics and for anyone who wants the cost of a call (for example an audit trail).
 * Immutable and thread-safe.
 *
 * <p>The {@linkplain #defaults() defaults} are AWS's published on-demand list prices for the default models in US East
 * as the authors last knew them (they could not be re-checked from the build machines, which have no internet).
 * Prices change, and differ by region and for cross-region inference, provisioned throughput and batch: configure the
 * prices your account pays.
 *
 * @param prices price by model id (the id the adapter calls, for example {@code amazon.titan-embed-text-v2:0})
 */
public record ModelPriceTable(Map<String, ModelPrice> prices) {

    /** Titan Text Embeddings v2: $0.00002 per 1,000 input tokens; embeddings have no output tokens. */
    static final ModelPrice TITAN_EMBED_TEXT_V2 = ModelPrice.of("0.00002", "0");

    /** Claude 3 Haiku: $0.00025 per 1,000 input tokens, $0.00125 per 1,000 output tokens. */
    static final ModelPrice CLAUDE_3_HAIKU = ModelPrice.of("0.00025", "0.00125");

    public ModelPriceTable {
        prices = Map.copyOf(Objects.requireNonNull(prices, "prices"));
    }

    /** The prices of the two default models. */
    public static ModelPriceTable defaults() {
        return new ModelPriceTable(Map.of(
                BedrockSettings.DEFAULT_EMBEDDING_MODEL_ID, TITAN_EMBED_TEXT_V2,
                BedrockSettings.DEFAULT_TRIAGE_MODEL_ID, CLAUDE_3_HAIKU));
    }

    /** Whether the table prices {@code modelId}. */
    public boolean prices(String modelId) {
        return prices.containsKey(modelId);
    }

    /**
     * The price of {@code modelId}.
     *
     * @throws IllegalArgumentException if the table has none
     */
    public ModelPrice priceOf(String modelId) {
        ModelPrice price = prices.get(modelId);
        if (price == null) {
            throw new IllegalArgumentException("no price for model " + modelId + "; priced: " + prices.keySet());
        }
        return price;
    }

    /** What a call of {@code modelId} that consumed {@code usage} cost, in US dollars. */
    public BigDecimal costOf(String modelId, TokenUsage usage) {
        return priceOf(modelId).costOf(usage);
    }
}
