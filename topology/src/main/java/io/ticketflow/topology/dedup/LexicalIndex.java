package io.ticketflow.topology.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.util.FixedBitSet;

/**
 * An inverted index of the tickets' words, so that a lookup can bring in tickets that share rare words with the query
 * although their embeddings are not among its nearest: BM25 ({@link TermStatistics#bm25}) accumulated over the posting
 * lists of the query's words.
 *
 * <p><b>Bounded cost.</b> A lookup walks the posting lists of the query's words from the rarest up and stops before the
 * list that would take the walk past {@value #POSTINGS_BUDGET} postings: the words it leaves out are the most common
 * ones, which carry the least weight, and the cost of a lookup does not grow with the number of tickets.
 *
 * <p>A removed ticket's postings stay, skipped by every walk; when removed tickets outnumber live ones (and are more
 * than 1,024) the lists are rebuilt from the live tickets, so each rebuild follows at least as many removals as it
 * re-inserts.
 *
 * <p>Not thread-safe: one stream thread owns it.
 */
final class LexicalIndex {

    /** Most postings one lookup walks. */
    static final int POSTINGS_BUDGET = 10_000;

    private final TermStatistics statistics;
    private final Map<String, Postings> postings = new HashMap<>();
    private final Map<String, Integer> ordinals = new HashMap<>();
    private final List<StoredTicket> tickets = new ArrayList<>();
    /**
     * Which ordinals hold a ticket still indexed: a bit each, so that the walk's check stays in the processor's cache
     * where {@link #tickets} (a reference each, read at random) would not.
     */
    private FixedBitSet live = new FixedBitSet(64);
    /**
     * Each ticket's BM25 score in the lookup under way, by ordinal, and 0 outside one: an array, not a map, because a
     * lookup adds up to {@value #POSTINGS_BUDGET} postings, and a map of boxed scores, all sorted, took 45 % of a
     * lookup + insert (200,000 tickets with real reports' words, {@code benchmarks/run dedup-scale --words FOLDER}).
     */
    private double[] scores = new double[0];
    /** The ordinals the lookup under way has scored, so that only they are ranked and reset. */
    private int[] scoredOrdinals = new int[64];

    /** @param statistics the word statistics of the same tickets, kept up to date by the caller */
    LexicalIndex(TermStatistics statistics) {
        this.statistics = statistics;
    }

    /** Indexes {@code ticket}; its id must not be indexed already. */
    void add(StoredTicket ticket) {
        int ordinal = tickets.size();
        tickets.add(ticket);
        live = FixedBitSet.ensureCapacity(live, ordinal);
        live.set(ordinal);
        ordinals.put(ticket.id(), ordinal);
        int length = TermStatistics.length(ticket.terms());
        ticket.terms()
                .forEach((term, count) ->
                        postings.computeIfAbsent(term, t -> new Postings()).add(ordinal, count, length));
    }

    /** Removes the ticket with {@code id}, if indexed. */
    void remove(String id) {
        Integer ordinal = ordinals.remove(id);
        if (ordinal == null) {
            return;
        }
        tickets.set(ordinal, null);
        live.clear(ordinal);
        if (tickets.size() - ordinals.size() > Math.max(1024, ordinals.size())) {
            compact();
        }
    }

    /** Forgets everything. */
    void clear() {
        postings.clear();
        ordinals.clear();
        tickets.clear();
        live = new FixedBitSet(64);
    }

    /**
     * Up to {@code count} tickets with the highest BM25 score for {@code query}, best first; of equal scores the newer
     * ticket (added later) first.
     */
    List<StoredTicket> best(Map<String, Integer> query, int count) {
        if (count < 1) {
            return List.of();
        }
        // Each word's postings looked up once, then sorted: a long report has hundreds of words.
        List<Map.Entry<String, Postings>> rarestFirst = new ArrayList<>(query.size());
        for (String term : query.keySet()) {
            Postings list = postings.get(term);
            if (list != null) {
                rarestFirst.add(Map.entry(term, list));
            }
        }
        rarestFirst.sort(Comparator.comparingInt(word -> word.getValue().size()));
        if (scores.length < tickets.size()) {
            scores = new double[Math.max(tickets.size(), scores.length * 2)];
        }
        int scored = 0;
        try {
            int walked = 0;
            for (Map.Entry<String, Postings> word : rarestFirst) {
                String term = word.getKey();
                Postings list = word.getValue();
                if (walked + list.size() > POSTINGS_BUDGET) {
                    break;
                }
                walked += list.size();
                double idf = statistics.bm25Idf(term);
                int queryCount = query.get(term);
                for (int i = 0; i < list.size(); i++) {
                    int ordinal = list.ordinal(i);
                    if (live.get(ordinal)) {
                        // A word a ticket holds adds a positive score, so 0 means "not scored yet".
                        if (scores[ordinal] == 0) {
                            scoredOrdinals = scored < scoredOrdinals.length
                                    ? scoredOrdinals
                                    : Arrays.copyOf(scoredOrdinals, scored * 2);
                            scoredOrdinals[scored++] = ordinal;
                        }
                        scores[ordinal] += statistics.bm25(queryCount, idf, list.count(i), list.length(i));
                    }
                }
            }
            return highest(scored, count);
        } finally {
            for (int i = 0; i < scored; i++) {
                scores[scoredOrdinals[i]] = 0;
            }
        }
    }

    /**
     * Whether ordinal {@code a} ranks above {@code b}: a higher score, or an equal one and newer. Compared unboxed:
     * most of up to {@value #POSTINGS_BUDGET} scored tickets are compared once and left out.
     */
    private boolean better(int a, int b) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && a > b);
    }

    /** The {@code count} best of the first {@code scored} of {@link #scoredOrdinals}, best first. */
    private List<StoredTicket> highest(int scored, int count) {
        Comparator<Integer> worstFirst =
                Comparator.<Integer>comparingDouble(ordinal -> scores[ordinal]).thenComparingInt(ordinal -> ordinal);
        PriorityQueue<Integer> best = new PriorityQueue<>(count + 1, worstFirst);
        for (int i = 0; i < scored; i++) {
            int ordinal = scoredOrdinals[i];
            if (best.size() < count) {
                best.add(ordinal);
            } else if (better(ordinal, best.peek())) {
                best.poll();
                best.add(ordinal);
            }
        }
        StoredTicket[] bestFirst = new StoredTicket[best.size()];
        for (int i = bestFirst.length - 1; i >= 0; i--) {
            bestFirst[i] = tickets.get(best.poll());
        }
        return List.of(bestFirst);
    }

    private void compact() {
        List<StoredTicket> kept =
                tickets.stream().filter(ticket -> ticket != null).toList();
        clear();
        kept.forEach(this::add);
    }

    /**
     * One word's postings: ticket ordinals, how often the word occurs in each, and each ticket's length (its number of
     * words, which BM25 weighs), in growing arrays. The length is kept here, beside the count, so that the walk reads
     * it in order instead of looking it up by ordinal: 4 bytes a posting for one memory access less each.
     */
    private static final class Postings {
        private int[] ordinals = new int[4];
        private int[] counts = new int[4];
        private int[] lengths = new int[4];
        private int size;

        void add(int ordinal, int count, int length) {
            if (size == ordinals.length) {
                ordinals = Arrays.copyOf(ordinals, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
                lengths = Arrays.copyOf(lengths, size * 2);
            }
            ordinals[size] = ordinal;
            counts[size] = count;
            lengths[size] = length;
            size++;
        }

        int size() {
            return size;
        }

        int ordinal(int i) {
            return ordinals[i];
        }

        int count(int i) {
            return counts[i];
        }

        int length(int i) {
            return lengths[i];
        }
    }
}
