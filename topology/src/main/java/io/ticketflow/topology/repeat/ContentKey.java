package io.ticketflow.topology.repeat;

import io.ticketflow.schemas.TicketIngested;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The key under which exact repeats meet: the tenant, then the SHA-256 of the ticket's normalised text (title and
 * description, lower case, runs of white space collapsed). Two tickets of one tenant with the same key say the same
 * thing, whatever their ids, reporters or times.
 */
public final class ContentKey {

    private ContentKey() {}

    /** {@code ticket}'s content key: {@code <tenant>/<hex SHA-256>}. */
    public static String of(TicketIngested ticket) {
        String text = normalised(ticket.title()) + "\n" + normalised(ticket.description());
        return ticket.tenant() + "/" + HexFormat.of().formatHex(sha256(text));
    }

    private static String normalised(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
