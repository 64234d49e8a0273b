package io.ticketflow.topology.config;

import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.topology.deadletter.DeadLetterDeserializationExceptionHandler;
import io.ticketflow.topology.deadletter.DeadLetterProcessingExceptionHandler;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams and client properties that the settings imply: the one place they are translated. */
public final class StreamsProperties {

    private StreamsProperties() {}

    /**
     * Kafka Streams properties for {@code settings}: the pass-through {@code ticketflow.kafka.properties} first, then
     * everything ticketflow decides, which pass-through properties cannot override.
     */
    public static Properties of(TicketflowProperties settings) {
        KafkaSettings kafka = settings.kafka();
        Properties props = clientProperties(kafka);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, kafka.applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, kafka.processingGuarantee());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, kafka.streamThreads());
        props.put(
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, kafka.commitInterval().toMillis());
        props.put(StreamsConfig.STATE_DIR_CONFIG, kafka.stateDir().toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.topics().replicationFactor());
        // Every processor, store and repartition topic is named in the topology, so a change to the topology never
        // silently renames a changelog; Kafka Streams refuses to start if one is not.
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(
                StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
                settings.topics().resolve(Topics.TICKETS_DLQ).name());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingExceptionHandler.class);
        // Global stores (none yet) would otherwise bypass the handler and stop on a bad record.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationExceptionHandler.class);
        return props;
    }

    /** Properties every Kafka client of the application shares: bootstrap servers and the pass-through ones. */
    public static Properties clientProperties(KafkaSettings kafka) {
        Properties props = new Properties();
        props.putAll(kafka.properties());
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return props;
    }

    /** {@link #clientProperties} as a map, for clients that take one. */
    public static Map<String, Object> clientConfig(KafkaSettings kafka) {
        Map<String, Object> config = new java.util.HashMap<>();
        clientProperties(kafka).forEach((key, value) -> config.put(key.toString(), value));
        return config;
    }
}
