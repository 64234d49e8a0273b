package io.ticketflow.schemas;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A ticket as the pipeline delivers it: the contract of {@code tickets.enriched}, keyed by ticket id.
 *
 * <p>Inside the topology the same record travels between stages, each adding its part and an audit entry.
 *
 * @param schemaVersion version of this contract (currently {@value #CURRENT_SCHEMA_VERSION})
 * @param ticket the ticket after validation and normalisation
 * @param triage the AI's assessment; optional ({@code null} when not triaged, for example with the AI unavailable)
 * @param duplicate link to the earlier ticket this one (possibly) repeats; optional
 * @param review how review ended; optional ({@code null} until routed)
 * @param audit the stages the ticket passed, in order (never {@code null})
 * @param enrichedAt when the ticket left the pipeline; optional ({@code null} while in flight)
 */
public record TicketEnriched(
        int schemaVersion,
        TicketIngested ticket,
        Triage triage,
        DuplicateLink duplicate,
        Review review,
        List<StageRecord> audit,
        Instant enrichedAt) {

    /** The version of this contract that this code writes. */
    public static final int CURRENT_SCHEMA_VERSION = 2;

    public TicketEnriched {
        Objects.requireNonNull(ticket, "ticket");
        audit = audit == null ? List.of() : List.copyOf(audit);
    }

    /** A ticket entering the pipeline, with the first audit entry. */
    public static TicketEnriched entering(TicketIngested ticket, StageRecord firstStage) {
        return new TicketEnriched(CURRENT_SCHEMA_VERSION, ticket, null, null, null, List.of(firstStage), null);
    }

    /** This ticket with one more audit entry. */
    public TicketEnriched withStage(StageRecord stage) {
        List<StageRecord> longer = new ArrayList<>(audit);
        longer.add(stage);
        return new TicketEnriched(schemaVersion, ticket, triage, duplicate, review, longer, enrichedAt);
    }

    /** This ticket with {@code newTriage} as its triage. */
    public TicketEnriched withTriage(Triage newTriage) {
        return new TicketEnriched(schemaVersion, ticket, newTriage, duplicate, review, audit, enrichedAt);
    }

    /** This ticket with {@code newReview} as its review. */
    public TicketEnriched withReview(Review newReview) {
        return new TicketEnriched(schemaVersion, ticket, triage, duplicate, newReview, audit, enrichedAt);
    }

    /** This ticket with {@code newTriage} and {@code newDuplicate}, as a reviewer corrected them. */
    public TicketEnriched withCorrections(Triage newTriage, DuplicateLink newDuplicate) {
        return new TicketEnriched(schemaVersion, ticket, newTriage, newDuplicate, review, audit, enrichedAt);
    }

    /** This ticket with {@code link} to the earlier ticket it (possibly) repeats. */
    public TicketEnriched withDuplicate(DuplicateLink link) {
        return new TicketEnriched(schemaVersion, ticket, triage, link, review, audit, enrichedAt);
    }

    /** This ticket as it leaves the pipeline at {@code at}. */
    public TicketEnriched leaving(Instant at) {
        return new TicketEnriched(schemaVersion, ticket, triage, duplicate, review, audit, at);
    }
}
