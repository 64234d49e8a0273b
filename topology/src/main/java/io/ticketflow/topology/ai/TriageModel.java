package io.ticketflow.topology.ai;

import io.ticketflow.schemas.Triage;
import java.util.concurrent.CompletionStage;

/**
 * Assesses a ticket: priority, category, confidence, summary, solution steps, estimated resolution time. Thread-safe
 * and non-blocking.
 *
 * <p>An answer is validated before the stage completes: a category outside the configured set, an unknown priority,
 * a missing field or a confidence outside [0, 1] completes the stage with {@link ModelException.Kind#INVALID_ANSWER},
 * never with a {@link Triage} that passes such a value on.
 */
public interface TriageModel {

    /** The model's id, recorded in audit trails and metrics. */
    String modelId();

    /** Estimates, before the call, the tokens it will consume, output included: what quota limiters reserve. */
    long estimatedTokens(TriageRequest request);

    /**
     * Starts triaging {@code request}; returns at once.
     *
     * @return a stage completed with a triage whose {@link Triage#source()} is {@code MODEL}, or exceptionally with a
     *     {@link ModelException}
     */
    CompletionStage<Triage> triage(TriageRequest request);
}
