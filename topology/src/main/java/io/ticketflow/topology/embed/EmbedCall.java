package io.ticketflow.topology.embed;

import io.ticketflow.schemas.StageRecord;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.topology.ai.Embedding;
import io.ticketflow.topology.ai.EmbeddingModel;
import io.ticketflow.topology.ai.EmbeddingRequest;
import io.ticketflow.topology.ai.ModelFailures;
import io.ticketflow.topology.async.AsyncCall;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/** The {@code embed} stage's call: embeds a ticket's title and description. */
public final class EmbedCall implements AsyncCall<TicketEnriched, Embedding, EmbeddedTicket> {

    /** The stage's name: its processor, store and audit entries. */
    public static final String STAGE = "embed";

    private final EmbeddingModel model;
    private final UnaryOperator<String> redaction;

    /**
     * @param model the embedding model
     * @param redaction applied to the text before it leaves for the model (personal data out); the ticket keeps its
     *     original text
     */
    public EmbedCall(EmbeddingModel model, UnaryOperator<String> redaction) {
        this.model = model;
        this.redaction = redaction;
    }

    /** Tickets arrive keyed by dedup scope; only the calls of one ticket need to keep their order. */
    @Override
    public String orderKey(String key, TicketEnriched value) {
        return value.ticket().id();
    }

    @Override
    public CompletionStage<Embedding> start(String key, TicketEnriched value) {
        return model.embed(new EmbeddingRequest(value.ticket().id(), redaction.apply(textOf(value.ticket()))));
    }

    @Override
    public EmbeddedTicket complete(String key, TicketEnriched value, Embedding embedding, Instant now) {
        StageRecord stage = new StageRecord(
                STAGE,
                now,
                List.of(),
                Map.of(
                        "model", embedding.model(),
                        "inputTokens", Long.toString(embedding.usage().inputTokens())));
        return new EmbeddedTicket(value.withStage(stage), embedding.vector());
    }

    @Override
    public EmbeddedTicket fallback(String key, TicketEnriched value, Throwable failure, Instant now) {
        return new EmbeddedTicket(
                value.withStage(ModelFailures.unavailable(STAGE, model.modelId(), failure, now)), null);
    }

    /** What is embedded (and compared for duplicates): the title, then the description. */
    public static String textOf(TicketIngested ticket) {
        return ticket.description().isEmpty() ? ticket.title() : ticket.title() + "\n\n" + ticket.description();
    }
}
