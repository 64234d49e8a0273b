package io.ticketflow.approvals.runtime;

import io.ticketflow.approvals.config.ApprovalServiceProperties;
import io.ticketflow.approvals.config.KafkaSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/** The Kafka client and Streams properties the settings imply: the one place they are translated. */
final class ClientProperties {

    private ClientProperties() {}

    /** Properties every client shares: the pass-through ones, then the bootstrap servers. */
    static Map<String, Object> common(KafkaSettings kafka) {
        Map<String, Object> config = new HashMap<>(kafka.properties());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return config;
    }

    /** The ledger's Kafka Streams properties. */
    static Properties streams(ApprovalServiceProperties settings) {
        KafkaSettings kafka = settings.kafka();
        Properties props = new Properties();
        props.putAll(common(kafka));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, kafka.applicationId());
        // Single writer, exactly once: a decision's state, its ApprovalDecided and its answer commit together.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, kafka.commitInterval().toMillis());
        // A stream thread commits only between polls, and a poll waits for new records up to poll.ms (default 100 ms):
        // a decision applied just after a commit would wait that long for its transaction (and its answer) whenever
        // no further record arrives. Polling no longer than the commit interval keeps the commit on time.
        props.put(StreamsConfig.POLL_MS_CONFIG, kafka.commitInterval().toMillis());
        props.put(StreamsConfig.STATE_DIR_CONFIG, kafka.stateDir().toString());
        // Tells the other instances where this one answers reads of its partitions (routing.Placement).
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, settings.routing().advertisedAddress());
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // Short transactions often meet the previous one's markers (CONCURRENT_TRANSACTIONS); the default backoff
        // (100 ms, growing) would then dominate a decision's latency. Retry soon instead.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 5);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG), 50);
        // Kafka Streams lets its producer linger 100 ms, so a transaction's records would leave only when the commit
        // flushes them, and every commit would wait a produce round trip (profiled: about half of the stream thread's
        // time under load). Sent at once, they are on the broker while the thread goes on, and the commit mostly
        // finds them acknowledged.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
        // A decision waits for the ledger; records of the status topics must not hold a command back.
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, 0L);
        // An unreadable approvals.requested record (the topology's dead-letter path owns bad tickets) is logged and
        // skipped rather than stopping every approval of its partition.
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        return props;
    }
}
