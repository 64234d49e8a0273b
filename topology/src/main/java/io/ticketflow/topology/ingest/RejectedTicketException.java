package io.ticketflow.topology.ingest;

import io.ticketflow.topology.deadletter.RejectedRecordException;

/** An upstream record that ingest refuses, with one of the {@link RejectionReason}s. */
public final class RejectedTicketException extends RejectedRecordException {

    private final RejectionReason reason;

    public RejectedTicketException(RejectionReason reason, String detail) {
        super(reason.name(), detail);
        this.reason = reason;
    }

    /** Why the record was refused. */
    public RejectionReason reason() {
        return reason;
    }
}
