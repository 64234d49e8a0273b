package io.ticketflow.topology.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.util.VectorUtil;

/**
 * The possible originals of one dedup scope, in memory, searchable: an HNSW index of their embeddings and an inverted
 * index of their words. A copy of what the task's dedup store holds, rebuilt from it when the task starts; the store is
 * the truth.
 *
 * <p><b>Candidates.</b> A search takes the {@value #POOL} nearest tickets by embedding and the {@value #POOL} best by
 * BM25 over the words ({@link LexicalIndex}, whose walk is bounded): embeddings alone miss reports that share rare
 * words (class names, error messages) but are phrased differently, and the MiniLM model reads only the start of each
 * chunk of a long text; words alone miss paraphrases.
 *
 * <p><b>Ranking.</b> Candidates are ranked by {@code score = w × cosine + (1 − w) × lexical}, where {@code w} is the
 * semantic weight and lexical {@link TermStatistics.Query#similarity} (TF-IDF cosine and relative BM25). Equal scores rank
 * the newer ticket first: of several identical earlier reports the latest is the one people still have in mind.
 *
 * <p><b>Distinctiveness.</b> Each match also carries how far its cosine stands above the query's neighbourhood: the mean
 * cosine of the query's {@value #NEIGHBOURHOOD} nearest tickets other than copies of the match (same cosine; missing
 * neighbours, in a scope of fewer tickets, count as unrelated, cosine 0). Reports written from one template (a crash
 * form, a web-compatibility form) are all close to each other by embedding and by words, so a high similarity alone
 * says little there; a duplicate is a match that stands out from the query's other neighbours. The duplicate decision
 * ({@link DuplicateDecision}) compares this value, the ranking does not.
 *
 * <p>Not thread-safe: one stream thread owns it.
 */
public final class DuplicateIndex {

    /** Nearest tickets by embedding, and best by words, that are ranked by the combined score. */
    public static final int POOL = 50;

    /** Nearest tickets by embedding whose mean cosine is the neighbourhood a match must stand out from. */
    public static final int NEIGHBOURHOOD = 10;

    /** Cosines closer than this are the same: float rounding of identical vectors stays far below it. */
    private static final double SAME_COSINE = 1e-6;

    private static final Comparator<Match> BEST_FIRST = Comparator.comparingDouble(Match::score)
            .thenComparing(match -> match.ticket().created())
            .thenComparing(match -> match.ticket().id())
            .reversed();

    private final double semanticWeight;
    /** Candidates the HNSW search keeps (its ef), at least the {@link #POOL} it fills. */
    private final int searchWidth;

    private final int linkingWorkers;

    private final Map<String, StoredTicket> tickets = new HashMap<>();
    private final TermStatistics words = new TermStatistics();
    private final LexicalIndex lexicalIndex = new LexicalIndex(words);
    private VectorIndex vectors;

    /**
     * An index whose graph search keeps {@link #POOL} candidates, the default search width.
     *
     * @param semanticWeight the embedding cosine's share of the score, in [0, 1]
     */
    public DuplicateIndex(double semanticWeight) {
        this(semanticWeight, POOL);
    }

    /**
     * @param semanticWeight the embedding cosine's share of the score, in [0, 1]
     * @param searchWidth candidates the graph search keeps (HNSW's ef), at least {@link #POOL}
     */
    public DuplicateIndex(double semanticWeight, int searchWidth) {
        this(semanticWeight, searchWidth, VectorIndex.DEFAULT_LINKING_WORKERS);
    }

    /**
     * An index that links many embeddings at once (a rebuild) on at most {@code linkingWorkers} threads, for a
     * background job that must leave cores to the stream threads.
     */
    DuplicateIndex(double semanticWeight, int searchWidth, int linkingWorkers) {
        if (searchWidth < POOL) {
            throw new IllegalArgumentException("searchWidth must be at least " + POOL + ", was " + searchWidth);
        }
        this.semanticWeight = semanticWeight;
        this.searchWidth = searchWidth;
        this.linkingWorkers = linkingWorkers;
    }

    /**
     * A possible original, scored against a query.
     *
     * @param ticket the possible original
     * @param score the ranking score, {@code w × cosine + (1 − w) × lexical}
     * @param cosine the cosine of the two embeddings, in [-1, 1]
     * @param lexical the lexical similarity of the two texts, in [0, 1]
     * @param distinctiveness {@code cosine} minus the mean cosine of the query's nearest tickets: how far this match
     *     stands out from the query's neighbourhood, in [-2, 2]; what the duplicate decision compares
     */
    public record Match(StoredTicket ticket, double score, double cosine, double lexical, double distinctiveness) {}

    /** Adds {@code ticket}, replacing any earlier version of the same id. */
    public void put(StoredTicket ticket) {
        remove(ticket.id());
        vectorsFor(ticket).put(ticket.id(), ticket.embedding());
        addWords(ticket);
    }

    /** The embeddings' index, created for {@code ticket}'s embedding length if there is none yet. */
    private VectorIndex vectorsFor(StoredTicket ticket) {
        if (vectors == null) {
            vectors = new VectorIndex(ticket.embedding().length);
            vectors.linkingWorkers(linkingWorkers);
        }
        return vectors;
    }

    /**
     * Makes {@code ticket}, whose embedding is indexed, a candidate: by id, and by its words, held as the scope's one
     * instance of each ({@link TermStatistics#add}).
     */
    private void addWords(StoredTicket ticket) {
        StoredTicket kept = new StoredTicket(
                ticket.id(),
                ticket.scope(),
                ticket.created(),
                ticket.title(),
                ticket.embedding(),
                words.add(ticket.terms()),
                ticket.triage());
        tickets.put(kept.id(), kept);
        lexicalIndex.add(kept);
    }

    /** Removes the ticket with {@code id}, if indexed. */
    public void remove(String id) {
        StoredTicket removed = tickets.remove(id);
        if (removed != null) {
            words.remove(removed.terms());
            lexicalIndex.remove(id);
            vectors.remove(id);
        }
    }

    /** Number of indexed tickets. */
    public int size() {
        return tickets.size();
    }

    /**
     * Length of the codes the embeddings' graph is linked and walked on: the embedding's dimensions, or fewer once a
     * walk basis was fitted (see {@link VectorIndex}); 0 while the index is empty.
     */
    public int walkDimensions() {
        return vectors == null ? 0 : vectors.walkDimensions();
    }

    /** Every ticket created before {@code cutoff}. */
    public List<StoredTicket> createdBefore(Instant cutoff) {
        return tickets.values().stream()
                .filter(ticket -> ticket.created().isBefore(cutoff))
                .toList();
    }

    /**
     * A task's indexes rebuilt from its store's tickets ({@code stored}: scope → id → ticket), one {@code newIndex} per
     * scope, each taking the links {@code restored} (its snapshot, read for {@code stored}) holds for its scope: how a
     * dedup task rebuilds on initialising, and how a standby pass builds what that task would.
     */
    static Map<String, DuplicateIndex> rebuildAll(
            Map<String, Map<String, StoredTicket>> stored,
            Map<String, VectorIndex> restored,
            Supplier<DuplicateIndex> newIndex) {
        Map<String, DuplicateIndex> indexes = new HashMap<>();
        stored.forEach((scope, tickets) -> {
            DuplicateIndex index = newIndex.get();
            index.rebuild(tickets.values(), restored.get(scope));
            indexes.put(scope, index);
        });
        return indexes;
    }

    /** Forgets everything, then indexes {@code all}. */
    public void rebuild(Collection<StoredTicket> all) {
        rebuild(all, null);
    }

    /**
     * Forgets everything, then indexes {@code all}, taking their embeddings' graph from {@code restored} (a {@link
     * VectorIndex#restore restored} index of this scope, or {@code null}): tickets it holds are not linked again.
     */
    public void rebuild(Collection<StoredTicket> all, VectorIndex restored) {
        tickets.clear();
        words.clear();
        lexicalIndex.clear();
        vectors = restored;
        if (vectors != null) {
            vectors.linkingWorkers(linkingWorkers);
        }
        for (StoredTicket ticket : all) {
            if (vectors != null && vectors.contains(ticket.id())) {
                addWords(ticket);
            } else {
                put(ticket);
            }
        }
    }

    /** A copy of the embeddings' graph for an {@link IndexSnapshot}; only when {@link #hasVectors}. */
    public SavedVectors saveVectors() {
        return vectors.save();
    }

    /** Whether there is a graph for {@link #saveVectors} to copy. */
    public boolean hasVectors() {
        return vectors != null;
    }

    /** The best {@code count} matches of a ticket with {@code embedding} and {@code terms}, best first. */
    public List<Match> best(float[] embedding, Map<String, Integer> terms, int count) {
        if (vectors == null || vectors.dimensions() != embedding.length) {
            return List.of();
        }
        return ranked(embedding, terms, vectors.nearest(embedding, POOL, searchWidth), count);
    }

    /**
     * The best {@code count} matches of {@code ticket} among the tickets indexed before it, best first, as {@link
     * #best} answers them; then adds it as {@link #put} does, replacing any earlier version of its id (never its own
     * match). What the dedup stage does with every ticket it judges, in one graph search: the one that links the
     * ticket's embedding also finds its nearest ({@link VectorIndex#putNearest}).
     */
    public List<Match> bestThenPut(StoredTicket ticket, int count) {
        remove(ticket.id());
        List<VectorIndex.Neighbour> nearest =
                vectorsFor(ticket).putNearest(ticket.id(), ticket.embedding(), POOL, searchWidth);
        // Ranked before the ticket's words join the statistics, as a lookup before the put would rank them.
        List<Match> best = ranked(ticket.embedding(), ticket.terms(), nearest, count);
        addWords(ticket);
        return best;
    }

    /**
     * The best {@code count} matches of a ticket with {@code embedding} and {@code terms}, best first, among its
     * {@code nearest} by embedding and its best by words.
     */
    private List<Match> ranked(
            float[] embedding, Map<String, Integer> terms, List<VectorIndex.Neighbour> nearest, int count) {
        Map<String, Double> cosines = new LinkedHashMap<>();
        nearest.forEach(neighbour -> cosines.put(neighbour.key(), neighbour.cosine()));
        for (StoredTicket candidate : lexicalIndex.best(terms, POOL)) {
            cosines.computeIfAbsent(
                    candidate.id(), id -> (double) VectorUtil.dotProduct(embedding, candidate.embedding()));
        }
        List<Match> matches = new ArrayList<>(cosines.size());
        TermStatistics.Query query = words.query(terms);
        cosines.forEach((id, cosine) -> {
            StoredTicket candidate = tickets.get(id);
            double lexical = query.similarity(candidate.terms());
            double score = semanticWeight * cosine + (1 - semanticWeight) * lexical;
            matches.add(new Match(candidate, score, cosine, lexical, cosine - neighbourhoodCosine(nearest, cosine)));
        });
        matches.sort(BEST_FIRST);
        return matches.size() > count ? List.copyOf(matches.subList(0, count)) : matches;
    }

    /**
     * Mean cosine of the {@value #NEIGHBOURHOOD} nearest (given nearest first) other than copies of a match with
     * {@code cosine} (the same cosine: an identical text); absent ones count as 0. Copies are left out because a burst
     * of identical tickets is no template: each is a duplicate of the others.
     */
    private static double neighbourhoodCosine(List<VectorIndex.Neighbour> nearest, double cosine) {
        double sum = 0;
        int counted = 0;
        for (int i = 0; i < nearest.size() && counted < NEIGHBOURHOOD; i++) {
            if (Math.abs(nearest.get(i).cosine() - cosine) > SAME_COSINE) {
                sum += nearest.get(i).cosine();
                counted++;
            }
        }
        return sum / NEIGHBOURHOOD;
    }
}
