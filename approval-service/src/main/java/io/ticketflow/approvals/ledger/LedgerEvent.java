package io.ticketflow.approvals.ledger;

import java.util.Objects;

/**
 * What the ledger did, in commit order per approval: the contract of {@code approvals.events}, keyed by ticket id.
 * Every instance of the service reads it ({@code read_committed}) to answer waiting decision requests and to feed
 * server-sent events.
 *
 * @param kind what happened
 * @param ticketId the approval's ticket id
 * @param commandId the command this answers; {@code null} for requests and expiries
 * @param rejection why a command was refused; {@code null} unless {@link Kind#REJECTED}
 * @param approval the approval after the event (unchanged for {@link Kind#REPEATED} and {@link Kind#REJECTED});
 *     {@code null} when a command named no known approval
 */
public record LedgerEvent(Kind kind, String ticketId, String commandId, Rejection rejection, Approval approval) {

    /** What happened. */
    public enum Kind {
        /** A new approval is pending. */
        REQUESTED,
        /** A reviewer's decision was applied. */
        DECIDED,
        /** An approval expired to the configured outcome. */
        EXPIRED,
        /** A command repeated the idempotency key of the applied decision: the same result, nothing changed. */
        REPEATED,
        /** A command was refused; nothing changed. */
        REJECTED
    }

    public LedgerEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ticketId, "ticketId");
    }

    /** Whether this changed the ledger (and so is news for live listeners). */
    public boolean changedLedger() {
        return kind == Kind.REQUESTED || kind == Kind.DECIDED || kind == Kind.EXPIRED;
    }
}
