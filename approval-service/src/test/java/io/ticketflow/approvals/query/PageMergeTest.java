package io.ticketflow.approvals.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.approvals.ledger.Approval;
import io.ticketflow.approvals.ledger.ApprovalStatus;
import io.ticketflow.approvals.ledger.LedgerIndex;
import io.ticketflow.testkit.ApprovalRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageMergeTest {

    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void shouldInterleaveThePagesOfAllInstancesByPositionAndCutToTheLimit() {
        LocalPage a = local(Set.of(0, 2), null, approval("A", 1), approval("C", 3), approval("E", 5));
        LocalPage b = local(Set.of(1), null, approval("B", 2), approval("D", 4));

        ApprovalPage page = PageMerge.merge(List.of(a, b), oldestFirst(3), 3);

        assertThat(ids(page)).containsExactly("A", "B", "C");
        assertThat(page.nextCursor()).isEqualTo(cursorAt("C", 3));
    }

    @Test
    void shouldEndWithoutCursorWhenEveryInstanceIsExhaustedAndAllItemsFit() {
        LocalPage a = local(Set.of(0), null, approval("A", 1));
        LocalPage b = local(Set.of(1), null, approval("B", 2));

        ApprovalPage page = PageMerge.merge(List.of(a, b), oldestFirst(5), 2);

        assertThat(ids(page)).containsExactly("A", "B");
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void shouldNotReturnAnythingPastWhereAnInstanceStoppedLooking() {
        // Instance a examined up to position 2 (its scan limit) and may hold more after it: b's items at 3 and 4 must
        // wait for the next page, or an item of a at 2.5 would be skipped for good.
        LocalPage a = local(Set.of(0), cursorAt("X", 2), approval("A", 1));
        LocalPage b = local(Set.of(1), null, approval("B", 3), approval("D", 4));

        ApprovalPage page = PageMerge.merge(List.of(a, b), oldestFirst(5), 2);

        assertThat(ids(page)).containsExactly("A");
        assertThat(page.nextCursor()).isEqualTo(cursorAt("X", 2));
    }

    @Test
    void shouldMergeNewestFirstInReverseOrder() {
        LocalPage a = local(Set.of(0), cursorAt("C", 3), approval("E", 5), approval("C", 3));
        LocalPage b = local(Set.of(1), null, approval("D", 4), approval("B", 2));

        ApprovalPage page = PageMerge.merge(List.of(a, b), newestFirst(5), 2);

        assertThat(ids(page)).containsExactly("E", "D", "C");
        assertThat(page.nextCursor()).isEqualTo(cursorAt("C", 3));
    }

    @Test
    void shouldRefuseWhenAPartitionIsMissing() {
        LocalPage a = local(Set.of(0, 2), null, approval("A", 1));

        assertThatThrownBy(() -> PageMerge.merge(List.of(a), oldestFirst(5), 3))
                .isInstanceOf(ReadUnavailableException.class)
                .hasMessageContaining("partition 1");
    }

    @Test
    void shouldRefuseWhenTwoInstancesAnsweredForTheSamePartition() {
        LocalPage a = local(Set.of(0, 1), null, approval("A", 1));
        LocalPage b = local(Set.of(1), null, approval("B", 2));

        assertThatThrownBy(() -> PageMerge.merge(List.of(a, b), oldestFirst(5), 2))
                .isInstanceOf(ReadUnavailableException.class)
                .hasMessageContaining("partition 1");
    }

    private static ListQuery oldestFirst(int limit) {
        return new ListQuery(null, null, null, null, false, limit, null);
    }

    private static ListQuery newestFirst(int limit) {
        return new ListQuery(null, null, null, null, true, limit, null);
    }

    private static LocalPage local(Set<Integer> partitions, String nextCursor, Approval... items) {
        return new LocalPage(new ApprovalPage(Arrays.asList(items), nextCursor), partitions);
    }

    private static Approval approval(String ticketId, int second) {
        return new Approval(
                ApprovalRequests.request(ticketId, "acme", START.plusSeconds(second), Duration.ofDays(1)),
                ApprovalStatus.PENDING,
                1,
                null);
    }

    private static String cursorAt(String ticketId, int second) {
        return new Cursor(LedgerIndex.position(START.plusSeconds(second), ticketId)).text();
    }

    private static List<String> ids(ApprovalPage page) {
        return page.items().stream().map(Approval::ticketId).toList();
    }
}
