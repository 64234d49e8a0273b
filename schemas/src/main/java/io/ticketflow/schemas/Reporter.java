package io.ticketflow.schemas;

import java.util.Objects;

/**
 * Who reported a ticket.
 *
 * @param id the reporter's id in the upstream system
 * @param name display name; optional ({@code null} when absent)
 * @param email e-mail address; optional ({@code null} when absent)
 */
public record Reporter(String id, String name, String email) {
    public Reporter {
        Objects.requireNonNull(id, "id");
    }
}
