package io.ticketflow.topology.ai.simulated;

import io.ticketflow.schemas.TokenUsage;
import io.ticketflow.schemas.Triage;
import io.ticketflow.topology.ai.TriageModel;
import io.ticketflow.topology.ai.TriageRequest;
import java.util.concurrent.CompletionStage;

/**
 * The simulated triage model: keyword rules for priority, category and confidence, answered with the latency, faults
 * and quota of {@link io.ticketflow.topology.config.SimulatedModelSettings}. Duplicate candidates are not read.
 * Thread-safe and non-blocking; made by {@link SimulatedModels}.
 *
 * <p>Like a real chat model it is estimated at input plus the most output it may write, and reports what it wrote,
 * which is less: the difference is what quota limiters refund.
 */
public final class SimulatedTriageModel implements TriageModel {

    /** The model id in answers, metrics and audit trails. */
    public static final String MODEL_ID = "simulated-triage";

    /** The instructions and category list a real triage prompt carries, in tokens. */
    static final long PROMPT_TOKENS = 150;

    private final int maxOutputTokens;
    private final SimulatedEndpoint endpoint;

    SimulatedTriageModel(int maxOutputTokens, SimulatedEndpoint endpoint) {
        this.maxOutputTokens = maxOutputTokens;
        this.endpoint = endpoint;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public long estimatedTokens(TriageRequest request) {
        return inputTokens(request) + maxOutputTokens;
    }

    @Override
    public CompletionStage<Triage> triage(TriageRequest request) {
        KeywordTriage.Assessment assessment = KeywordTriage.assess(request.ticket());
        TokenUsage usage = new TokenUsage(
                inputTokens(request), Math.min(maxOutputTokens, TextTokens.count(assessment.answerText())));
        return endpoint.call(usage.inputTokens() + usage.outputTokens(), () -> assessment.toTriage(MODEL_ID, usage));
    }

    /** The calls so far, by outcome. */
    public SimulatedCounts counts() {
        return endpoint.counts();
    }

    private static long inputTokens(TriageRequest request) {
        return PROMPT_TOKENS
                + TextTokens.count(request.ticket().title())
                + TextTokens.count(request.ticket().description());
    }
}
