package io.ticketflow.topology.ai.redaction;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which personal data is removed from ticket text before it reaches a model ({@code ticketflow.model.redaction.*}).
 *
 * @param kinds the kinds to redact; default all of {@link PiiKind}. An empty set turns redaction off — only for a
 *     model that runs in-process, since the text then leaves nothing
 */
public record RedactionSettings(Set<PiiKind> kinds) {

    public RedactionSettings {
        kinds = kinds == null ? Set.copyOf(EnumSet.allOf(PiiKind.class)) : Set.copyOf(kinds);
    }

    /** Every kind on. */
    public static RedactionSettings defaults() {
        return new RedactionSettings(null);
    }
}
