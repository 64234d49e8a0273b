package io.ticketflow.topology.review;

/** What a human decision changed in the AI's suggestion: the {@code field} tag of {@code ticketflow.review.divergence}. */
public enum Divergence {
    /** The reviewer set another priority. */
    PRIORITY,
    /** The reviewer set another category. */
    CATEGORY,
    /** The reviewer linked the ticket to another original, or said it is not a duplicate. */
    DUPLICATE,
    /** The reviewer rejected a ticket the AI had triaged. */
    REJECTED;

    /** The metric tag value. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
