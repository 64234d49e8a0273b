package io.ticketflow.topology.deadletter;

import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;

/**
 * Headers of a dead-letter record. Kafka Streams writes the {@code __streams.errors.*} ones; ticketflow adds its own
 * reason code, detail and stage. The original record's headers are kept as well.
 */
public final class DeadLetterHeaders {

    /** A stable reason code, for example {@code SCHEMA_VIOLATION}: alert and count on this. */
    public static final String REASON = "ticketflow.dlq.reason";

    /** The reason in plain words, for example {@code $.title: is missing but it is required}. */
    public static final String DETAIL = "ticketflow.dlq.detail";

    /** The pipeline stage (processor name) that refused the record, for example {@code ingest}. */
    public static final String STAGE = "ticketflow.dlq.stage";

    /** Topic the record was read from. */
    public static final String SOURCE_TOPIC = ExceptionHandlerUtils.HEADER_ERRORS_TOPIC_NAME;

    /** Partition the record was read from. */
    public static final String SOURCE_PARTITION = ExceptionHandlerUtils.HEADER_ERRORS_PARTITION_NAME;

    /** Offset the record was read from. */
    public static final String SOURCE_OFFSET = ExceptionHandlerUtils.HEADER_ERRORS_OFFSET_NAME;

    /** Class name of the exception that refused the record. */
    public static final String EXCEPTION = ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_NAME;

    /** The exception's message. */
    public static final String EXCEPTION_MESSAGE = ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_MESSAGE_NAME;

    private DeadLetterHeaders() {}
}
