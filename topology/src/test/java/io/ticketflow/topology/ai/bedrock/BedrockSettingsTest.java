package io.ticketflow.topology.ai.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class BedrockSettingsTest {

    @Test
    void shouldDefaultEverySetting() {
        BedrockSettings settings = BedrockSettings.defaults();

        assertThat(settings.configuredRegion()).isEmpty();
        assertThat(settings.embeddingModelId()).isEqualTo("amazon.titan-embed-text-v2:0");
        assertThat(settings.embeddingDimensions()).isEqualTo(1024);
        assertThat(settings.triageModelId()).isEqualTo("anthropic.claude-3-haiku-20240307-v1:0");
        assertThat(settings.maxOutputTokens()).isEqualTo(1024);
        assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.configuredEndpointOverride()).isEmpty();
        assertThat(settings.maxConcurrency()).isEqualTo(256);
        assertThat(settings.priceTable()).isEqualTo(ModelPriceTable.defaults());
    }

    @Test
    void shouldKeepWhatIsSet() {
        BedrockSettings settings = new BedrockSettings(
                "eu-central-1",
                "amazon.titan-embed-text-v2:0",
                512,
                "anthropic.claude-3-haiku-20240307-v1:0",
                800,
                Duration.ofSeconds(5),
                URI.create("https://vpce-123.bedrock-runtime.eu-central-1.vpce.amazonaws.com"),
                16,
                null);

        assertThat(settings.configuredRegion()).contains("eu-central-1");
        assertThat(settings.embeddingDimensions()).isEqualTo(512);
        assertThat(settings.configuredEndpointOverride()).isPresent();
    }

    @Test
    void shouldNameTheSettingThatIsOutOfRange() {
        assertThatThrownBy(() -> with(b -> b.region = "Frankfurt"))
                .hasMessageStartingWith("ticketflow.model.bedrock.region ");
        assertThatThrownBy(() -> with(b -> b.dimensions = 384))
                .hasMessage("ticketflow.model.bedrock.embedding-dimensions must be 256, 512 or 1024, was 384");
        assertThatThrownBy(() -> with(b -> b.maxOutputTokens = 10))
                .hasMessageStartingWith("ticketflow.model.bedrock.max-output-tokens must be at least 64");
        assertThatThrownBy(() -> with(b -> b.triageModelId = " "))
                .hasMessage("ticketflow.model.bedrock.triage-model-id must not be blank");
        assertThatThrownBy(() -> with(b -> b.callTimeout = Duration.ZERO))
                .hasMessageStartingWith("ticketflow.model.bedrock.call-timeout must be positive");
        assertThatThrownBy(() -> with(b -> b.endpoint = URI.create("ftp://example.com")))
                .hasMessageStartingWith("ticketflow.model.bedrock.endpoint-override must be an http or https URL");
        assertThatThrownBy(() -> with(b -> b.maxConcurrency = 0))
                .hasMessageStartingWith("ticketflow.model.bedrock.max-concurrency must be at least 1");
    }

    @Test
    void shouldRequireAPriceForEveryModelItCalls() {
        assertThatThrownBy(() -> with(b -> b.triageModelId = "anthropic.claude-3-5-haiku-20241022-v1:0"))
                .hasMessageStartingWith("ticketflow.model.bedrock.prices has no price for model"
                        + " anthropic.claude-3-5-haiku-20241022-v1:0");

        BedrockSettings priced = with(b -> {
            b.triageModelId = "anthropic.claude-3-5-haiku-20241022-v1:0";
            b.prices = Map.of(
                    "amazon.titan-embed-text-v2:0", ModelPrice.of("0.00002", "0"),
                    "anthropic.claude-3-5-haiku-20241022-v1:0", ModelPrice.of("0.0008", "0.004"));
        });
        assertThat(priced.priceTable().prices("anthropic.claude-3-5-haiku-20241022-v1:0"))
                .isTrue();
    }

    /** The settings with the defaults except what {@code change} sets. */
    private static BedrockSettings with(Consumer<Values> change) {
        Values values = new Values();
        change.accept(values);
        return new BedrockSettings(
                values.region,
                null,
                values.dimensions,
                values.triageModelId,
                values.maxOutputTokens,
                values.callTimeout,
                values.endpoint,
                values.maxConcurrency,
                values.prices);
    }

    private static final class Values {
        String region;
        Integer dimensions;
        String triageModelId;
        Integer maxOutputTokens;
        Duration callTimeout;
        URI endpoint;
        Integer maxConcurrency;
        Map<String, ModelPrice> prices;
    }
}
