package io.ticketflow.approvals.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.approvals.config.ApprovalServiceProperties;
import io.ticketflow.approvals.config.KafkaSettings;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** How the ledger's commit interval shapes its Kafka Streams properties. */
class ClientPropertiesTest {

    private static final String LINGER = StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG);

    @Test
    void shouldLetTheLedgerProducerLingerBrieflyWithinTheDefaultCommitInterval() {
        Properties props = ClientProperties.streams(withCommitInterval(null));

        long commitInterval = (long) props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        assertThat(props.get(LINGER)).isEqualTo((int) ClientProperties.LEDGER_LINGER.toMillis());
        assertThat((int) props.get(LINGER)).isPositive().isLessThanOrEqualTo((int) commitInterval / 2);
    }

    @Test
    void shouldLingerAtMostHalfAShortCommitInterval() {
        Properties props = ClientProperties.streams(withCommitInterval(Duration.ofMillis(4)));

        assertThat(props.get(LINGER)).isEqualTo(2);
    }

    @Test
    void shouldPollNoLongerThanTheCommitInterval() {
        Properties props = ClientProperties.streams(withCommitInterval(Duration.ofMillis(40)));

        assertThat(props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(40L);
        assertThat(props.get(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(40L);
    }

    private static ApprovalServiceProperties withCommitInterval(Duration commitInterval) {
        return new ApprovalServiceProperties(
                new KafkaSettings(null, null, commitInterval, null, null, null), null, null, null, null);
    }
}
