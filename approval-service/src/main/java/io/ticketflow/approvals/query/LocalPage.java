package io.ticketflow.approvals.query;

import java.util.Set;

/**
 * One instance's part of a listing: a page of its own partitions, and which partitions those were.
 *
 * @param page the page, its {@code nextCursor} being the last position this instance examined when it has more
 *     ({@code null} when its partitions hold nothing further)
 * @param partitions the ledger partitions the page was read from
 */
public record LocalPage(ApprovalPage page, Set<Integer> partitions) {

    public LocalPage {
        partitions = Set.copyOf(partitions);
    }
}
