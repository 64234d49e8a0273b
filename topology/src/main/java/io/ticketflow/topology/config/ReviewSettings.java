package io.ticketflow.topology.config;

import static io.ticketflow.topology.config.Settings.fraction;
import static io.ticketflow.topology.config.Settings.orDefault;
import static io.ticketflow.topology.config.Settings.positive;

import io.ticketflow.schemas.Priority;
import java.time.Duration;
import java.util.Set;

/**
 * When a ticket goes to a human reviewer instead of straight to {@code tickets.enriched} ({@code ticketflow.review.*}).
 * A ticket needs review when any rule below matches; otherwise it is auto-approved.
 *
 * @param confidenceThreshold a triage with a lower confidence needs review; default 0.7. {@code 0} turns the rule off
 * @param priorities a triage with one of these priorities needs review; default {@code [P1]}. Empty turns the rule off
 * @param possibleDuplicates whether a possible duplicate (duplicate detection was unsure) needs review; default
 *     {@code true}
 * @param aiUnavailable whether a ticket the triage model could not assess needs review; default {@code true}. With
 *     {@code false} such a ticket leaves untriaged, auto-approved
 * @param categories a triage with one of these categories (exact match) needs review; default none
 * @param tenants a ticket of one of these tenants (exact match) needs review; default none
 * @param approvalTtl how long an approval may wait for a decision before the approval service expires it
 *     ({@code expiresAt} = time of parking + this); default 24 h
 */
public record ReviewSettings(
        Double confidenceThreshold,
        Set<Priority> priorities,
        Boolean possibleDuplicates,
        Boolean aiUnavailable,
        Set<String> categories,
        Set<String> tenants,
        Duration approvalTtl) {

    public ReviewSettings {
        confidenceThreshold = fraction("review.confidence-threshold", confidenceThreshold, 0.7);
        priorities = Set.copyOf(orDefault(priorities, Set.of(Priority.P1)));
        possibleDuplicates = orDefault(possibleDuplicates, true);
        aiUnavailable = orDefault(aiUnavailable, true);
        categories = Set.copyOf(orDefault(categories, Set.of()));
        tenants = Set.copyOf(orDefault(tenants, Set.of()));
        approvalTtl = positive("review.approval-ttl", approvalTtl, Duration.ofHours(24));
    }

    /** The defaults. */
    public static ReviewSettings defaults() {
        return new ReviewSettings(null, null, null, null, null, null, null);
    }
}
