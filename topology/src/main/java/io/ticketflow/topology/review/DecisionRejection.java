package io.ticketflow.topology.review;

/**
 * Why {@code apply-decision} refused a record of {@code approvals.decided}; written to the dead-letter record's
 * {@code ticketflow.dlq.reason} header. (Bytes that are not an {@code ApprovalDecided} at all are dead-lettered by the
 * deserialization handler as {@code UNREADABLE_RECORD}.)
 */
public enum DecisionRejection {
    /** The record has no key; decisions must be keyed by ticket id. */
    MISSING_KEY,
    /** The record has no value (a tombstone). */
    EMPTY_DECISION,
    /** The key differs from the decision's ticket id. */
    KEY_MISMATCH,
    /** No ticket with this id is parked: it was never sent to review, or an earlier decision already released it. */
    NOT_PARKED,
    /** The ticket is parked under another approval: it was parked again, and this decision is on the earlier one. */
    STALE_APPROVAL
}
