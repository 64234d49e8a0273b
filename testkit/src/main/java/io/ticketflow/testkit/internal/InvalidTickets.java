package io.ticketflow.testkit.internal;

import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.serde.EventJson;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.testkit.GeneratedTicket.Defect;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a valid ticket into a record the pipeline must reject, one {@link Defect} at a time, each in a few typical
 * shapes (what broken upstream systems really send).
 *
 * <p>Not thread-safe: it draws from the random source it was given.
 */
public final class InvalidTickets {

    /**
     * An invalid record.
     *
     * @param key the record key
     * @param value the record value
     * @param note what is wrong with it
     */
    public record Invalid(String key, byte[] value, String note) {}

    private static final List<String> REQUIRED_FIELDS = List.of("title", "id");
    private static final List<String> NOT_DATES =
            List.of("yesterday afternoon", "31/02/2026 10:15", "2026-13-45T25:61:00Z", "next Tuesday, 9 am");
    private static final String LOG_LINE =
            "2026-11-23T09:15:02.118Z ERROR [worker-%d] Request to inventory-service failed: connection reset by peer"
                    + " (attempt %d)\n";

    private final RandomGenerator random;
    private final int maxRecordBytes;

    /**
     * @param random the source of every choice
     * @param maxRecordBytes the size limit an {@link Defect#OVERSIZED} record exceeds
     */
    public InvalidTickets(RandomGenerator random, int maxRecordBytes) {
        this.random = Objects.requireNonNull(random, "random");
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * {@code ticket} made invalid by {@code defect}.
     *
     * @param otherKey the key of a {@link Defect#KEY_MISMATCH} record, anything but the ticket's id; ignored (and may
     *     be {@code null}) for other defects
     */
    public Invalid corrupt(TicketIngested ticket, Defect defect, String otherKey) {
        return switch (defect) {
            case NOT_JSON -> notJson(ticket);
            case MISSING_REQUIRED_FIELD -> missingField(ticket);
            case WRONG_TYPE -> wrongType(ticket);
            case BAD_CREATED_AT -> badCreatedAt(ticket);
            case OVERSIZED -> oversized(ticket);
            case KEY_MISMATCH -> new Invalid(otherKey, serialize(ticket), "key " + otherKey + " but id " + ticket.id());
        };
    }

    private Invalid notJson(TicketIngested ticket) {
        return switch (random.nextInt(3)) {
            case 0 ->
                new Invalid(
                        ticket.id(),
                        utf8("Subject: " + ticket.title() + "\n\n" + ticket.description()),
                        "plain text, not JSON");
            case 1 ->
                new Invalid(
                        ticket.id(),
                        utf8("<ticket id=\"" + ticket.id() + "\"><title>" + escapeXml(ticket.title())
                                + "</title><description>" + escapeXml(ticket.description())
                                + "</description></ticket>"),
                        "XML, not JSON");
            default -> {
                byte[] json = serialize(ticket);
                yield new Invalid(
                        ticket.id(),
                        Arrays.copyOf(json, json.length / 2),
                        "JSON cut off after " + json.length / 2 + " of " + json.length + " bytes");
            }
        };
    }

    private Invalid missingField(TicketIngested ticket) {
        String field = REQUIRED_FIELDS.get(random.nextInt(REQUIRED_FIELDS.size()));
        ObjectNode json = tree(ticket);
        json.remove(field);
        return new Invalid(ticket.id(), write(json), "required field '" + field + "' missing");
    }

    private Invalid wrongType(TicketIngested ticket) {
        ObjectNode json = tree(ticket);
        String note = switch (random.nextInt(4)) {
            case 0 -> {
                json.putArray("title").add(ticket.title());
                yield "title is an array";
            }
            case 1 -> {
                json.put("reporter", ticket.reporter().id());
                yield "reporter is a string";
            }
            case 2 -> {
                ArrayNode attributes = json.putArray("attributes");
                ticket.attributes().forEach((name, value) -> attributes.add(name + "=" + value));
                yield "attributes is an array";
            }
            default -> {
                json.put("schemaVersion", "v" + TicketIngested.CURRENT_SCHEMA_VERSION);
                yield "schemaVersion is a string";
            }
        };
        return new Invalid(ticket.id(), write(json), note);
    }

    private Invalid badCreatedAt(TicketIngested ticket) {
        String notADate = NOT_DATES.get(random.nextInt(NOT_DATES.size()));
        ObjectNode json = tree(ticket);
        json.put("createdAt", notADate);
        return new Invalid(ticket.id(), write(json), "createdAt '" + notADate + "' is not an ISO-8601 instant");
    }

    private Invalid oversized(TicketIngested ticket) {
        int missing = maxRecordBytes - serialize(ticket).length + 1;
        StringBuilder description = new StringBuilder(ticket.description()).append("\n\nAttached log:\n");
        for (int line = 1; description.length() - ticket.description().length() < missing; line++) {
            description.append(LOG_LINE.formatted(line % 8, line));
        }
        byte[] value = serialize(ticket.withText(ticket.title(), description.toString()));
        return new Invalid(ticket.id(), value, value.length + " bytes, over the limit of " + maxRecordBytes);
    }

    private static ObjectNode tree(TicketIngested ticket) {
        return EventJson.mapper().valueToTree(ticket);
    }

    private static byte[] write(ObjectNode json) {
        return EventJson.mapper().writeValueAsBytes(json);
    }

    private static byte[] serialize(TicketIngested ticket) {
        return Topics.TICKETS_INGESTED.valueSerde().serializer().serialize(Topics.TICKETS_INGESTED.name(), ticket);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
