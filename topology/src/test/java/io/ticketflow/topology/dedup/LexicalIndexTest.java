package io.ticketflow.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LexicalIndexTest {

    private final TermStatistics statistics = new TermStatistics();
    private final LexicalIndex index = new LexicalIndex(statistics);

    @Test
    void shouldRankTicketsByTheirBm25ScoreForTheQuery() {
        add(ticket("both", Map.of("zookeeper", 1, "session", 1)));
        add(ticket("one", Map.of("zookeeper", 1, "printer", 1)));
        add(ticket("none", Map.of("printer", 1, "paper", 1)));

        assertThat(index.best(Map.of("zookeeper", 1, "session", 1), 10))
                .extracting(StoredTicket::id)
                .containsExactly("both", "one");
        assertThat(index.best(Map.of("zookeeper", 1, "session", 1), 1))
                .extracting(StoredTicket::id)
                .containsExactly("both");
    }

    @Test
    void shouldNeverAnswerARemovedTicketEvenAcrossACompaction() {
        IntStream.range(0, 3000).forEach(i -> add(ticket("t" + i, Map.of("word" + i, 1, "shared", 1))));
        // More removals than live tickets: the posting lists are rebuilt from the live tickets.
        IntStream.range(1000, 3000).forEach(i -> remove(ticket("t" + i, Map.of("word" + i, 1, "shared", 1))));

        assertThat(index.best(Map.of("word5", 1), 5))
                .extracting(StoredTicket::id)
                .containsExactly("t5");
        assertThat(index.best(Map.of("word2500", 1), 5)).isEmpty();
    }

    @Test
    void shouldSkipWordsWhosePostingsWouldExceedTheBudget() {
        IntStream.rangeClosed(0, LexicalIndex.POSTINGS_BUDGET)
                .forEach(i -> add(ticket("common" + i, Map.of("error", 1))));
        add(ticket("rare", Map.of("zookeeper", 1, "error", 1)));

        // "error" has more postings than one lookup may walk: only the rare word is looked up.
        assertThat(index.best(Map.of("error", 1, "zookeeper", 1), 5))
                .extracting(StoredTicket::id)
                .containsExactly("rare");
    }

    @Test
    void shouldRankEqualScoresNewestFirst() {
        IntStream.range(0, 200).forEach(i -> add(ticket("copy" + i, Map.of("zookeeper", 1, "session", 1))));
        add(ticket("other", Map.of("printer", 2)));

        assertThat(index.best(Map.of("zookeeper", 1), 3))
                .extracting(StoredTicket::id)
                .containsExactly("copy199", "copy198", "copy197");
    }

    @Test
    void shouldStartEachLookupAfresh() {
        add(ticket("older", Map.of("zookeeper", 1)));
        add(ticket("newer", Map.of("session", 1)));

        assertThat(index.best(Map.of("zookeeper", 1), 5))
                .extracting(StoredTicket::id)
                .containsExactly("older");
        // Equal scores, newer first: had the first lookup's score of "older" stayed, it would come first.
        assertThat(index.best(Map.of("zookeeper", 1, "session", 1), 5))
                .extracting(StoredTicket::id)
                .containsExactly("newer", "older");
    }

    private void add(StoredTicket ticket) {
        statistics.add(ticket.terms());
        index.add(ticket);
    }

    private void remove(StoredTicket ticket) {
        statistics.remove(ticket.terms());
        index.remove(ticket.id());
    }

    private static StoredTicket ticket(String id, Map<String, Integer> terms) {
        return new StoredTicket(id, "acme", Instant.EPOCH, id, new float[] {1, 0}, terms, null);
    }
}
