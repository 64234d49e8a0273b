package io.ticketflow.topology.review;

import io.ticketflow.topology.deadletter.RejectedRecordException;

/** A decision that {@code apply-decision} refuses, with one of the {@link DecisionRejection}s. */
public final class RejectedDecisionException extends RejectedRecordException {

    public RejectedDecisionException(DecisionRejection reason, String detail) {
        super(reason.name(), detail);
    }
}
