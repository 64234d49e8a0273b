package io.ticketflow.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ticketflow.topology.config.DedupSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DuplicateIndexTest {

    private static final int DIMENSIONS = 16;
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final Map<String, Integer> PRINTER_WORDS = Map.of("printer", 1, "paper", 1);

    private final Random random = new Random(11);
    private final DuplicateIndex index = new DuplicateIndex(0.55);
    private final float[] query = axis(0);

    @Test
    void shouldBringInATicketSharingRareWordsThoughMoreThanAPoolOfTicketsAreNearerByEmbedding() {
        IntStream.range(0, DuplicateIndex.POOL + 10)
                .forEach(i -> index.put(ticket("near" + i, START, atCosine(0.6), PRINTER_WORDS)));
        Map<String, Integer> words = Map.of("zookeeper", 1, "nullpointerexception", 1);
        index.put(ticket("far-but-same-words", START, axis(1), words));

        List<DuplicateIndex.Match> best = index.best(query, words, 3);

        assertThat(best.getFirst().ticket().id()).isEqualTo("far-but-same-words");
        assertThat(best.getFirst().cosine()).isEqualTo(0.0, within(1e-5));
        assertThat(best.getFirst().lexical()).isEqualTo(1.0, within(1e-9));
    }

    @Test
    void shouldRefuseASearchNarrowerThanThePoolItFills() {
        assertThat(DedupSettings.MIN_SEARCH_WIDTH).isEqualTo(DuplicateIndex.POOL);
        assertThatThrownBy(() -> new DuplicateIndex(0.55, DuplicateIndex.POOL - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("searchWidth must be at least 50");
    }

    @Test
    void shouldRankTheNewerOfIdenticalTicketsFirst() {
        index.put(ticket("older", START, query, PRINTER_WORDS));
        index.put(ticket("newer", START.plusSeconds(60), query, PRINTER_WORDS));
        index.put(ticket("oldest", START.minusSeconds(60), query, PRINTER_WORDS));

        assertThat(index.best(query, PRINTER_WORDS, 3))
                .extracting(match -> match.ticket().id())
                .containsExactly("newer", "older", "oldest");
    }

    @Test
    void shouldFindAMatchDistinctiveOnlyWhenItStandsOutFromTheQuerysNeighbourhood() {
        index.put(ticket("match", START, query, PRINTER_WORDS));
        IntStream.range(0, 20).forEach(i -> index.put(ticket("unrelated" + i, START, atCosine(0), Map.of())));
        double alone = index.best(query, PRINTER_WORDS, 1).getFirst().distinctiveness();

        // Tickets of one template: all nearly as close to the query as the match.
        IntStream.range(0, 20).forEach(i -> index.put(ticket("template" + i, START, atCosine(0.95), Map.of())));
        double inCrowd = index.best(query, PRINTER_WORDS, 1).getFirst().distinctiveness();

        // Alone: 1 − (10 × 0) / 10; in the crowd: 1 − (10 × 0.95) / 10.
        assertThat(alone).isEqualTo(1.0, within(1e-5));
        assertThat(inCrowd).isEqualTo(0.05, within(1e-5));
    }

    @Test
    void shouldFindEachOfABurstOfIdenticalTicketsDistinctive() {
        IntStream.range(0, 20).forEach(i -> index.put(ticket("copy" + i, START, query, PRINTER_WORDS)));
        IntStream.range(0, 20).forEach(i -> index.put(ticket("related" + i, START, atCosine(0.5), Map.of())));

        // The other copies are no template crowd: only the 10 nearest tickets that are not copies count.
        assertThat(index.best(query, PRINTER_WORDS, 1).getFirst().distinctiveness())
                .isEqualTo(0.5, within(1e-5));
    }

    @Test
    void shouldForgetRemovedAndReplacedTickets() {
        index.put(ticket("A", START, query, PRINTER_WORDS));
        index.put(ticket("B", START, query, PRINTER_WORDS));
        index.put(ticket("B", START, axis(1), Map.of("other", 1)));
        index.remove("A");

        List<DuplicateIndex.Match> best = index.best(query, PRINTER_WORDS, 5);

        assertThat(index.size()).isEqualTo(1);
        assertThat(best).extracting(match -> match.ticket().id()).containsExactly("B");
        assertThat(best.getFirst().cosine()).isEqualTo(0.0, within(1e-5));
        assertThat(best.getFirst().lexical()).isZero();
    }

    @Test
    void shouldMatchATicketPutAtOnceAsALookupBeforeItsPutWould() {
        DuplicateIndex apart = new DuplicateIndex(0.55);
        for (int i = 0; i < 300; i++) {
            Map<String, Integer> words = Map.of("word" + random.nextInt(40), 1, "other" + random.nextInt(40), 1);
            // An update now and then: never its own match.
            String id = i % 7 == 6 ? "t" + (i - 3) : "t" + i;
            StoredTicket ticket = ticket(id, START.plusSeconds(i), atCosine(random.nextDouble()), words);

            List<DuplicateIndex.Match> expected = withoutTicket(apart, id).best(ticket.embedding(), words, 5);
            apart.put(ticket);

            assertThat(index.bestThenPut(ticket, 5)).isEqualTo(expected);
        }
        assertThat(index.size()).isEqualTo(apart.size());
    }

    @Test
    void shouldShareOneInstanceOfEachWordAmongItsTickets() {
        index.put(ticket("first", START, query, Map.of(new String("printer"), 1)));
        index.put(ticket("second", START, axis(1), Map.of(new String("printer"), 2)));

        List<DuplicateIndex.Match> both = index.best(query, Map.of("printer", 1), 2);

        assertThat(both).hasSize(2);
        assertThat(both.get(0).ticket().terms().keySet().iterator().next())
                .isSameAs(both.get(1).ticket().terms().keySet().iterator().next());
    }

    private static DuplicateIndex withoutTicket(DuplicateIndex index, String id) {
        index.remove(id);
        return index;
    }

    /** A unit vector at {@code cosine} to {@link #query}, otherwise pointing in a random direction. */
    private float[] atCosine(double cosine) {
        float[] rest = new float[DIMENSIONS];
        double norm = 0;
        for (int i = 1; i < DIMENSIONS; i++) {
            rest[i] = (float) random.nextGaussian();
            norm += rest[i] * rest[i];
        }
        float[] vector = new float[DIMENSIONS];
        vector[0] = (float) cosine;
        for (int i = 1; i < DIMENSIONS; i++) {
            vector[i] = (float) (Math.sqrt(1 - cosine * cosine) * rest[i] / Math.sqrt(norm));
        }
        return vector;
    }

    private static float[] axis(int i) {
        float[] vector = new float[DIMENSIONS];
        vector[i] = 1;
        return vector;
    }

    private static StoredTicket ticket(String id, Instant created, float[] embedding, Map<String, Integer> terms) {
        return new StoredTicket(id, "acme", created, id, embedding, terms, null);
    }
}
