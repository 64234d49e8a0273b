package io.ticketflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.testkit.internal.LocalPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts its own brokers (not the shared one) to check start-up options, storage reuse and shutdown. */
class KRaftBrokerIT {

    private static final long TIMEOUT_SECONDS = 30;

    @Test
    void shouldServeClientsWithSingleNodeSettingsAndExtraPropertiesOnTheReportedAddress() throws Exception {
        try (KRaftBroker broker = KRaftBroker.builder()
                        .brokerProperty("log.retention.ms", "3600000")
                        .start();
                Admin admin = broker.createAdmin()) {

            List<Node> nodes = List.copyOf(admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            Config config = brokerConfig(admin);

            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
            assertThat(nodes).singleElement().satisfies(node -> {
                assertThat(node.host()).isEqualTo("127.0.0.1");
                assertThat(node.port()).isEqualTo(broker.port());
            });
            assertThat(config.get("log.retention.ms").value()).isEqualTo("3600000");
            assertThat(config.get("auto.create.topics.enable").value()).isEqualTo("false");
            assertThat(config.get("transaction.state.log.replication.factor").value())
                    .isEqualTo("1");
            assertThat(broker.startupTime()).isPositive();
        }
    }

    @Test
    void shouldListenOnTheChosenPort() {
        int port = LocalPorts.freePort();

        try (KRaftBroker broker = KRaftBroker.builder().port(port).start()) {
            assertThat(broker.port()).isEqualTo(port);
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
        }
    }

    @Test
    void shouldRefuseToStartWhenThePortIsTaken(@TempDir Path dataDirectory) throws IOException {
        try (ServerSocket occupant = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            KRaftBroker.Builder builder =
                    KRaftBroker.builder().port(occupant.getLocalPort()).dataDirectory(dataDirectory);

            assertThatThrownBy(builder::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + occupant.getLocalPort())
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void shouldKeepClusterAndTopicsInAReusedDataDirectory(@TempDir Path dataDirectory) throws Exception {
        String clusterId;
        try (KRaftBroker first =
                        KRaftBroker.builder().dataDirectory(dataDirectory).start();
                Admin admin = first.createAdmin()) {
            admin.createTopics(List.of(new NewTopic("kept", 2, (short) 1)))
                    .all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            clusterId = first.clusterId();
        }

        try (KRaftBroker second =
                        KRaftBroker.builder().dataDirectory(dataDirectory).start();
                Admin admin = second.createAdmin()) {
            assertThat(second.clusterId()).isEqualTo(clusterId);
            assertThat(admin.describeCluster().clusterId().get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .isEqualTo(clusterId);
            assertThat(admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .contains("kept");
        }
        assertThat(dataDirectory).isDirectoryContaining(path -> path.endsWith("meta.properties"));
    }

    @Test
    void shouldDeleteATemporaryDataDirectoryOnClose() {
        KRaftBroker broker = KRaftBroker.start();
        Path dataDirectory = broker.dataDirectory();
        assertThat(dataDirectory).isDirectoryContaining(path -> path.endsWith("meta.properties"));

        broker.close();

        assertThat(Files.exists(dataDirectory)).isFalse();
    }

    private static Config brokerConfig(Admin admin) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, "1");
        Map<ConfigResource, Config> configs =
                admin.describeConfigs(List.of(resource)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return configs.get(resource);
    }
}
