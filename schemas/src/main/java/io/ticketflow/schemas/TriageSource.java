package io.ticketflow.schemas;

/** Where a ticket's triage came from; only {@link #MODEL} cost a model call. */
public enum TriageSource {
    /** The triage model answered for this ticket. */
    MODEL,
    /** Reused from the original this ticket duplicates. */
    REUSED_FROM_DUPLICATE,
    /** Reused from an earlier ticket with the same content (an exact repeat). */
    REUSED_FROM_REPEAT
}
