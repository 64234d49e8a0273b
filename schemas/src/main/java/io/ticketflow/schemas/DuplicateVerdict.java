package io.ticketflow.schemas;

/** How sure duplicate detection is that a ticket repeats an earlier one. */
public enum DuplicateVerdict {
    /** Similarity at or above the duplicate threshold: the original's triage is reused. */
    DUPLICATE,
    /** Similarity between the review and duplicate thresholds: a human decides. */
    POSSIBLE_DUPLICATE
}
