package io.ticketflow.topology.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.schemas.Priority;
import io.ticketflow.schemas.topic.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

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

        var props = StreamsProperties.of(new TicketflowProperties(kafka, null, null, null, null, null, null));

        assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(props.get("security.protocol")).isEqualTo("SSL");
        assertThat(props.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("broker:9092");
        assertThat(props.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG))
                .isEqualTo("tickets.dlq");
    }

    @Test
    void shouldBindTheReviewRulesFromProperties() {
        var source = new MapConfigurationPropertySource(Map.of(
                "ticketflow.review.confidence-threshold", "0.5",
                "ticketflow.review.priorities", "P1,P2",
                "ticketflow.review.categories", "Security,Access",
                "ticketflow.review.approval-ttl", "2h"));

        ReviewSettings review = new Binder(source)
                .bind("ticketflow", TicketflowProperties.class)
                .get()
                .review();

        assertThat(review.confidenceThreshold()).isEqualTo(0.5);
        assertThat(review.priorities()).containsExactlyInAnyOrder(Priority.P1, Priority.P2);
        assertThat(review.categories()).containsExactlyInAnyOrder("Security", "Access");
        assertThat(review.tenants()).isEmpty();
        assertThat(review.approvalTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(review.aiUnavailable()).isTrue();
    }

    @Test
    void shouldBindTheDedupSearchWidthAndRefuseOneBelowThePool() {
        var source = new MapConfigurationPropertySource(Map.of("ticketflow.dedup.search-width", "200"));

        DedupSettings dedup = new Binder(source)
                .bind("ticketflow", TicketflowProperties.class)
                .get()
                .dedup();

        assertThat(dedup.searchWidth()).isEqualTo(200);
        assertThat(DedupSettings.defaults().searchWidth()).isEqualTo(DedupSettings.MIN_SEARCH_WIDTH);
        assertThatThrownBy(() -> new DedupSettings(null, null, null, null, null, null, null, 49))
                .hasMessageContaining("ticketflow.dedup.search-width must be at least 50, was 49");
    }

    @Test
    void shouldTurnThePriorityRuleOffWithAnEmptyList() {
        var source = new MapConfigurationPropertySource(Map.of("ticketflow.review.priorities", ""));

        ReviewSettings review = new Binder(source)
                .bind("ticketflow", TicketflowProperties.class)
                .get()
                .review();

        assertThat(review.priorities()).isEmpty();
    }

    @Test
    void shouldRejectReviewSettingsOutOfRangeNamingTheSetting() {
        assertThatThrownBy(() -> new ReviewSettings(1.5, null, null, null, null, null, null))
                .hasMessageContaining("ticketflow.review.confidence-threshold");
        assertThatThrownBy(() -> new ReviewSettings(null, null, null, null, null, null, Duration.ZERO))
                .hasMessageContaining("ticketflow.review.approval-ttl");
    }
}
