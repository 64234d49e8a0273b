package io.ticketflow.topology.deadletter;

import java.util.Objects;

/**
 * A record a stage refuses on purpose, with a stable reason code and the reason in plain words. The exception
 * handlers dead-letter it with both in headers and resume with the next record.
 *
 * <p>Rejections are expected input errors, not bugs: no stack trace is captured, so throwing one is cheap.
 */
public class RejectedRecordException extends RuntimeException {

    private final String reasonCode;

    public RejectedRecordException(String reasonCode, String detail) {
        super(detail, null, false, false);
        this.reasonCode = Objects.requireNonNull(reasonCode, "reasonCode");
    }

    /** The stable reason code, for example {@code SCHEMA_VIOLATION}. */
    public String reasonCode() {
        return reasonCode;
    }

    /** The reason in plain words, for example {@code $.title: is missing but it is required}. */
    public String detail() {
        return getMessage();
    }
}
