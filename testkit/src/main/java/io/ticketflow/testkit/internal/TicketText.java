package io.ticketflow.testkit.internal;

import java.util.Objects;

/**
 * The text of one ticket.
 *
 * @param title a one-line summary
 * @param description the full text
 */
public record TicketText(String title, String description) {

    public TicketText {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
    }
}
