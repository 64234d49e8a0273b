package io.ticketflow.schemas;

/** How a ticket left review. */
public enum ReviewOutcome {
    /** No review was needed; the AI suggestion stands. */
    AUTO_APPROVED,
    /** A reviewer accepted the AI suggestion. */
    APPROVED,
    /** A reviewer rejected the ticket (for example spam or not a ticket). */
    REJECTED,
    /** A reviewer corrected the suggestion; see {@link Review#edits()}. */
    EDITED,
    /** Nobody decided before the approval expired; the configured expiry outcome applied. */
    EXPIRED
}
