package io.ticketflow.topology.dedup;

import io.ticketflow.schemas.Triage;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A possible original, as the dedup store keeps it (value of {@code dedup-tickets}, keyed by ticket id): what a later
 * ticket is compared with, and what a duplicate of it is answered with.
 *
 * @param id the ticket's id
 * @param scope the dedup scope it belongs to (its tenant)
 * @param created when the upstream system created it; retention counts from here
 * @param title its title, for reviewers of a possible duplicate
 * @param embedding its L2-normalised vector
 * @param terms its analysed words and how often each occurs (never {@code null})
 * @param triage its triage once known; {@code null} until the triage stage has answered (or when it could not)
 */
public record StoredTicket(
        String id,
        String scope,
        Instant created,
        String title,
        float[] embedding,
        Map<String, Integer> terms,
        Triage triage) {

    public StoredTicket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(embedding, "embedding");
        terms = terms == null ? Map.of() : Map.copyOf(terms);
    }

    /** This ticket with its triage known. */
    public StoredTicket withTriage(Triage known) {
        return new StoredTicket(id, scope, created, title, embedding, terms, known);
    }
}
