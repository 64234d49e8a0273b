package io.ticketflow.schemas;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A ticket as an upstream system reports it: the contract of {@code tickets.ingested}, keyed by {@link #id()}.
 *
 * @param schemaVersion version of this contract the producer wrote (currently {@value #CURRENT_SCHEMA_VERSION})
 * @param id the upstream system's ticket id; also the record key
 * @param tenant the customer or organisation the ticket belongs to; the scope of duplicate detection
 * @param source the upstream system that produced the ticket, for example {@code servicedesk} or {@code monitoring}
 * @param title a one-line summary
 * @param description the reporter's full text; may be empty
 * @param reporter who reported it
 * @param createdAt when the upstream system created the ticket
 * @param attributes free-form upstream attributes (never {@code null})
 */
public record TicketIngested(
        int schemaVersion,
        String id,
        String tenant,
        String source,
        String title,
        String description,
        Reporter reporter,
        Instant createdAt,
        Map<String, String> attributes) {

    /** The version of this contract that this code writes. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    public TicketIngested {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(createdAt, "createdAt");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** This ticket with its title and description replaced, everything else kept. */
    public TicketIngested withText(String newTitle, String newDescription) {
        return new TicketIngested(
                schemaVersion, id, tenant, source, newTitle, newDescription, reporter, createdAt, attributes);
    }
}
