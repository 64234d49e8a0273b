package io.ticketflow.approvals.query;

import io.ticketflow.approvals.ledger.Approval;
import io.ticketflow.approvals.ledger.LedgerIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges the instances' local pages of one listing into the page the client gets. Pure; thread-safe.
 *
 * <p>Every instance read its partitions after the same cursor, with the same filters and limit. An instance that has
 * more stopped at its {@code nextCursor} (its limit was reached, or it examined {@code max-scan} entries): it has not
 * looked past that position, so nothing past the earliest such stop may be returned, or an item of that instance
 * between the stop and the returned one would be skipped for good. Within that bound the items of all pages are
 * ordered by position and cut to the limit; the next cursor is the last position returned (or the bound, when the
 * page ends there).
 */
public final class PageMerge {

    private PageMerge() {}

    /**
     * The merged page.
     *
     * @param pages one per instance asked
     * @param query what was asked of each
     * @param partitionCount how many partitions the ledger has: the pages must cover each exactly once
     * @throws ReadUnavailableException when a partition is missing or answered twice (partitions moved meanwhile)
     */
    public static ApprovalPage merge(List<LocalPage> pages, ListQuery query, int partitionCount) {
        requireEveryPartitionOnce(pages, partitionCount);
        Comparator<String> order = query.newestFirst() ? Comparator.reverseOrder() : Comparator.naturalOrder();
        String bound = null;
        List<Approval> items = new ArrayList<>();
        for (LocalPage local : pages) {
            items.addAll(local.page().items());
            String stop = local.page().nextCursor();
            if (stop != null) {
                String position = Cursor.parse(stop).position();
                bound = bound == null || order.compare(position, bound) < 0 ? position : bound;
            }
        }
        String limit = bound;
        // Each item's position is computed once, not on every comparison of the sort.
        List<Positioned> candidates = items.stream()
                .map(item -> new Positioned(position(item), item))
                .filter(item -> limit == null || order.compare(item.position(), limit) <= 0)
                .sorted(Comparator.comparing(Positioned::position, order))
                .toList();
        if (candidates.size() > query.limit()) {
            List<Positioned> page = candidates.subList(0, query.limit());
            return new ApprovalPage(
                    page.stream().map(Positioned::approval).toList(),
                    new Cursor(page.getLast().position()).text());
        }
        return new ApprovalPage(
                candidates.stream().map(Positioned::approval).toList(),
                bound == null ? null : new Cursor(bound).text());
    }

    private record Positioned(String position, Approval approval) {}

    private static void requireEveryPartitionOnce(List<LocalPage> pages, int partitionCount) {
        Set<Integer> covered = new HashSet<>();
        for (LocalPage local : pages) {
            for (int partition : local.partitions()) {
                if (!covered.add(partition)) {
                    throw new ReadUnavailableException(
                            "partition " + partition + " is moving between instances; try again");
                }
            }
        }
        for (int partition = 0; partition < partitionCount; partition++) {
            if (!covered.contains(partition)) {
                throw new ReadUnavailableException(
                        "no instance answered for partition " + partition + "; it is being reassigned");
            }
        }
    }

    private static String position(Approval approval) {
        return LedgerIndex.position(approval.request().requestedAt(), approval.ticketId());
    }
}
