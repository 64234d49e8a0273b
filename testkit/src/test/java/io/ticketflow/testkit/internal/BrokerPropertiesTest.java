package io.ticketflow.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BrokerPropertiesTest {

    private static final Path DATA = Path.of("/var/lib/kafka-test");
    private static final Duration TIMEOUT = Duration.ofSeconds(45);

    @Test
    void shouldConfigureACombinedSingleNodeOnLoopbackWithStaticVoters() {
        Properties props = BrokerProperties.singleNode(9092, 9093, DATA, TIMEOUT, Map.of());

        assertThat(props)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("log.dirs", DATA.toString())
                .containsEntry("metadata.log.dir", DATA.toString())
                .containsEntry("server.max.startup.time.ms", "45000");
    }

    @Test
    void shouldMakeTheInternalTopicsWorkOnOneNodeAndLeaveTopicCreationToTheApplication() {
        Properties props = BrokerProperties.singleNode(9092, 9093, DATA, TIMEOUT, Map.of());

        assertThat(props)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    void shouldLetOverridesWinOverTheDefaults() {
        Properties props = BrokerProperties.singleNode(
                9092, 9093, DATA, TIMEOUT, Map.of("auto.create.topics.enable", "true", "log.retention.ms", "60000"));

        assertThat(props).containsEntry("auto.create.topics.enable", "true").containsEntry("log.retention.ms", "60000");
    }

    @Test
    void shouldRefuseOverridesOfListenersQuorumNodeIdOrStorage() {
        for (String key :
                new String[] {"listeners", "controller.quorum.voters", "node.id", "log.dirs", "metadata.log.dir"}) {
            assertThatThrownBy(() -> BrokerProperties.singleNode(9092, 9093, DATA, TIMEOUT, Map.of(key, "x")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(key);
        }
    }

    @Test
    void shouldRefuseEqualOrOutOfRangePorts() {
        assertThatThrownBy(() -> BrokerProperties.singleNode(9092, 9092, DATA, TIMEOUT, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BrokerProperties.singleNode(0, 9093, DATA, TIMEOUT, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
