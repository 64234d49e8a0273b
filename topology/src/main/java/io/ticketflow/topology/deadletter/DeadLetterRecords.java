package io.ticketflow.topology.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;

/**
 * Builds dead-letter records: Kafka Streams' own record (original key, value, headers and timestamp, plus its
 * {@code __streams.errors.*} headers) with ticketflow's reason, detail and stage added.
 */
final class DeadLetterRecords {

    /** The reason code of a failure that is not a rejected ticket: a bug or an unexpected input. */
    static final String UNEXPECTED_ERROR = "UNEXPECTED_ERROR";

    /** The reason code of bytes a deserializer could not read. */
    static final String UNREADABLE_RECORD = "UNREADABLE_RECORD";

    private final String topic;

    private DeadLetterRecords(String topic) {
        this.topic = topic;
    }

    /** Reads the dead-letter topic from the handler's configuration; a handler without one is misconfigured. */
    static DeadLetterRecords configuredBy(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (topic == null || topic.toString().isBlank()) {
            throw new ConfigException(
                    StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG + " must name the dead-letter topic");
        }
        return new DeadLetterRecords(topic.toString());
    }

    List<ProducerRecord<byte[], byte[]>> deadLetter(
            byte[] key, byte[] value, ErrorHandlerContext context, Exception exception, String fallbackReason) {
        ProducerRecord<byte[], byte[]> record =
                ExceptionHandlerUtils.buildDeadLetterQueueRecord(topic, key, value, context, exception);
        String reason = fallbackReason;
        String detail = String.valueOf(exception.getMessage());
        if (exception instanceof RejectedRecordException rejected) {
            reason = rejected.reasonCode();
            detail = rejected.detail();
        }
        record.headers().add(DeadLetterHeaders.REASON, utf8(reason));
        record.headers().add(DeadLetterHeaders.DETAIL, utf8(detail));
        record.headers().add(DeadLetterHeaders.STAGE, utf8(context.processorNodeId()));
        return List.of(record);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
