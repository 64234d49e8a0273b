package io.ticketflow.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The builder's checks, which fail before anything starts. */
class KRaftBrokerBuilderTest {

    private final KRaftBroker.Builder builder = KRaftBroker.builder();

    @Test
    void shouldRefuseToOverrideWhatFollowsFromPortAndDataDirectory() {
        assertThatThrownBy(() -> builder.brokerProperty("listeners", "PLAINTEXT://0.0.0.0:9092"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listeners");
        assertThatThrownBy(() -> builder.brokerProperty("log.dirs", "/tmp/elsewhere"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("log.dirs");
    }

    @Test
    void shouldRefuseAPortOutsideTheTcpRange() {
        assertThatThrownBy(() -> builder.port(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.port(65_536)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseAStartupTimeoutThatIsNotPositive() {
        assertThatThrownBy(() -> builder.startupTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
