package io.ticketflow.schemas;

import java.util.List;
import java.util.Objects;

/**
 * The AI's assessment of a ticket.
 *
 * @param priority suggested priority
 * @param category one of the configured categories
 * @param confidence the model's confidence in priority and category, from 0 to 1
 * @param summary a short summary of the problem
 * @param solutionSteps recommended steps, in order (never {@code null})
 * @param estimatedResolutionMinutes estimated time to resolve, in minutes; optional ({@code null} when unknown)
 * @param source where this triage came from
 * @param model id of the model that produced it, for example {@code anthropic.claude-3-haiku-20240307-v1:0}
 * @param usage tokens the triage call consumed; {@link TokenUsage#NONE} when reused
 */
public record Triage(
        Priority priority,
        String category,
        double confidence,
        String summary,
        List<String> solutionSteps,
        Integer estimatedResolutionMinutes,
        TriageSource source,
        String model,
        TokenUsage usage) {

    public Triage {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(model, "model");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within [0, 1], was " + confidence);
        }
        solutionSteps = solutionSteps == null ? List.of() : List.copyOf(solutionSteps);
        usage = usage == null ? TokenUsage.NONE : usage;
    }

    /** This triage as reused by another ticket, from {@code reusedFrom}: no model was called, so no tokens. */
    public Triage reused(TriageSource reusedFrom) {
        return new Triage(
                priority,
                category,
                confidence,
                summary,
                solutionSteps,
                estimatedResolutionMinutes,
                reusedFrom,
                model,
                TokenUsage.NONE);
    }
}
