package io.ticketflow.topology.ai.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.schemas.TokenUsage;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ModelPriceTableTest {

    @Test
    void shouldPriceInputAndOutputTokensPerThousand() {
        ModelPrice haiku = ModelPrice.of("0.00025", "0.00125");

        // 2,000 input tokens at $0.00025 per 1,000 plus 400 output tokens at $0.00125 per 1,000.
        assertThat(haiku.costOf(new TokenUsage(2_000, 400))).isEqualByComparingTo("0.001");
        assertThat(haiku.costOf(TokenUsage.NONE)).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void shouldPriceTheDefaultModelsAndNoOthers() {
        ModelPriceTable table = ModelPriceTable.defaults();

        assertThat(table.costOf("amazon.titan-embed-text-v2:0", new TokenUsage(1_000_000, 0)))
                .isEqualByComparingTo("0.02");
        assertThatThrownBy(() -> table.priceOf("meta.llama3-8b-instruct-v1:0"))
                .hasMessageStartingWith("no price for model meta.llama3-8b-instruct-v1:0");
    }

    @Test
    void shouldRefuseNegativePrices() {
        assertThatThrownBy(() -> ModelPrice.of("-0.1", "0")).hasMessageContaining("must not be negative");
    }
}
