package io.ticketflow.topology.ai;

import io.ticketflow.schemas.DuplicateCandidate;
import io.ticketflow.schemas.TicketIngested;
import java.util.List;
import java.util.Objects;

/**
 * What to triage.
 *
 * @param ticket the ticket, its text already redacted of personal data
 * @param candidates earlier tickets it may repeat, best first; empty when none (never {@code null})
 */
public record TriageRequest(TicketIngested ticket, List<DuplicateCandidate> candidates) {
    public TriageRequest {
        Objects.requireNonNull(ticket, "ticket");
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
