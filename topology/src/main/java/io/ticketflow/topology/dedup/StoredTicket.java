package io.ticketflow.topology.dedup;

import io.ticketflow.schemas.Triage;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A possible original, as the dedup store keeps it (value of {@code dedup-tickets}, keyed by ticket id): what a later
 * ticket is compared with, and what a duplicate of it is answered with.
 *
 * @param id the ticket's id
 * @param scope the dedup scope it belongs to (its tenant)
 * @param created when the upstream system created it; retention counts from here
 * @param title its title, for reviewers of a possible duplicate
 * @param embedding its L2-normalised vector; stored as base64 ({@link EmbeddingJson}, which also reads the earlier
 *     array form). In memory the dedup index keeps this very array, not a copy: never change it
 * @param terms its analysed words and how often each occurs (never {@code null}); stored as {@code [word, count]}
 *     pairs ({@link TermsJson}, which also reads the earlier object form)
 * @param triage its triage once known; {@code null} until the triage stage has answered (or when it could not)
 */
public record StoredTicket(
        String id,
        String scope,
        Instant created,
        String title,

        @JsonSerialize(using = EmbeddingJson.Writer.class) @JsonDeserialize(using = EmbeddingJson.Reader.class)
        float[] embedding,

        @JsonSerialize(using = TermsJson.Writer.class) @JsonDeserialize(using = TermsJson.Reader.class)
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
