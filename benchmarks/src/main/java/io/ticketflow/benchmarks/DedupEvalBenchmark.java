package io.ticketflow.benchmarks;

import io.ticketflow.schemas.DuplicateVerdict;
import io.ticketflow.schemas.Reporter;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.topology.ai.local.LocalEmbeddingModel;
import io.ticketflow.topology.config.DedupSettings;
import io.ticketflow.topology.config.LocalModelSettings;
import io.ticketflow.topology.dedup.DuplicateDecision;
import io.ticketflow.topology.dedup.DuplicateIndex;
import io.ticketflow.topology.dedup.StoredTicket;
import io.ticketflow.topology.dedup.TextTerms;
import io.ticketflow.topology.embed.EmbedCall;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code benchmarks/run dedup-eval [FOLDER] [--sweep]}: how well duplicate detection finds the original of a labelled
 * duplicate bug report, and how precise its yes/no decision is, next to a Lucene BM25 baseline, in one run.
 *
 * <p>Reads FOLDER in the canonical dedup format (default {@code ../shared/data/dedup/gitbugs-hadoop}), embeds every
 * report with the topology's local embedding model (cached under {@code benchmarks/target/embedding-cache}), and
 * replays the reports in {@code created} order through the topology's own {@link DuplicateIndex} and
 * {@link DuplicateDecision} with the default {@link DedupSettings}: each report is first looked up among the earlier
 * ones, then added. {@code --sweep} also prints, for semantic weights 0 to 1, the ranking and the lowest duplicate
 * threshold (on the best match's distinctiveness) that reaches precision ≥ 0.90 with a false-duplicate rate ≤ 1 % —
 * how the defaults were calibrated (on gitbugs-hadoop, then checked on gitbugs-seamonkey).
 */
public final class DedupEvalBenchmark {

    private static final String NAME = "dedup-eval";
    private static final double PRECISION_GOAL = 0.90;
    private static final double FALSE_DUPLICATE_GOAL = 0.01;
    private static final double REVIEW_SHARE_GOAL = 0.10;

    private final BugReports data;
    private final float[][] vectors;
    private final List<Map<String, Integer>> terms = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private final PrintStream out;

    private DedupEvalBenchmark(BugReports data, float[][] vectors, PrintStream out) {
        this.data = data;
        this.vectors = vectors;
        this.out = out;
        TextTerms analyser = new TextTerms();
        for (BugReports.Report report : data.reports()) {
            String text = EmbedCall.textOf(asTicket(report));
            texts.add(text);
            terms.add(analyser.of(text));
        }
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        boolean sweep = arguments.contains("--sweep");
        Path folder = arguments.stream()
                .filter(arg -> !arg.startsWith("--"))
                .findFirst()
                .map(Path::of)
                .orElse(Benchmarks.projectRoot()
                        .resolve("../shared/data/dedup/gitbugs-hadoop")
                        .normalize());
        try {
            BugReports data = BugReports.read(folder);
            System.out.printf(
                    "%s: %d reports, %d labelled pairs%n",
                    folder, data.reports().size(), data.originalOf().size());
            DedupEvalBenchmark benchmark = new DedupEvalBenchmark(data, embed(data), System.out);
            if (sweep) {
                benchmark.sweep();
            }
            System.out.println(benchmark.run());
        } catch (IllegalArgumentException e) {
            System.err.println(NAME + ": " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println(NAME + " failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private ResultLine run() throws IOException {
        DedupSettings settings = DedupSettings.defaults();
        Replay replay = replay(settings.semanticWeight());
        Outcomes outcomes = replay.at(settings.duplicateThreshold());
        RankingMetrics bm25 = bm25();
        out.printf(
                "thresholds: duplicate %.2f, review %.2f, semantic weight %.2f; queries %d, reports in no pair %d%n",
                settings.duplicateThreshold(),
                settings.reviewThreshold(),
                settings.semanticWeight(),
                replay.ranking.queries(),
                replay.unpairedBest.size());
        out.printf(
                "possible duplicates (review threshold): %.4f of reports in no pair, %.4f of queries%n",
                share(replay.unpairedBest, settings.reviewThreshold()),
                share(replay.queryBest, settings.reviewThreshold()));
        return new ResultLine(NAME)
                .add("rr1", replay.ranking.recallRate(1), 4)
                .add("rr3", replay.ranking.recallRate(3), 4)
                .add("rr5", replay.ranking.recallRate(5), 4)
                .add("rr10", replay.ranking.recallRate(10), 4)
                .add("map", replay.ranking.meanAveragePrecision(), 4)
                .add("precision", outcomes.precision(), 4)
                .add("recall", outcomes.recall(), 4)
                .add("false_dup_rate", outcomes.falseDuplicateRate(), 4)
                .add("review_share", share(replay.unpairedBest, settings.reviewThreshold()), 4)
                .add("review_caught_top3", replay.caughtInTop3(settings.reviewThreshold()), 4)
                .add("bm25_rr1", bm25.recallRate(1), 4)
                .add("bm25_rr3", bm25.recallRate(3), 4)
                .add("bm25_rr10", bm25.recallRate(10), 4)
                .add("bm25_map", bm25.meanAveragePrecision(), 4)
                .add("queries", replay.ranking.queries())
                .add("duplicate_threshold", settings.duplicateThreshold(), 2)
                .add("review_threshold", settings.reviewThreshold(), 2);
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
                if (share(replay.unpairedBest, threshold) <= REVIEW_SHARE_GOAL) {
                    review = String.format(
                            "%.2f %.4f %.4f",
                            threshold, share(replay.queryBest, threshold), replay.caughtInTop3(threshold));
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
        Set<String> seen = new HashSet<>();
        Set<String> paired = new HashSet<>(data.originalOf().keySet());
        paired.addAll(data.originalOf().values());
        for (int i = 0; i < data.reports().size(); i++) {
            BugReports.Report report = data.reports().get(i);
            List<DuplicateIndex.Match> matches = index.best(vectors[i], terms.get(i), DuplicateIndex.POOL);
            // What the decision judges: the best-ranked match; the review threshold applies to its distinctiveness.
            DuplicateIndex.Match top = matches.isEmpty() ? null : matches.getFirst();
            double best = top == null ? -1 : top.distinctiveness();
            String original = data.originalOf().get(report.id());
            if (original != null && seen.contains(original)) {
                replay.ranking.add(ids(matches), original);
                replay.queryBest.add(best);
                replay.queryTop.add(top);
                replay.queryCorrect.add(
                        !matches.isEmpty() && matches.getFirst().ticket().id().equals(original));
                int rank = ids(matches).indexOf(original);
                replay.queryInTop3.add(rank >= 0 && rank < 3);
            } else if (!paired.contains(report.id())) {
                replay.unpairedBest.add(best);
                replay.unpairedTop.add(top);
            }
            index.put(new StoredTicket(
                    report.id(), "eval", report.created(), report.title(), vectors[i], terms.get(i), null));
            seen.add(report.id());
        }
        return replay;
    }

    private RankingMetrics bm25() throws IOException {
        RankingMetrics ranking = new RankingMetrics();
        Set<String> seen = new HashSet<>();
        try (Bm25Baseline baseline = new Bm25Baseline()) {
            for (int i = 0; i < data.reports().size(); i++) {
                BugReports.Report report = data.reports().get(i);
                String original = data.originalOf().get(report.id());
                if (original != null && seen.contains(original)) {
                    ranking.add(baseline.best(texts.get(i), 10), original);
                }
                baseline.add(report.id(), texts.get(i));
                seen.add(report.id());
            }
        }
        return ranking;
    }

    private static List<String> ids(List<DuplicateIndex.Match> matches) {
        return matches.stream().map(match -> match.ticket().id()).toList();
    }

    private static double share(List<Double> scores, double threshold) {
        return scores.isEmpty()
                ? 0
                : scores.stream().filter(score -> score >= threshold).count() / (double) scores.size();
    }

    private static float[][] embed(BugReports data) throws IOException, InterruptedException {
        LocalModelSettings settings = LocalModelSettings.defaults();
        List<String> texts = data.reports().stream()
                .map(report -> EmbedCall.textOf(asTicket(report)))
                .toList();
        try (LocalEmbeddingModel model = LocalEmbeddingModel.create(settings);
                EmbeddingCache cache = EmbeddingCache.open(
                        Benchmarks.projectRoot().resolve("benchmarks/target/embedding-cache"),
                        model.modelId() + "-w" + settings.chunkWords() + "x" + settings.maxChunks(),
                        model.dimensions())) {
            return new BatchEmbedder(model, 4 * settings.threads(), System.out)
                    .embed("reports", texts, cache)
                    .vectors();
        }
    }

    /** A report as the topology would receive it, so the text embedded and compared is built the same way. */
    private static TicketIngested asTicket(BugReports.Report report) {
        return new TicketIngested(
                TicketIngested.CURRENT_SCHEMA_VERSION,
                report.id(),
                "eval",
                "eval",
                report.title(),
                report.description(),
                new Reporter("eval", null, null),
                report.created(),
                null);
    }

    /**
     * What a replay saw: the ranking of each query, and the best-ranked match (or {@code null}) and its distinctiveness
     * (or -1) of queries and of reports in no pair.
     */
    private static final class Replay {
        final RankingMetrics ranking = new RankingMetrics();
        final List<Double> queryBest = new ArrayList<>();
        final List<DuplicateIndex.Match> queryTop = new ArrayList<>();
        final List<Boolean> queryCorrect = new ArrayList<>();
        final List<Boolean> queryInTop3 = new ArrayList<>();
        final List<Double> unpairedBest = new ArrayList<>();
        final List<DuplicateIndex.Match> unpairedTop = new ArrayList<>();

        /** Share of queries whose best score reaches {@code threshold} and whose original is among the top 3. */
        double caughtInTop3(double threshold) {
            int caught = 0;
            for (int i = 0; i < queryBest.size(); i++) {
                if (queryBest.get(i) >= threshold && queryInTop3.get(i)) {
                    caught++;
                }
            }
            return queryBest.isEmpty() ? 0 : (double) caught / queryBest.size();
        }

        /** What the topology's {@link DuplicateDecision} does with {@code threshold} as the duplicate threshold. */
        Outcomes at(double threshold) {
            DuplicateDecision decision = new DuplicateDecision(threshold, threshold);
            int predicted = 0;
            int correct = 0;
            for (int i = 0; i < queryTop.size(); i++) {
                if (isDuplicate(decision, queryTop.get(i))) {
                    predicted++;
                    if (queryCorrect.get(i)) {
                        correct++;
                    }
                }
            }
            long falseDuplicates = unpairedTop.stream()
                    .filter(top -> isDuplicate(decision, top))
                    .count();
            double falseDuplicateRate = unpairedTop.isEmpty() ? 0 : (double) falseDuplicates / unpairedTop.size();
            return new Outcomes(predicted, correct, queryTop.size(), falseDuplicateRate);
        }

        private static boolean isDuplicate(DuplicateDecision decision, DuplicateIndex.Match top) {
            return top != null
                    && decision.verdictOn(top)
                            .filter(verdict -> verdict == DuplicateVerdict.DUPLICATE)
                            .isPresent();
        }
    }

    /**
     * The duplicate decision over the labelled queries: a query the decision calls a duplicate is a predicted
     * duplicate, correct when its best candidate is its original.
     */
    private record Outcomes(int predicted, int correct, int queries, double falseDuplicateRate) {
        double precision() {
            return predicted == 0 ? 1 : (double) correct / predicted;
        }

        double recall() {
            return queries == 0 ? 0 : (double) correct / queries;
        }
    }
}
