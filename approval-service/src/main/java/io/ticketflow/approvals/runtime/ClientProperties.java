package io.ticketflow.approvals.runtime;

import io.ticketflow.approvals.config.ApprovalServiceProperties;
import io.ticketflow.approvals.config.KafkaSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/** The Kafka client and Streams properties the settings imply: the one place they are translated. */
final class ClientProperties {

    /**
     * Why the ledger's producer lingers a little, neither Kafka Streams' 100 ms nor 0:
     *
     * <ul>
     *   <li>With 100 ms a transaction's records left only when the commit flushed them, and every commit waited a
     *       produce round trip (profiled: about half of the stream thread's time under load).
     *   <li>With 0 the first records of a transaction reached the broker while the previous commit's markers were
     *       still being written. A Kafka 4 broker (transactions v2) then holds the write and retries adding the
     *       partition to the transaction only after {@code add.partitions.to.txn.retry.backoff.ms} (20 ms by
     *       default), and the next commit's flush waited for it: in a JFR profile at a 10 ms commit interval the
     *       stream thread was parked there 118 times in 18 s, 16 ms on average.
     *   <li>A few milliseconds let the markers land first (with 5 ms the long waits in the flush fell to 8 in the same
     *       18 s); the records are still on the broker well before the commit, and a commit sends whatever still
     *       lingers at once.
     * </ul>
     */
    static final Duration LEDGER_LINGER = Duration.ofMillis(5);

    private ClientProperties() {}

    /** Properties every client shares: the pass-through ones, then the bootstrap servers. */
    static Map<String, Object> common(KafkaSettings kafka) {
        Map<String, Object> config = new HashMap<>(kafka.properties());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return config;
    }

    /**
     * How long the ledger's producer holds a record back to batch it: {@link #LEDGER_LINGER}, at most half the commit
     * interval so that records still leave well before their transaction commits.
     */
    static Duration ledgerLinger(KafkaSettings kafka) {
        Duration half = kafka.commitInterval().dividedBy(2);
        return half.compareTo(LEDGER_LINGER) < 0 ? half : LEDGER_LINGER;
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
        // A few milliseconds, neither Kafka Streams' 100 ms nor 0: see LEDGER_LINGER.
        int linger = (int) ledgerLinger(kafka).toMillis();
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), linger);
        // A decision waits for the ledger; records of the status topics must not hold a command back.
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, 0L);
        // An unreadable approvals.requested record (the topology's dead-letter path owns bad tickets) is logged and
        // skipped rather than stopping every approval of its partition.
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        return props;
    }
}
