package io.ticketflow.topology.ai.bedrock;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.schemas.Triage;
import io.ticketflow.topology.ai.ModelException;
import io.ticketflow.topology.ai.TriageModel;
import io.ticketflow.topology.ai.TriageRequest;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * Triage by a chat model through Bedrock's Converse API. Each call sends the system prompt (rules and categories), one
 * user message carrying the ticket as delimited data ({@link TriagePrompt}), and one tool, {@code record_triage},
 * whose input schema is the triage answer and which {@code toolChoice} forces ({@link TriageTool}); {@code maxTokens}
 * is {@link BedrockSettings#maxOutputTokens()} and the temperature 0, so the same ticket tends to get the same answer.
 *
 * <p><b>Contract.</b> Thread-safe and non-blocking: {@link #triage} returns at once, and the stage completes on an
 * SDK thread. The ticket's text must already be redacted ({@link io.ticketflow.topology.ai.redaction.PiiRedactor}).
 * Each call is made exactly once: the SDK does not retry (see {@link BedrockModels}). The answer is validated
 * against the tool's schema before the stage completes: no tool call (including an answer cut off at
 * {@code maxTokens}), a missing or extra field, an unknown priority, a category outside the configured set, a
 * confidence outside [0, 1] or a fractional number of minutes completes it with {@link ModelException.Kind#INVALID_ANSWER}.
 * Other failures are classified as {@link BedrockErrors} describes. Tokens and cost are recorded in the meter registry
 * for every answered call, valid or not.
 */
public final class BedrockTriageModel implements TriageModel {

    private static final String OPERATION = "Converse";

    private final BedrockRuntimeAsyncClient client;
    private final String modelId;
    private final int maxOutputTokens;
    private final TriagePrompt prompt;
    private final TriageTool tool;
    private final long fixedPromptTokens;
    private final ModelUsageMeter usage;

    /**
     * @param client the Bedrock Runtime client; shared, not closed by this model
     * @param settings model id, output tokens and prices
     * @param categories the categories a triage may choose ({@code ticketflow.model.categories}), in prompt order
     * @param registry where the token and cost counters go
     */
    public BedrockTriageModel(
            BedrockRuntimeAsyncClient client,
            BedrockSettings settings,
            List<String> categories,
            MeterRegistry registry) {
        this.client = Objects.requireNonNull(client, "client");
        this.modelId = settings.triageModelId();
        this.maxOutputTokens = settings.maxOutputTokens();
        this.prompt = new TriagePrompt(categories);
        this.tool = new TriageTool(categories);
        this.fixedPromptTokens = TokenEstimates.of(prompt.system()) + TokenEstimates.of(tool.schemaText());
        this.usage =
                new ModelUsageMeter(registry, modelId, settings.priceTable().priceOf(modelId));
    }

    @Override
    public String modelId() {
        return modelId;
    }

    /** The prompt's estimated tokens plus {@code maxTokens}: what Bedrock reserves against the quota. */
    @Override
    public long estimatedTokens(TriageRequest request) {
        return fixedPromptTokens + TokenEstimates.of(prompt.user(request)) + maxOutputTokens;
    }

    @Override
    public CompletionStage<Triage> triage(TriageRequest request) {
        ConverseRequest converse = ConverseRequest.builder()
                .modelId(modelId)
                .system(SystemContentBlock.fromText(prompt.system()))
                .messages(Message.builder()
                        .role(ConversationRole.USER)
                        .content(ContentBlock.fromText(prompt.user(request)))
                        .build())
                .inferenceConfig(InferenceConfiguration.builder()
                        .maxTokens(maxOutputTokens)
                        .temperature(0f)
                        .build())
                .toolConfig(tool.configuration())
                .build();
        return ModelCalls.call(
                () -> client.converse(converse),
                response -> {
                    usage.record(TriageAnswer.usage(response));
                    return TriageAnswer.read(response, tool, modelId, maxOutputTokens);
                },
                OPERATION,
                modelId);
    }
}
