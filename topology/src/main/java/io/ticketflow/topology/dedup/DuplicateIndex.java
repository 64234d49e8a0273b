package io.ticketflow.topology.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The possible originals of one dedup scope, in memory, searchable: an HNSW index of their embeddings and
 * the word statistics of their texts. A copy of what the task's dedup store holds, rebuilt from it when the task
 * starts; the store is the truth.
 *
 * <p>A search takes the {@value #POOL} nearest tickets by embedding and ranks them by a score that combines both
 * kinds of evidence: {@code w × cosine + (1 − w) × lexical}, where {@code w} is the semantic weight and lexical the
 * TF-IDF cosine of the texts ({@link TermStatistics}). Embeddings alone miss reports that share rare words (class
 * names, error messages) but are phrased differently, and the MiniLM model reads only the start of a long text;
 * words alone miss paraphrases.
 *
 * <p>Not thread-safe: one stream thread owns it.
 */
public final class DuplicateIndex {

    /** Nearest tickets by embedding that are re-ranked by the combined score. */
    public static final int POOL = 50;

    private static final int SEARCH_WIDTH = 100;

    private final double semanticWeight;
    private final Map<String, StoredTicket> tickets = new HashMap<>();
    private final TermStatistics words = new TermStatistics();
    private VectorIndex vectors;

    /** @param semanticWeight the embedding cosine's share of the score, in [0, 1] */
    public DuplicateIndex(double semanticWeight) {
        this.semanticWeight = semanticWeight;
    }

    /** A possible original, scored against a query. */
    public record Match(StoredTicket ticket, double score, double cosine, double lexical) {}

    /** Adds {@code ticket}, replacing any earlier version of the same id. */
    public void put(StoredTicket ticket) {
        remove(ticket.id());
        if (vectors == null) {
            vectors = new VectorIndex(ticket.embedding().length);
        }
        tickets.put(ticket.id(), ticket);
        words.add(ticket.terms());
        vectors.put(ticket.id(), ticket.embedding());
    }

    /** Removes the ticket with {@code id}, if indexed. */
    public void remove(String id) {
        StoredTicket removed = tickets.remove(id);
        if (removed != null) {
            words.remove(removed.terms());
            vectors.remove(id);
        }
    }

    /** Number of indexed tickets. */
    public int size() {
        return tickets.size();
    }

    /** Every ticket created before {@code cutoff}. */
    public List<StoredTicket> createdBefore(Instant cutoff) {
        return tickets.values().stream()
                .filter(ticket -> ticket.created().isBefore(cutoff))
                .toList();
    }

    /** Forgets everything, then indexes {@code all}. */
    public void rebuild(Collection<StoredTicket> all) {
        tickets.clear();
        words.clear();
        vectors = null;
        all.forEach(this::put);
    }

    /** The best {@code count} matches of a ticket with {@code embedding} and {@code terms}, best first. */
    public List<Match> best(float[] embedding, Map<String, Integer> terms, int count) {
        if (vectors == null || vectors.dimensions() != embedding.length) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>();
        for (VectorIndex.Neighbour neighbour : vectors.nearest(embedding, POOL, SEARCH_WIDTH)) {
            StoredTicket candidate = tickets.get(neighbour.key());
            double lexical = words.similarity(terms, candidate.terms());
            double score = semanticWeight * neighbour.cosine() + (1 - semanticWeight) * lexical;
            matches.add(new Match(candidate, score, neighbour.cosine(), lexical));
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed());
        return matches.size() > count ? List.copyOf(matches.subList(0, count)) : matches;
    }
}
