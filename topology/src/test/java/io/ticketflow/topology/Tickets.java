package io.ticketflow.topology;

import io.ticketflow.schemas.Reporter;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.serde.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Upstream tickets for tests. */
public final class Tickets {

    private static final JsonSerde<TicketIngested> SERDE = JsonSerde.of(TicketIngested.class);

    private Tickets() {}

    /** A valid ticket of tenant {@code acme} with the given id, title and description. */
    public static TicketIngested ticket(String id, String title, String description) {
        return ticket(id, "acme", title, description);
    }

    /** A valid ticket of {@code tenant} with the given id, title and description. */
    public static TicketIngested ticket(String id, String tenant, String title, String description) {
        return new TicketIngested(
                TicketIngested.CURRENT_SCHEMA_VERSION,
                id,
                tenant,
                "servicedesk",
                title,
                description,
                new Reporter("u-1001", "Dana Scully", "dana@example.com"),
                Instant.parse("2026-11-20T08:15:30Z"),
                Map.of("site", "Berlin"));
    }

    /** A valid ticket with the given id. */
    public static TicketIngested ticket(String id) {
        return ticket(id, "VPN drops every few minutes", "Since this morning the VPN client disconnects every 5 min.");
    }

    /** The upstream bytes of {@code ticket}. */
    public static byte[] bytes(TicketIngested ticket) {
        return SERDE.serialize("tickets.ingested", ticket);
    }

    /** The UTF-8 bytes of {@code json}. */
    public static byte[] json(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
