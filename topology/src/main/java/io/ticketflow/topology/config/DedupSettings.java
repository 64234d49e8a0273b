package io.ticketflow.topology.config;

import static io.ticketflow.topology.config.Settings.atLeast;
import static io.ticketflow.topology.config.Settings.fraction;
import static io.ticketflow.topology.config.Settings.positive;

import io.ticketflow.topology.dedup.DuplicateIndex;
import java.time.Duration;

/**
 * Duplicate detection ({@code ticketflow.dedup.*}). Both thresholds apply to the best-ranked match's distinctiveness
 * (its embedding cosine minus the mean cosine of the ticket's 10 nearest earlier tickets, see {@link
 * DuplicateIndex}). They are calibrated with {@code benchmarks/run dedup-eval FOLDER
 * --sweep} on the shared gitbugs-hadoop bug reports and checked, unchanged, on gitbugs-seamonkey, for safety first: a
 * ticket declared a duplicate reuses another ticket's triage and skips review, so the duplicate threshold is the lowest
 * that reaches precision ≥ 0.90 with false duplicates (reports in no labelled pair declared duplicates) at or below
 * 1 %; the review threshold is the lowest that flags at most 10 % of unpaired reports as possible duplicates. Figures
 * in {@code topology/README.md}.
 *
 * @param duplicateThreshold a best match this distinctive (and sharing some words) makes a ticket a duplicate: it
 *     reuses the original's triage and skips its own triage call; default 0.37
 * @param reviewThreshold a best match this distinctive (below the duplicate threshold) makes a possible duplicate for
 *     a human, with its best candidates; default 0.21; at most {@code duplicateThreshold}
 * @param semanticWeight the share of the embedding cosine in the ranking score, the rest being the lexical (TF-IDF
 *     cosine and relative BM25) similarity of the texts; default 0.55
 * @param retention how long a ticket stays a possible original, counted from its creation time; default 30 days
 * @param expiryInterval how often, in wall-clock time, expired tickets are removed; default 1 hour
 * @param candidates how many candidates a possible duplicate carries to its reviewer; default 3
 * @param snapshotInterval how often, in wall-clock time, a dedup task saves its HNSW graphs when they changed (besides
 *     on closing), so that a restart on the same machine, even after a crash, links only what changed since; default
 *     10 minutes
 * @param searchWidth candidates the HNSW graph search keeps (its ef): wider finds a ticket's nearest earlier tickets
 *     more surely, and costs more per lookup; default 50, the pool of candidates it fills, and at least that. A
 *     ticket's lookup takes its candidates from the search that links it into the graph, which keeps 100 (the beam),
 *     so widths up to 100 all take those; a wider one searches on its own. Measured in {@code topology/README.md}
 *     ("Graph size and search width")
 */
public record DedupSettings(
        Double duplicateThreshold,
        Double reviewThreshold,
        Double semanticWeight,
        Duration retention,
        Duration expiryInterval,
        Integer candidates,
        Duration snapshotInterval,
        Integer searchWidth) {

    /** The fewest candidates a search keeps: the pool of nearest tickets by embedding that a lookup ranks. */
    public static final int MIN_SEARCH_WIDTH = DuplicateIndex.POOL;

    public DedupSettings {
        duplicateThreshold = fraction("dedup.duplicate-threshold", duplicateThreshold, 0.37);
        reviewThreshold = fraction("dedup.review-threshold", reviewThreshold, 0.21);
        semanticWeight = fraction("dedup.semantic-weight", semanticWeight, 0.55);
        retention = positive("dedup.retention", retention, Duration.ofDays(30));
        expiryInterval = positive("dedup.expiry-interval", expiryInterval, Duration.ofHours(1));
        candidates = atLeast("dedup.candidates", candidates, 3, 1);
        snapshotInterval = positive("dedup.snapshot-interval", snapshotInterval, Duration.ofMinutes(10));
        searchWidth = atLeast("dedup.search-width", searchWidth, MIN_SEARCH_WIDTH, MIN_SEARCH_WIDTH);
        if (reviewThreshold > duplicateThreshold) {
            throw new IllegalArgumentException("ticketflow.dedup.review-threshold (" + reviewThreshold
                    + ") must be at most ticketflow.dedup.duplicate-threshold (" + duplicateThreshold + ")");
        }
    }

    /** The default settings. */
    public static DedupSettings defaults() {
        return new DedupSettings(null, null, null, null, null, null, null, null);
    }
}
