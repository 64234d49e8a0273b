package io.ticketflow.topology.ai.local;

import io.ticketflow.schemas.Priority;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.TokenUsage;
import io.ticketflow.schemas.Triage;
import io.ticketflow.schemas.TriageSource;
import io.ticketflow.topology.ai.TriageModel;
import io.ticketflow.topology.ai.TriageRequest;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Triage without a language model: the category from a {@link CategoryClassifier} over the ticket's words and
 * embedding, the priority from {@link PriorityRules}, the summary from the title, solution steps from the
 * {@link Playbook} and the estimated resolution time from the priority
 * ({@code ticketflow.model.local.resolution-minutes}).
 *
 * <p>Confidence is the classifier's margin between the two most probable categories (the rules' priority carries no
 * uncertainty of its own). Duplicate candidates in the request are not used. Threading: {@link #triage} returns at once; embedding and
 * classification run on the owning {@link LocalModels}' inference threads and the stage completes there. Results are
 * deterministic for a given ticket and configuration. A ticket with neither title nor description words fails with
 * {@code REJECTED}. Thread-safe. Obtain one from {@link LocalModels#create}.
 */
public final class LocalTriageModel implements TriageModel {

    /** Names the method and its version; changes whenever the same ticket could be triaged differently. */
    public static final String MODEL_ID = "local-minilm-tfidf-softmax-v1";

    private final SentenceEncoder encoder;
    private final InferencePool pool;
    private final CategoryClassifier classifier;
    private final PriorityRules priorityRules;
    private final Playbook playbook;
    private final Map<Priority, Integer> resolutionMinutes;

    LocalTriageModel(
            SentenceEncoder encoder,
            InferencePool pool,
            CategoryClassifier classifier,
            PriorityRules priorityRules,
            Playbook playbook,
            Map<Priority, Integer> resolutionMinutes) {
        this.encoder = encoder;
        this.pool = pool;
        this.classifier = classifier;
        this.priorityRules = priorityRules;
        this.playbook = playbook;
        this.resolutionMinutes = Map.copyOf(resolutionMinutes);
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    /** The word pieces of the embedded text; nothing is generated. */
    @Override
    public long estimatedTokens(TriageRequest request) {
        return encoder.estimateTokens(textOf(request.ticket()));
    }

    @Override
    public CompletionStage<Triage> triage(TriageRequest request) {
        return pool.submit(() -> assess(request.ticket()));
    }

    private Triage assess(TicketIngested ticket) {
        String text = textOf(ticket);
        SentenceEncoder.Encoded encoded = encoder.encode(text);
        CategoryPrediction prediction = classifier.classify(text, encoded.vector());
        Priority priority =
                priorityRules.assess(ticket.title(), ticket.description()).priority();
        return new Triage(
                priority,
                prediction.category(),
                prediction.confidence(),
                Summaries.summarise(ticket.title(), ticket.description()),
                playbook.stepsFor(prediction.category()),
                resolutionMinutes.get(priority),
                TriageSource.MODEL,
                MODEL_ID,
                new TokenUsage(encoded.tokens(), 0));
    }

    /** Title first: it is the densest description of the problem and always inside the model's window. */
    private static String textOf(TicketIngested ticket) {
        return ticket.title() + "\n" + ticket.description();
    }
}
