package io.ticketflow.approvals.ledger;

/** What an approval that nobody decided in time becomes. */
public enum ExpiryOutcome {
    /** The AI suggestion stands, marked unreviewed (no reviewer on the decision). */
    APPLY_SUGGESTION,
    /** The ticket is escalated: the topology is told, through the decision's comment, that nobody reviewed it. */
    ESCALATE
}
