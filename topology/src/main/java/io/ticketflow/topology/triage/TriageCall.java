package io.ticketflow.topology.triage;

import io.ticketflow.schemas.StageRecord;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.Triage;
import io.ticketflow.topology.ai.ModelFailures;
import io.ticketflow.topology.ai.TriageModel;
import io.ticketflow.topology.ai.TriageRequest;
import io.ticketflow.topology.async.AsyncCall;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/** The {@code triage} stage's call: asks the triage model about a ticket. */
public final class TriageCall implements AsyncCall<TicketEnriched, Triage, TicketEnriched> {

    /** The stage's name: its processor, store and audit entries. */
    public static final String STAGE = "triage";

    private final TriageModel model;
    private final UnaryOperator<String> redaction;

    /**
     * @param model the triage model
     * @param redaction applied to title and description before they leave for the model; the ticket keeps its
     *     original text
     */
    public TriageCall(TriageModel model, UnaryOperator<String> redaction) {
        this.model = model;
        this.redaction = redaction;
    }

    @Override
    public CompletionStage<Triage> start(String key, TicketEnriched value) {
        TicketIngested ticket = value.ticket();
        TicketIngested redacted =
                ticket.withText(redaction.apply(ticket.title()), redaction.apply(ticket.description()));
        return model.triage(new TriageRequest(redacted, List.of()));
    }

    @Override
    public TicketEnriched complete(String key, TicketEnriched value, Triage triage, Instant now) {
        StageRecord stage = new StageRecord(
                STAGE,
                now,
                List.of(),
                Map.of(
                        "model", triage.model(),
                        "inputTokens", Long.toString(triage.usage().inputTokens()),
                        "outputTokens", Long.toString(triage.usage().outputTokens())));
        return value.withTriage(triage).withStage(stage);
    }

    @Override
    public TicketEnriched fallback(String key, TicketEnriched value, Throwable failure, Instant now) {
        return value.withStage(ModelFailures.unavailable(STAGE, model.modelId(), failure, now));
    }
}
