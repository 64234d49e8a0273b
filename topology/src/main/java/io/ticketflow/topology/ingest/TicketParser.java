package io.ticketflow.topology.ingest;

import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.serde.EventJson;
import io.ticketflow.schemas.validation.EventSchemas;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns the bytes of an upstream record into a {@link TicketIngested}, or says exactly why it cannot.
 *
 * <p>Checks run cheapest first: size, then JSON syntax, then the schema, so a huge or garbled record costs little.
 * Thread-safe.
 */
public final class TicketParser {

    private static final int MAX_REPORTED_VIOLATIONS = 5;

    private final int maxRecordBytes;
    private final EventSchemas schema = EventSchemas.forEvent(TicketIngested.class);

    public TicketParser(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * Parses and validates one record value.
     *
     * @param value the record's value; {@code null} for a tombstone
     * @return the ticket, never {@code null}
     * @throws RejectedTicketException when the value is too large, not JSON or not a valid ticket
     */
    public TicketIngested parse(byte[] value) {
        if (value == null || value.length == 0) {
            throw new RejectedTicketException(RejectionReason.UNREADABLE_JSON, "the record has no value");
        }
        if (value.length > maxRecordBytes) {
            throw new RejectedTicketException(
                    RejectionReason.OVERSIZED_RECORD,
                    "the record has " + value.length + " bytes, more than the limit of " + maxRecordBytes);
        }
        JsonNode json = readJson(value);
        List<String> violations = schema.validate(json);
        if (!violations.isEmpty()) {
            throw new RejectedTicketException(RejectionReason.SCHEMA_VIOLATION, describe(violations));
        }
        return EventJson.mapper().treeToValue(json, TicketIngested.class);
    }

    private static JsonNode readJson(byte[] value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (JacksonException e) {
            throw new RejectedTicketException(RejectionReason.UNREADABLE_JSON, "not JSON: " + e.getOriginalMessage());
        }
    }

    private static String describe(List<String> violations) {
        String shown = String.join("; ", violations.subList(0, Math.min(violations.size(), MAX_REPORTED_VIOLATIONS)));
        int hidden = violations.size() - MAX_REPORTED_VIOLATIONS;
        return hidden > 0 ? shown + "; and " + hidden + " more" : shown;
    }
}
