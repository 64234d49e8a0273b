package io.ticketflow.topology.ai;

import io.ticketflow.schemas.StageRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** How a stage records, in the audit trail, that its model was unavailable and the ticket went on without it. */
public final class ModelFailures {

    /** The audit flag of a stage whose model call failed for good; routing sends such tickets to a human. */
    public static final String AI_UNAVAILABLE = "AI_UNAVAILABLE";

    private ModelFailures() {}

    /** The audit entry of {@code stage} after its call to {@code model} failed with {@code failure}. */
    public static StageRecord unavailable(String stage, String model, Throwable failure, Instant now) {
        String reason = failure instanceof ModelException modelFailure
                ? modelFailure.kind() + ": " + modelFailure.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return new StageRecord(stage, now, List.of(AI_UNAVAILABLE), Map.of("model", model, "failure", reason));
    }
}
