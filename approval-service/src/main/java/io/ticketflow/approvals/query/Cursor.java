package io.ticketflow.approvals.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of {@code GET /approvals} ended: a position in request order ({@code LedgerIndex.position}), opaque
 * to clients (URL-safe Base64).
 *
 * @param position the last examined entry's position
 */
public record Cursor(String position) {

    /**
     * Reads a cursor a client sent back.
     *
     * @throws IllegalArgumentException if it is not one this service wrote
     */
    public static Cursor parse(String text) {
        String position;
        try {
            position = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is not one this service returned", e);
        }
        if (!position.matches("\\d{19}\\|.+")) {
            throw new IllegalArgumentException("cursor is not one this service returned");
        }
        return new Cursor(position);
    }

    /** The text to hand to clients. */
    public String text() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }
}
