package io.ticketflow.topology.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.schemas.topic.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class TicketflowPropertiesTest {

    @Test
    void shouldDefaultToExactlyOnceOnALocalBroker() {
        var settings = TicketflowProperties.defaults();

        assertThat(settings.kafka().processingGuarantee()).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(settings.kafka().bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(settings.kafka().commitInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.topics().create()).isTrue();
        assertThat(settings.topics().partitions()).isEqualTo(6);
        assertThat(settings.ingest().maxDescriptionLength()).isEqualTo(10_000);
    }

    @Test
    void shouldPrefixEveryTopicName() {
        var topics = new TopicSettings("prod.", null, null, null);

        assertThat(topics.resolve(Topics.TICKETS_DLQ).name()).isEqualTo("prod.tickets.dlq");
    }

    @Test
    void shouldRejectSettingsOutOfRangeNamingTheSetting() {
        assertThatThrownBy(() -> new IngestSettings(null, 0, null))
                .hasMessageContaining("ticketflow.ingest.max-title-length");
        assertThatThrownBy(() -> new TopicSettings("bad/prefix", null, null, null))
                .hasMessageContaining("ticketflow.topics.prefix");
        assertThatThrownBy(() -> new TopicSettings(null, null, null, 0))
                .hasMessageContaining("ticketflow.topics.replication-factor");
        assertThatThrownBy(() -> new KafkaSettings(null, null, "exactly_once", null, null, null, null, null))
                .hasMessageContaining("ticketflow.kafka.processing-guarantee");
        assertThatThrownBy(() -> new KafkaSettings(null, null, null, null, Duration.ZERO, null, null, null))
                .hasMessageContaining("ticketflow.kafka.commit-interval");
    }

    @Test
    void shouldNotLetPassThroughPropertiesOverrideWhatTicketflowDecides() {
        var kafka = new KafkaSettings(
                "broker:9092",
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once", "security.protocol", "SSL"));

        var props = StreamsProperties.of(new TicketflowProperties(kafka, null, null, null, null, null));

        assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(props.get("security.protocol")).isEqualTo("SSL");
        assertThat(props.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("broker:9092");
        assertThat(props.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG))
                .isEqualTo("tickets.dlq");
    }
}
