package io.ticketflow.topology.deadletter;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead-letters a record whose processing threw, with the source record's original bytes, and resumes with the next
 * record. Rejected records ({@link RejectedRecordException}) are expected and logged briefly; anything else is logged with its stack trace.
 *
 * <p>Configured through {@code processing.exception.handler}; reads the dead-letter topic from
 * {@code errors.dead.letter.queue.topic.name}.
 */
public final class DeadLetterProcessingExceptionHandler implements ProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingExceptionHandler.class);

    private DeadLetterRecords deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetterRecords.configuredBy(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (exception instanceof RejectedRecordException rejected) {
            log.info(
                    "Dead-lettering {}-{}@{} (stage {}): {} {}",
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    context.processorNodeId(),
                    rejected.reasonCode(),
                    rejected.detail());
        } else {
            log.warn(
                    "Dead-lettering {}-{}@{} after an unexpected error in {}",
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    context.processorNodeId(),
                    exception);
        }
        return Response.resume(deadLetters.deadLetter(
                context.sourceRawKey(),
                context.sourceRawValue(),
                context,
                exception,
                DeadLetterRecords.UNEXPECTED_ERROR));
    }
}
