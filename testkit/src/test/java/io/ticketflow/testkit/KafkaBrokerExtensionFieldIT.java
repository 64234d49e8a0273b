package io.ticketflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shared broker as tests see it, through a field; a second test class of the JVM, so it must get the same one. */
@WithKafkaBroker
class KafkaBrokerExtensionFieldIT {

    private KafkaCluster cluster;

    @Test
    void shouldInjectTheSharedClusterIntoFields() throws Exception {
        assertThat(cluster).isNotNull();
        assertThat(cluster.admin().listTopics().names().get(30, TimeUnit.SECONDS))
                .isNotNull();
    }

    @Test
    void shouldShareOneBrokerWithEveryTestClassOfTheJvm() {
        KafkaCluster first = FirstSharedCluster.remember(cluster);

        assertThat(cluster).isSameAs(first);
        assertThat(cluster.bootstrapServers()).isEqualTo(first.bootstrapServers());
        assertThat(cluster.clusterId()).isEqualTo(first.clusterId());
    }
}
