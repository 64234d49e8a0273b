package io.ticketflow.approvals.query;

/**
 * A read that cannot be answered correctly now: the ledger is rebalancing, the owner of a partition does not answer,
 * or the instances' pages do not cover every partition exactly once. Answered 503 with {@code Retry-After}: retrying
 * shortly will do.
 */
public class ReadUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReadUnavailableException(String message) {
        super(message);
    }

    public ReadUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
