package io.ticketflow.benchmarks;

import io.ticketflow.schemas.DuplicateVerdict;
import io.ticketflow.topology.config.DedupSettings;
import io.ticketflow.topology.dedup.DuplicateDecision;
import io.ticketflow.topology.dedup.DuplicateIndex;
import io.ticketflow.topology.dedup.StoredTicket;
import io.ticketflow.topology.dedup.TextTerms;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code benchmarks/run dedup-eval [FOLDER] [--sweep] [--features FILE] [--retention DAYS]}: how well duplicate detection finds the
 * original of a labelled duplicate bug report, and how precise its yes/no decision is, next to a Lucene BM25 baseline,
 * in one run.
 *
 * <p>Reads FOLDER in the canonical dedup format (default {@code ../shared/data/dedup/gitbugs-hadoop}), embeds every
 * report with the topology's local embedding model (cached under {@code benchmarks/target/embedding-cache}), and
 * replays the reports in {@code created} order through the topology's own {@link DuplicateIndex} and
 * {@link DuplicateDecision} with the default {@link DedupSettings}: each report is first looked up among the earlier
 * ones, then added. {@code --sweep} also prints, for semantic weights 0 to 1, the ranking and the lowest duplicate
 * threshold (on the best match's distinctiveness) that reaches precision ≥ 0.90 with a false-duplicate rate ≤ 1 % —
 * how the defaults were calibrated (on gitbugs-hadoop, then checked on gitbugs-seamonkey). {@code --features FILE}
 * writes what the decision had on each judged report ({@link JudgedReport}, CSV), to try decision rules offline.
 * {@code --retention DAYS} replays with the topology's retention: a report leaves the index (and the BM25 baseline's)
 * once a report created more than DAYS after it arrives, so a labelled duplicate whose original is older can no longer
 * find it. Without it, every earlier report stays a candidate.
 */
public final class DedupEvalBenchmark {

    private static final String NAME = "dedup-eval";
    private static final double PRECISION_GOAL = 0.90;
    private static final double FALSE_DUPLICATE_GOAL = 0.01;
    private static final double REVIEW_SHARE_GOAL = 0.10;

    private final BugReports data;
    private final float[][] vectors;
    private final List<Map<String, Integer>> terms = new ArrayList<>();
    private final List<Map<String, Integer>> titles = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    /** How long a report stays a candidate original, or {@code null} for ever. */
    private final Duration retention;

    private final PrintStream out;

    private DedupEvalBenchmark(BugReports data, float[][] vectors, Duration retention, PrintStream out) {
        this.data = data;
        this.retention = retention;
        this.vectors = vectors;
        this.out = out;
        TextTerms analyser = new TextTerms();
        for (BugReports.Report report : data.reports()) {
            String text = ReportEmbeddings.textOf(report);
            texts.add(text);
            terms.add(analyser.of(text));
            titles.add(analyser.of(report.title()));
        }
    }

    public static void main(String[] args) {
        try {
            DedupEvalOptions options = DedupEvalOptions.parse(args, Benchmarks.projectRoot());
            BugReports data = BugReports.read(options.folder());
            System.out.printf(
                    "%s: %d reports, %d labelled pairs%n",
                    options.folder(), data.reports().size(), data.originalOf().size());
            DedupEvalBenchmark benchmark =
                    new DedupEvalBenchmark(data, ReportEmbeddings.of(data), options.retention(), System.out);
            if (options.sweep()) {
                benchmark.sweep();
            }
            System.out.println(benchmark.run(options.features()));
        } catch (IllegalArgumentException e) {
            System.err.println(NAME + ": " + e.getMessage());
            System.err.println(DedupEvalOptions.USAGE);
            System.exit(2);
        } catch (Exception e) {
            System.err.println(NAME + " failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private ResultLine run(Path features) throws IOException {
        DedupSettings settings = DedupSettings.defaults();
        Replay replay = replay(settings.semanticWeight());
        Outcomes outcomes = replay.at(settings.duplicateThreshold());
        if (features != null) {
            replay.writeFeatures(features);
            out.printf(
                    "features of %d judged reports written to %s%n",
                    replay.judged().size(), features);
        }
        RankingMetrics bm25 = bm25();
        out.printf(
                "thresholds: duplicate %.2f, review %.2f, semantic weight %.2f; queries %d, reports in no pair %d%n",
                settings.duplicateThreshold(),
                settings.reviewThreshold(),
                settings.semanticWeight(),
                replay.ranking.queries(),
                replay.unpaired.size());
        if (retention != null) {
            out.printf(
                    "retention %d days: %d of %d queries' originals had left the index before the query arrived%n",
                    retention.toDays(), replay.originalsExpired, replay.ranking.queries());
        }
        out.printf(
                "possible duplicates (review threshold): %.4f of reports in no pair, %.4f of queries%n",
                replay.share(replay.unpaired, settings.reviewThreshold()),
                replay.share(replay.queries, settings.reviewThreshold()));
        ResultLine result = new ResultLine(NAME)
                .add("rr1", replay.ranking.recallRate(1), 4)
                .add("rr3", replay.ranking.recallRate(3), 4)
                .add("rr5", replay.ranking.recallRate(5), 4)
                .add("rr10", replay.ranking.recallRate(10), 4)
                .add("map", replay.ranking.meanAveragePrecision(), 4)
                .add("precision", outcomes.precision(), 4)
                .add("recall", outcomes.recall(), 4)
                .add("false_dup_rate", outcomes.falseDuplicateRate(), 4)
                .add("false_dup_same_title", outcomes.sameTitleShare(), 4)
                .add("review_share", replay.share(replay.unpaired, settings.reviewThreshold()), 4)
                .add("review_caught_top3", replay.caughtInTop3(settings.reviewThreshold()), 4)
                .add("bm25_rr1", bm25.recallRate(1), 4)
                .add("bm25_rr3", bm25.recallRate(3), 4)
                .add("bm25_rr10", bm25.recallRate(10), 4)
                .add("bm25_map", bm25.meanAveragePrecision(), 4)
                .add("queries", replay.ranking.queries())
                .add("duplicate_threshold", settings.duplicateThreshold(), 2)
                .add("review_threshold", settings.reviewThreshold(), 2);
        if (retention != null) {
            result.add("retention_days", retention.toDays()).add("originals_expired", replay.originalsExpired);
        }
        return result;
    }

    /**
     * For each semantic weight: the ranking; the lowest duplicate threshold meeting the decision goals; the lowest
     * duplicate threshold keeping false duplicates at or below 1 % whatever the precision; and the lowest review
     * threshold that flags at most 10 % of the reports in no pair, with the share of queries it flags whose original
     * is among the top 3 candidates a reviewer sees.
     */
    private void sweep() {
        out.println("weight  rr1     rr3     rr10    map     | precision>=0.90 and false-dup<=1%"
                + " | false-dup<=1%: threshold precision recall false-dup"
                + " | review, flags<=10% of unpaired: threshold flagged caught-in-top-3");
        for (int step = 0; step <= 10; step++) {
            double weight = step / 10.0;
            Replay replay = replay(weight);
            String calibrated = "none";
            String safe = "none";
            for (int t = 0; t <= 100; t++) {
                Outcomes outcomes = replay.at(t / 100.0);
                if (outcomes.falseDuplicateRate() <= FALSE_DUPLICATE_GOAL && safe.equals("none")) {
                    safe = String.format(
                            "%.2f %.4f %.4f %.4f",
                            t / 100.0, outcomes.precision(), outcomes.recall(), outcomes.falseDuplicateRate());
                }
                if (outcomes.predicted > 0
                        && outcomes.precision() >= PRECISION_GOAL
                        && outcomes.falseDuplicateRate() <= FALSE_DUPLICATE_GOAL) {
                    calibrated = String.format(
                            "%.2f: precision %.4f recall %.4f false-dup %.4f",
                            t / 100.0, outcomes.precision(), outcomes.recall(), outcomes.falseDuplicateRate());
                    break;
                }
            }
            String review = "none";
            for (int t = 0; t <= 100; t++) {
                double threshold = t / 100.0;
                if (replay.share(replay.unpaired, threshold) <= REVIEW_SHARE_GOAL) {
                    review = String.format(
                            "%.2f %.4f %.4f",
                            threshold, replay.share(replay.queries, threshold), replay.caughtInTop3(threshold));
                    break;
                }
            }
            out.printf(
                    "%.1f     %.4f  %.4f  %.4f  %.4f  | %s | %s | %s%n",
                    weight,
                    replay.ranking.recallRate(1),
                    replay.ranking.recallRate(3),
                    replay.ranking.recallRate(10),
                    replay.ranking.meanAveragePrecision(),
                    calibrated,
                    safe,
                    review);
        }
    }

    /** Replays every report in created order through a {@link DuplicateIndex} with {@code weight}. */
    private Replay replay(double weight) {
        Replay replay = new Replay();
        DuplicateIndex index = new DuplicateIndex(weight);
        RetentionWindow window = new RetentionWindow(retention);
        Set<String> gone = new HashSet<>();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> position = new HashMap<>();
        Set<String> paired = new HashSet<>(data.originalOf().keySet());
        paired.addAll(data.originalOf().values());
        for (int i = 0; i < data.reports().size(); i++) {
            BugReports.Report report = data.reports().get(i);
            for (String expired : window.expireAt(report.created())) {
                index.remove(expired);
                gone.add(expired);
            }
            // As the dedup stage does: looked up among the earlier reports, then added.
            List<DuplicateIndex.Match> matches = index.bestThenPut(
                    new StoredTicket(
                            report.id(), "eval", report.created(), report.title(), vectors[i], terms.get(i), null),
                    DuplicateIndex.POOL);
            // What the decision judges: the best-ranked match.
            Map<String, Integer> bestTitle = matches.isEmpty()
                    ? Map.of()
                    : titles.get(position.get(matches.getFirst().ticket().id()));
            String original = data.originalOf().get(report.id());
            if (original != null && seen.contains(original)) {
                if (gone.contains(original)) {
                    replay.originalsExpired++;
                }
                replay.ranking.add(ids(matches), original);
                replay.queries.add(JudgedReport.of(
                        report.id(), true, ids(matches).indexOf(original), matches, titles.get(i), bestTitle));
            } else if (!paired.contains(report.id())) {
                replay.unpaired.add(JudgedReport.of(report.id(), false, -1, matches, titles.get(i), bestTitle));
            }
            window.add(report.id(), report.created());
            seen.add(report.id());
            position.put(report.id(), i);
        }
        return replay;
    }

    private RankingMetrics bm25() throws IOException {
        RankingMetrics ranking = new RankingMetrics();
        Set<String> seen = new HashSet<>();
        RetentionWindow window = new RetentionWindow(retention);
        try (Bm25Baseline baseline = new Bm25Baseline()) {
            for (int i = 0; i < data.reports().size(); i++) {
                BugReports.Report report = data.reports().get(i);
                for (String expired : window.expireAt(report.created())) {
                    baseline.remove(expired);
                }
                String original = data.originalOf().get(report.id());
                if (original != null && seen.contains(original)) {
                    ranking.add(baseline.best(texts.get(i), 10), original);
                }
                baseline.add(report.id(), texts.get(i));
                window.add(report.id(), report.created());
                seen.add(report.id());
            }
        }
        return ranking;
    }

    private static List<String> ids(List<DuplicateIndex.Match> matches) {
        return matches.stream().map(match -> match.ticket().id()).toList();
    }

    /** What a replay saw: the ranking of each query, and what the decision had on queries and on reports in no pair. */
    private static final class Replay {
        final RankingMetrics ranking = new RankingMetrics();
        final List<JudgedReport> queries = new ArrayList<>();
        final List<JudgedReport> unpaired = new ArrayList<>();
        /** Queries whose original had left the index under the retention before the query arrived. */
        int originalsExpired;

        /** Every judged report, queries first. */
        List<JudgedReport> judged() {
            List<JudgedReport> all = new ArrayList<>(queries);
            all.addAll(unpaired);
            return all;
        }

        /** Share of {@code reports} whose best match's distinctiveness reaches {@code threshold}. */
        double share(List<JudgedReport> reports, double threshold) {
            return reports.isEmpty()
                    ? 0
                    : reports.stream()
                                    .filter(report -> report.distinctiveness() >= threshold)
                                    .count()
                            / (double) reports.size();
        }

        /** Share of queries whose best match reaches {@code threshold} and whose original is among the top 3. */
        double caughtInTop3(double threshold) {
            long caught = queries.stream()
                    .filter(query -> query.distinctiveness() >= threshold && query.originalInTop3())
                    .count();
            return queries.isEmpty() ? 0 : (double) caught / queries.size();
        }

        /** What the topology's {@link DuplicateDecision} does with {@code threshold} as the duplicate threshold. */
        Outcomes at(double threshold) {
            DuplicateDecision decision = new DuplicateDecision(threshold, threshold);
            List<JudgedReport> predicted = queries.stream()
                    .filter(query -> isDuplicate(decision, query))
                    .toList();
            long correct =
                    predicted.stream().filter(JudgedReport::bestIsOriginal).count();
            List<JudgedReport> falseDuplicates = unpaired.stream()
                    .filter(report -> isDuplicate(decision, report))
                    .toList();
            long sameTitle =
                    falseDuplicates.stream().filter(JudgedReport::sameTitle).count();
            return new Outcomes(
                    predicted.size(),
                    (int) correct,
                    queries.size(),
                    falseDuplicates.size(),
                    (int) sameTitle,
                    unpaired.size());
        }

        void writeFeatures(Path file) throws IOException {
            List<String> lines = new ArrayList<>();
            lines.add(JudgedReport.CSV_HEADER);
            judged().forEach(report -> lines.add(report.csvLine()));
            Files.write(file, lines);
        }

        private static boolean isDuplicate(DuplicateDecision decision, JudgedReport report) {
            return report.best() != null
                    && decision.verdictOn(report.best())
                            .filter(verdict -> verdict == DuplicateVerdict.DUPLICATE)
                            .isPresent();
        }
    }

    /**
     * The duplicate decision over the labelled queries (a query the decision calls a duplicate is a predicted
     * duplicate, correct when its best candidate is its original) and over the reports in no pair (each it calls a
     * duplicate is a false duplicate; some of them have the very title of their best match).
     */
    private record Outcomes(
            int predicted, int correct, int queries, int falseDuplicates, int falseDuplicatesSameTitle, int unpaired) {
        double precision() {
            return predicted == 0 ? 1 : (double) correct / predicted;
        }

        double recall() {
            return queries == 0 ? 0 : (double) correct / queries;
        }

        double falseDuplicateRate() {
            return unpaired == 0 ? 0 : (double) falseDuplicates / unpaired;
        }

        /** Share of the false duplicates whose best match has the same title: likely duplicates nobody labelled. */
        double sameTitleShare() {
            return falseDuplicates == 0 ? 0 : (double) falseDuplicatesSameTitle / falseDuplicates;
        }
    }
}
