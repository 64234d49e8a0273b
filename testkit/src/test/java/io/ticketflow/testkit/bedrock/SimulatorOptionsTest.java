package io.ticketflow.testkit.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    @Test
    void shouldDefaultToPort8089WithoutLatencyOrQuotas() {
        assertThat(SimulatorOptions.parse()).isEqualTo(new SimulatorOptions(8089, 0, 0, 0, 0, 0));
    }

    @Test
    void shouldReadEveryOption() {
        SimulatorOptions options = SimulatorOptions.parse(
                "--port",
                "9000",
                "--latency-ms",
                "800",
                "--jitter-ms",
                "300",
                "--rpm",
                "60",
                "--tpm",
                "20000",
                "--seed",
                "7");

        assertThat(options).isEqualTo(new SimulatorOptions(9000, 800, 300, 60, 20_000, 7));
    }

    @Test
    void shouldNameTheOptionThatIsWrong() {
        assertThatThrownBy(() -> SimulatorOptions.parse("--rps", "5")).hasMessage("unknown option --rps");
        assertThatThrownBy(() -> SimulatorOptions.parse("--rpm")).hasMessage("--rpm needs a value");
        assertThatThrownBy(() -> SimulatorOptions.parse("--tpm", "lots")).hasMessageContaining("--tpm needs a whole");
        assertThatThrownBy(() -> SimulatorOptions.parse("--rpm", "-1"))
                .hasMessageContaining("--rpm must be at least 0");
        assertThatThrownBy(() -> SimulatorOptions.parse("--latency-ms", "10", "--jitter-ms", "20"))
                .hasMessageContaining("--jitter-ms must not exceed");
    }

    @Test
    void shouldStartASimulatorWithTheQuotasItWasGiven() {
        SimulatorOptions options = SimulatorOptions.parse("--port", "0", "--rpm", "1");
        try (BedrockSimulator simulator =
                options.applyTo(BedrockSimulator.builder()).start()) {
            SimulatorClient client = new SimulatorClient(simulator);
            client.invoke(SimulatorClient.TITAN, SimulatorClient.embeddingRequest("one", 256));

            assertThat(client.invoke(SimulatorClient.TITAN, SimulatorClient.embeddingRequest("two", 256))
                            .statusCode())
                    .isEqualTo(429);
        }
    }
}
