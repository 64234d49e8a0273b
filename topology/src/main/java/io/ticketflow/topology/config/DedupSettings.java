package io.ticketflow.topology.config;

import static io.ticketflow.topology.config.Settings.atLeast;
import static io.ticketflow.topology.config.Settings.fraction;
import static io.ticketflow.topology.config.Settings.positive;

import java.time.Duration;

/**
 * Duplicate detection ({@code ticketflow.dedup.*}). The thresholds are calibrated with {@code benchmarks/run
 * dedup-eval FOLDER --sweep} on the shared duplicate bug-report sets (gitbugs hadoop and seamonkey), for safety first:
 * a ticket declared a duplicate reuses another ticket's triage and skips review, so the duplicate threshold is the
 * lowest that keeps false duplicates (reports in no labelled pair declared duplicates) at or below 1 % on both sets,
 * at the price of recall (about 0.02–0.03 of labelled duplicates there); the review threshold is the lowest that flags
 * at most 10 % of unpaired reports as possible duplicates on both sets. Figures in {@code topology/README.md}.
 *
 * @param duplicateThreshold a best score at or above it makes a ticket a duplicate: it reuses the original's triage
 *     and skips its own triage call; default 0.91
 * @param reviewThreshold a best score at or above it (and below the duplicate threshold) makes a possible duplicate
 *     for a human, with its best candidates; default 0.70; at most {@code duplicateThreshold}
 * @param semanticWeight the share of the embedding cosine in the score, the rest being the lexical (TF-IDF cosine)
 *     similarity of the texts; default 0.5
 * @param retention how long a ticket stays a possible original, counted from its creation time; default 30 days
 * @param expiryInterval how often, in wall-clock time, expired tickets are removed; default 1 hour
 * @param candidates how many candidates a possible duplicate carries to its reviewer; default 3
 */
public record DedupSettings(
        Double duplicateThreshold,
        Double reviewThreshold,
        Double semanticWeight,
        Duration retention,
        Duration expiryInterval,
        Integer candidates) {

    public DedupSettings {
        duplicateThreshold = fraction("dedup.duplicate-threshold", duplicateThreshold, 0.91);
        reviewThreshold = fraction("dedup.review-threshold", reviewThreshold, 0.70);
        semanticWeight = fraction("dedup.semantic-weight", semanticWeight, 0.5);
        retention = positive("dedup.retention", retention, Duration.ofDays(30));
        expiryInterval = positive("dedup.expiry-interval", expiryInterval, Duration.ofHours(1));
        candidates = atLeast("dedup.candidates", candidates, 3, 1);
        if (reviewThreshold > duplicateThreshold) {
            throw new IllegalArgumentException("ticketflow.dedup.review-threshold (" + reviewThreshold
                    + ") must be at most ticketflow.dedup.duplicate-threshold (" + duplicateThreshold + ")");
        }
    }

    /** The default settings. */
    public static DedupSettings defaults() {
        return new DedupSettings(null, null, null, null, null, null);
    }
}
