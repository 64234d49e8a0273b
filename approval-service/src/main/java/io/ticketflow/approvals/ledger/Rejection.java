package io.ticketflow.approvals.ledger;

/** Why the ledger refused a decision command; a refused command changes nothing. */
public enum Rejection {
    /** No approval exists for the ticket. */
    NOT_FOUND,
    /** The command's {@code expectedVersion} is not the approval's version. */
    STALE_VERSION,
    /** Another decision (under another idempotency key) was applied first. */
    ALREADY_DECIDED,
    /** The approval expired before the command arrived. */
    ALREADY_EXPIRED,
    /**
     * The command repeats the idempotency key of the applied decision with a different request (decision, edits,
     * comment, expected version or reviewer): a client bug, never the same result.
     */
    IDEMPOTENCY_KEY_REUSED
}
