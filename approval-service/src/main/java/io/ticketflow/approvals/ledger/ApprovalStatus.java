package io.ticketflow.approvals.ledger;

/** Where an approval stands. */
public enum ApprovalStatus {
    /** Waiting for a reviewer. */
    PENDING('P'),
    /** A reviewer decided. */
    DECIDED('D'),
    /** Nobody decided before {@code expiresAt}; the configured expiry outcome applied. */
    EXPIRED('E');

    private final char code;

    ApprovalStatus(char code) {
        this.code = code;
    }

    /** The one-letter code that orders this status's entries in the ledger index. */
    char code() {
        return code;
    }
}
