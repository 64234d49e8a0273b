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
    ALREADY_EXPIRED
}
