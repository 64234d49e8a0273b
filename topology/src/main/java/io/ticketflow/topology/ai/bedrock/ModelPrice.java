package io.ticketflow.topology.ai.bedrock;

import io.ticketflow.schemas.TokenUsage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * What one model charges, in US dollars per 1,000 tokens.
 *
 * @param inputPerThousandTokens the price of 1,000 input (prompt) tokens; zero or more
 * @param outputPerThousandTokens the price of 1,000 output (generated) tokens; zero or more (zero for embeddings)
 */
public record ModelPrice(BigDecimal inputPerThousandTokens, BigDecimal outputPerThousandTokens) {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);

    public ModelPrice {
        Objects.requireNonNull(inputPerThousandTokens, "inputPerThousandTokens");
        Objects.requireNonNull(outputPerThousandTokens, "outputPerThousandTokens");
        if (inputPerThousandTokens.signum() < 0 || outputPerThousandTokens.signum() < 0) {
            throw new IllegalArgumentException(
                    "prices must not be negative, were " + inputPerThousandTokens + " and " + outputPerThousandTokens);
        }
    }

    /** The price from plain decimal strings, for example {@code of("0.00025", "0.00125")}. */
    public static ModelPrice of(String inputPerThousandTokens, String outputPerThousandTokens) {
        return new ModelPrice(new BigDecimal(inputPerThousandTokens), new BigDecimal(outputPerThousandTokens));
    }

    /** What a call that consumed {@code usage} cost, in US dollars. */
    public BigDecimal costOf(TokenUsage usage) {
        return inputPerThousandTokens
                .multiply(BigDecimal.valueOf(usage.inputTokens()))
                .add(outputPerThousandTokens.multiply(BigDecimal.valueOf(usage.outputTokens())))
                .divide(THOUSAND, MathContext.DECIMAL64);
    }
}
