package io.ticketflow.testkit;

import java.util.Arrays;
import java.util.Objects;

/**
 * One record for {@code tickets.ingested} as {@link TicketGenerator} made it, with the ground truth about it.
 *
 * <p>{@code value} is not copied: treat it as read-only. Equality compares the value's bytes.
 *
 * @param key the record key: the ticket id, except for {@link Defect#KEY_MISMATCH}
 * @param value the record value: a {@code TicketIngested} as JSON, or the invalid bytes of an {@link Kind#INVALID}
 *     record
 * @param kind what the record is
 * @param category the category of the problem (for example {@code hardware}); {@code null} for {@link Kind#INVALID}
 * @param originalId for {@link Kind#EXACT_REPEAT}, {@link Kind#SAME_TEXT_NEW_ID} and {@link Kind#REWORDING}: the id of
 *     the earlier {@link Kind#NEW} ticket it repeats; {@code null} otherwise
 * @param defect what makes an {@link Kind#INVALID} record invalid; {@code null} otherwise
 * @param note a human-readable description, for logs and failure messages
 */
public record GeneratedTicket(
        String key, byte[] value, Kind kind, String category, String originalId, Defect defect, String note) {

    /** What a generated record is, relative to the tickets before it. */
    public enum Kind {
        /** A ticket not seen before. */
        NEW,
        /** An earlier ticket re-sent: same key, same bytes. */
        EXACT_REPEAT,
        /** The title and description of an earlier ticket under a new id. */
        SAME_TEXT_NEW_ID,
        /** The problem of an earlier ticket told in other words, under a new id: a near-duplicate. */
        REWORDING,
        /** A record the pipeline must reject: see {@link Defect}. */
        INVALID
    }

    /** Why an {@link Kind#INVALID} record is invalid. */
    public enum Defect {
        /** The value is not JSON at all (plain text, XML, truncated JSON). */
        NOT_JSON,
        /** A required field ({@code title} or {@code id}) is missing. */
        MISSING_REQUIRED_FIELD,
        /** A field has the wrong JSON type (an array for the title, a string for the reporter, ...). */
        WRONG_TYPE,
        /** {@code createdAt} is not an ISO-8601 instant. */
        BAD_CREATED_AT,
        /** The value is a valid ticket but larger than the size limit. */
        OVERSIZED,
        /** The value is a valid ticket whose id differs from the key. */
        KEY_MISMATCH
    }

    public GeneratedTicket {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(note, "note");
        if ((kind == Kind.INVALID) != (defect != null)) {
            throw new IllegalArgumentException("exactly the INVALID records have a defect: " + kind + ", " + defect);
        }
    }

    /** Whether the pipeline should accept the record (every kind but {@link Kind#INVALID}). */
    public boolean isValid() {
        return kind != Kind.INVALID;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GeneratedTicket that
                && key.equals(that.key)
                && Arrays.equals(value, that.value)
                && kind == that.kind
                && Objects.equals(category, that.category)
                && Objects.equals(originalId, that.originalId)
                && defect == that.defect
                && note.equals(that.note);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, Arrays.hashCode(value), kind, category, originalId, defect, note);
    }

    @Override
    public String toString() {
        return "GeneratedTicket[" + kind + " " + key + " (" + value.length + " bytes): " + note + "]";
    }
}
