package io.ticketflow.schemas;

/** What an approval that nobody decided before it expired becomes. */
public enum ExpiryOutcome {
    /** The AI suggestion stands, unreviewed. */
    APPLY_SUGGESTION,
    /** The AI suggestion stands for now, and the ticket must be escalated to someone who will decide. */
    ESCALATE
}
