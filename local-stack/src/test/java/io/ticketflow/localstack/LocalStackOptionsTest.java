package io.ticketflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalStackOptionsTest {

    @Test
    void shouldDefaultToPort9092AndATemporaryFolder() {
        LocalStackOptions options = LocalStackOptions.parse(List.of());

        assertThat(options.port()).isEqualTo(9092);
        assertThat(options.dataDirectory()).isNull();
        assertThat(options.tickets()).isEqualTo(300);
        assertThat(options.model()).isEqualTo("local");
        assertThat(options.usesBedrockSimulator()).isFalse();
    }

    @Test
    void shouldParseEveryOption() {
        LocalStackOptions options = LocalStackOptions.parse(List.of(
                "--port",
                "19092",
                "--data-dir",
                "/tmp/tf",
                "--tickets",
                "5",
                "--rate",
                "2.5",
                "--seed",
                "9",
                "--http-port",
                "0",
                "--model",
                "bedrock-simulator"));

        assertThat(options)
                .isEqualTo(new LocalStackOptions(19092, Path.of("/tmp/tf"), 5, 2.5, 9, 0, "bedrock-simulator"));
        assertThat(options.usesBedrockSimulator()).isTrue();
    }

    @Test
    void shouldExplainBadOptions() {
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--port", "ninety")))
                .hasMessage("--port needs a whole number, was 'ninety'");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--port", "70000")))
                .hasMessageContaining("--port must be within 0–65535");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--rate", "0")))
                .hasMessageContaining("--rate must be positive");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--tickets"))).hasMessage("--tickets needs a value");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--verbose"))).hasMessage("unknown option --verbose");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--model", "bedrock")))
                .hasMessage("--model must be local or bedrock-simulator, was 'bedrock'");
    }

    @Test
    void shouldRecogniseAHelpRequest() {
        assertThat(LocalStackOptions.wantsHelp(List.of("--port", "1", "--help")))
                .isTrue();
        assertThat(LocalStackOptions.wantsHelp(List.of("--port", "1"))).isFalse();
    }
}
