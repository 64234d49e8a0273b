package io.ticketflow.topology.deadletter;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead-letters a record that a source's deserializer could not read, and resumes with the next record.
 *
 * <p>Configured through {@code deserialization.exception.handler}; reads the dead-letter topic from
 * {@code errors.dead.letter.queue.topic.name}. Upstream tickets are read as bytes and validated by the ingest stage,
 * so this handler catches unreadable records on the other input topics.
 */
public final class DeadLetterDeserializationExceptionHandler implements DeserializationExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationExceptionHandler.class);

    private DeadLetterRecords deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetterRecords.configuredBy(configs);
    }

    @Override
    public Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        log.warn(
                "Dead-lettering unreadable record {}-{}@{}: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                exception.getMessage());
        return Response.resume(deadLetters.deadLetter(
                record.key(), record.value(), context, exception, DeadLetterRecords.UNREADABLE_RECORD));
    }
}
