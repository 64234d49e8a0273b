package io.ticketflow.schemas;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a ticket's audit trail: a pipeline stage the ticket passed, and what happened there.
 *
 * @param stage the stage's name, for example {@code ingest}
 * @param at when the stage finished with the ticket (wall clock of the processing instance)
 * @param flags notable facts, for example {@code DESCRIPTION_TRUNCATED} (never {@code null})
 * @param details stage-specific facts as text, for example the original description length (never {@code null})
 */
public record StageRecord(String stage, Instant at, List<String> flags, Map<String, String> details) {
    public StageRecord {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(at, "at");
        flags = flags == null ? List.of() : List.copyOf(flags);
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** A stage passed with nothing to note. */
    public static StageRecord passed(String stage, Instant at) {
        return new StageRecord(stage, at, List.of(), Map.of());
    }
}
