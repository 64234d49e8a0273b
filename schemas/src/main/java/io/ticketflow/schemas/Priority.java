package io.ticketflow.schemas;

/** Ticket priority, P1 the most urgent. */
public enum Priority {
    /** Outage or security incident: many users blocked, act now. */
    P1,
    /** Major degradation or a blocked user with no workaround. */
    P2,
    /** Normal: a problem with a workaround, or a standard request. */
    P3,
    /** Low: cosmetic issues, questions, nice-to-haves. */
    P4
}
