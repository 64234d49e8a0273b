package io.ticketflow.topology.ingest;

/** Why ingest refused an upstream record; written to the dead-letter record's {@code ticketflow.dlq.reason} header. */
public enum RejectionReason {
    /** The record is larger than {@code ticketflow.ingest.max-record-bytes}. */
    OVERSIZED_RECORD,
    /** The value is not JSON (or is empty). */
    UNREADABLE_JSON,
    /** The JSON does not satisfy the {@code TicketIngested} schema. */
    SCHEMA_VIOLATION,
    /** The record has no key; upstream must key tickets by id so that a ticket's events stay in order. */
    MISSING_KEY,
    /** The key differs from the ticket's id. */
    KEY_MISMATCH,
    /** The title is longer than {@code ticketflow.ingest.max-title-length}. */
    TITLE_TOO_LONG
}
