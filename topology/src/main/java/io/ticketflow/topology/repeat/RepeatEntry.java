package io.ticketflow.topology.repeat;

import io.ticketflow.schemas.TicketEnriched;
import java.time.Instant;
import java.util.Objects;

/**
 * What the repeat store keeps per content key (value of {@code repeat-results}).
 *
 * @param firstId the first ticket seen with this content
 * @param seenAt when it was seen (wall clock); retention counts from here
 * @param result that ticket as it left the pipeline; {@code null} while it is still on its way, or when it left
 *     untriaged (a later repeat then goes to the models again)
 */
public record RepeatEntry(String firstId, Instant seenAt, TicketEnriched result) {
    public RepeatEntry {
        Objects.requireNonNull(firstId, "firstId");
        Objects.requireNonNull(seenAt, "seenAt");
    }
}
