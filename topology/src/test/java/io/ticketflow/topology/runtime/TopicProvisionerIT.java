package io.ticketflow.topology.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.testkit.KafkaCluster;
import io.ticketflow.testkit.WithKafkaBroker;
import io.ticketflow.topology.config.TopicSettings;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

@WithKafkaBroker
class TopicProvisionerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    KafkaCluster kafka;

    @Test
    void shouldCreateMissingTopicsAndLeaveExistingOnesAlone() throws Exception {
        String prefix = kafka.uniqueTopic("create") + ".";
        String existing = prefix + Topics.TICKETS_INGESTED.name();
        kafka.createTopics(2, existing);

        new TopicProvisioner(kafka.admin(), new TopicSettings(prefix, true, 4, 1), TIMEOUT).ensureTopics();

        var described = kafka.admin()
                .describeTopics(
                        Topics.all().stream().map(t -> prefix + t.name()).toList())
                .allTopicNames()
                .get();
        assertThat(described).hasSize(Topics.all().size());
        // Adding partitions would move keys between partitions: an existing topic keeps its two.
        assertThat(described.get(existing).partitions()).hasSize(2);
        assertThat(described.get(prefix + Topics.TICKETS_ENRICHED.name()).partitions())
                .hasSize(4);
    }

    @Test
    void shouldBeIdempotent() {
        String prefix = kafka.uniqueTopic("twice") + ".";
        var provisioner = new TopicProvisioner(kafka.admin(), new TopicSettings(prefix, true, 1, 1), TIMEOUT);

        provisioner.ensureTopics();
        provisioner.ensureTopics();
    }

    @Test
    void shouldRefuseToStartWhenTopicsAreMissingAndCreationIsOff() throws Exception {
        String prefix = kafka.uniqueTopic("owned") + ".";
        kafka.createTopics(1, prefix + Topics.TICKETS_INGESTED.name(), prefix + Topics.TICKETS_ENRICHED.name());
        var provisioner = new TopicProvisioner(kafka.admin(), new TopicSettings(prefix, false, 1, 1), TIMEOUT);

        assertThatThrownBy(provisioner::ensureTopics)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(prefix + Topics.TICKETS_DLQ.name())
                .hasMessageContaining(prefix + Topics.APPROVALS_DECIDED.name())
                .hasMessageNotContaining(prefix + Topics.TICKETS_INGESTED.name())
                .hasMessageContaining("ticketflow.topics.create is false");
        Set<String> topics = kafka.admin().listTopics().names().get();
        assertThat(topics).doesNotContain(prefix + Topics.TICKETS_DLQ.name());
    }

    @Test
    void shouldRefuseToStartWhenDecisionsAreNotCoPartitionedWithTickets() throws Exception {
        String prefix = kafka.uniqueTopic("copartition") + ".";
        kafka.createTopics(2, prefix + Topics.APPROVALS_DECIDED.name());
        var provisioner = new TopicProvisioner(kafka.admin(), new TopicSettings(prefix, true, 3, 1), TIMEOUT);
        provisioner.ensureTopics();

        assertThatThrownBy(provisioner::ensureCoPartitioned)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(prefix + Topics.APPROVALS_DECIDED.name() + " has 2 partitions")
                .hasMessageContaining(prefix + Topics.TICKETS_INGESTED.name() + " has 3");
    }

    @Test
    void shouldAcceptCoPartitionedTopics() {
        String prefix = kafka.uniqueTopic("copartitioned") + ".";
        var provisioner = new TopicProvisioner(kafka.admin(), new TopicSettings(prefix, true, 3, 1), TIMEOUT);
        provisioner.ensureTopics();

        provisioner.ensureCoPartitioned();
    }
}
