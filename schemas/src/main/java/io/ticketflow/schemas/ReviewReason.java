package io.ticketflow.schemas;

/** Why a ticket needs a human reviewer. */
public enum ReviewReason {
    /** The model's confidence is below the configured threshold. */
    LOW_CONFIDENCE,
    /** The suggested priority is in the configured set that always needs review (P1 by default). */
    HIGH_PRIORITY,
    /** Duplicate detection found a likely but uncertain match. */
    POSSIBLE_DUPLICATE,
    /** The model could not be reached or answered badly; there is no AI suggestion to trust. */
    AI_UNAVAILABLE,
    /** The category is in the configured always-review list. */
    CATEGORY_RULE,
    /** The tenant is in the configured always-review list. */
    TENANT_RULE
}
