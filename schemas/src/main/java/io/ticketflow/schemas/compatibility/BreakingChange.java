package io.ticketflow.schemas.compatibility;

import java.util.Objects;

/**
 * A change between two versions of a schema that breaks a consumer or a producer of the event.
 *
 * @param path where in the payload, for example {@code $.ticket.reporter.id}; {@code [*]} stands for every array item
 *     and {@code .*} for every value of a map
 * @param kind what kind of break
 * @param detail the change in plain words
 */
public record BreakingChange(String path, Kind kind, String detail) {

    public BreakingChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** The kinds of break, and whom each breaks. */
    public enum Kind {
        /** A property is no longer described: consumers reading it lose it. */
        PROPERTY_REMOVED,
        /** A property became required: payloads of producers of the old version that omit it are rejected. */
        PROPERTY_NEWLY_REQUIRED,
        /** A required property became optional: consumers relying on its presence may not find it. */
        PROPERTY_NO_LONGER_REQUIRED,
        /** A value's JSON type changed: old payloads are rejected and consumers misread new ones. */
        TYPE_CHANGED,
        /** An allowed value (of {@code enum} or {@code const}) was removed: old payloads using it are rejected. */
        ENUM_VALUE_REMOVED,
        /**
         * Unknown properties are no longer allowed: producers that add a field before the schema lists it are rejected.
         */
        UNKNOWN_PROPERTIES_FORBIDDEN
    }

    @Override
    public String toString() {
        return path + ": " + detail + " (" + kind + ")";
    }
}
