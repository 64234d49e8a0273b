package io.ticketflow.benchmarks;

import io.ticketflow.topology.dedup.DuplicateIndex;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One report that the dedup-eval replay judged, with the evidence the duplicate decision had: its best-ranked match
 * and the runner-up, and how far the two reports' titles agree. Written one a line by {@code dedup-eval --features
 * FILE}, so that a decision rule can be tried offline on exactly what the topology's index returned.
 *
 * @param id the report's id
 * @param labelled whether it is a labelled duplicate whose original was replayed before it (a query); otherwise a
 *     report in no labelled pair
 * @param originalRank for a query, the rank of its original among the matches (0 = best); -1 when not among them or
 *     for a report in no pair
 * @param best the best-ranked match, or {@code null} when nothing was indexed before the report
 * @param runnerUp the second-ranked match, or {@code null}
 * @param titleOverlap Jaccard overlap of the analysed words of the report's title and the best match's title, in
 *     [0, 1]; 1 for the same title; 0 without a best match
 */
record JudgedReport(
        String id,
        boolean labelled,
        int originalRank,
        DuplicateIndex.Match best,
        DuplicateIndex.Match runnerUp,
        double titleOverlap) {

    static final String CSV_HEADER = "report,labelled,original_rank,best,cosine,lexical,score,distinctiveness,"
            + "score_margin,cosine_margin,lexical_margin,title_overlap";

    /** A judged report, its matches given best first. */
    static JudgedReport of(
            String id,
            boolean labelled,
            int originalRank,
            List<DuplicateIndex.Match> matches,
            Map<String, Integer> title,
            Map<String, Integer> bestTitle) {
        DuplicateIndex.Match best = matches.isEmpty() ? null : matches.get(0);
        DuplicateIndex.Match runnerUp = matches.size() < 2 ? null : matches.get(1);
        return new JudgedReport(
                id, labelled, originalRank, best, runnerUp, best == null ? 0 : overlap(title, bestTitle));
    }

    /** The best match's distinctiveness, what the decision thresholds compare; -1 without a best match. */
    double distinctiveness() {
        return best == null ? -1 : best.distinctiveness();
    }

    /** Whether a query's best-ranked match is its original. */
    boolean bestIsOriginal() {
        return originalRank == 0;
    }

    /** Whether a query's original is among the top 3 candidates a reviewer sees. */
    boolean originalInTop3() {
        return originalRank >= 0 && originalRank < 3;
    }

    /** Whether the best match has the same title, word for word after analysis. */
    boolean sameTitle() {
        return titleOverlap == 1.0;
    }

    /**
     * This report as a line under {@link #CSV_HEADER}: the best match's scores, and by how much it leads the runner-up
     * (margins equal the best's values when there is no runner-up); empty fields without a best match.
     */
    String csvLine() {
        if (best == null) {
            // The nine fields of the best match stay empty.
            return id + "," + labelled + "," + originalRank + ",".repeat(9);
        }
        return String.format(
                Locale.ROOT,
                "%s,%s,%d,%s,%.5f,%.5f,%.5f,%.5f,%.5f,%.5f,%.5f,%.5f",
                id,
                labelled,
                originalRank,
                best.ticket().id(),
                best.cosine(),
                best.lexical(),
                best.score(),
                best.distinctiveness(),
                best.score() - (runnerUp == null ? 0 : runnerUp.score()),
                best.cosine() - (runnerUp == null ? 0 : runnerUp.cosine()),
                best.lexical() - (runnerUp == null ? 0 : runnerUp.lexical()),
                titleOverlap);
    }

    private static double overlap(Map<String, Integer> a, Map<String, Integer> b) {
        Set<String> union = new HashSet<>(a.keySet());
        union.addAll(b.keySet());
        if (union.isEmpty()) {
            return 0;
        }
        long shared = a.keySet().stream().filter(b::containsKey).count();
        return (double) shared / union.size();
    }
}
