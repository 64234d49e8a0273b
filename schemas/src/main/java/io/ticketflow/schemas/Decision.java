package io.ticketflow.schemas;

/** What was decided on an approval. */
public enum Decision {
    /** Accept the AI suggestion. */
    APPROVE,
    /** Reject the ticket. */
    REJECT,
    /** Accept with corrections. */
    EDIT,
    /** Nobody decided in time; the configured expiry outcome applies. */
    EXPIRED
}
