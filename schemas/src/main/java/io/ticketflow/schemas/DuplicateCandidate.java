package io.ticketflow.schemas;

import java.util.Objects;

/**
 * An earlier ticket that resembles this one.
 *
 * @param ticketId the earlier ticket's id
 * @param similarity similarity score, from -1 to 1 (cosine); higher is more similar
 * @param title the earlier ticket's title, so a reviewer can judge without a lookup
 */
public record DuplicateCandidate(String ticketId, double similarity, String title) {
    public DuplicateCandidate {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(title, "title");
    }
}
