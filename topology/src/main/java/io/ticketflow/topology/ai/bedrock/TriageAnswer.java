package io.ticketflow.topology.ai.bedrock;

import io.ticketflow.schemas.Priority;
import io.ticketflow.schemas.TokenUsage;
import io.ticketflow.schemas.Triage;
import io.ticketflow.schemas.TriageSource;
import io.ticketflow.topology.ai.ModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * Reads a Converse answer into a {@link Triage}, strictly: the model must have stopped to use the forced tool, and the
 * tool input must fit the tool's schema; anything else is a {@link ModelException.Kind#INVALID_ANSWER} that says what
 * was wrong. Nothing the schema did not ask for is passed on. Stateless.
 */
final class TriageAnswer {

    private TriageAnswer() {}

    /**
     * @throws ModelException of kind {@code INVALID_ANSWER} when the answer is not a valid triage
     */
    static Triage read(ConverseResponse response, TriageTool tool, String modelId, int maxOutputTokens) {
        ToolUseBlock toolUse = toolUse(response)
                .orElseThrow(() -> invalid(modelId, noToolUse(response.stopReason(), maxOutputTokens)));
        if (!TriageTool.NAME.equals(toolUse.name())) {
            throw invalid(modelId, "the model called tool '" + toolUse.name() + "' instead of " + TriageTool.NAME);
        }
        Document input = toolUse.input();
        if (input == null || !input.isMap()) {
            throw invalid(modelId, "the tool input is not a JSON object: " + abbreviate(String.valueOf(input)));
        }
        List<String> problems = tool.problems(input);
        if (!problems.isEmpty()) {
            throw invalid(modelId, "the tool input does not fit the triage schema: " + String.join("; ", problems));
        }
        return triage(input, modelId, usage(response));
    }

    private static Triage triage(Document input, String modelId, TokenUsage usage) {
        var fields = input.asMap();
        List<String> steps = new ArrayList<>();
        fields.get("solutionSteps")
                .asList()
                .forEach(step -> steps.add(step.asString().strip()));
        return new Triage(
                Priority.valueOf(fields.get("priority").asString()),
                fields.get("category").asString(),
                fields.get("confidence").asNumber().doubleValue(),
                fields.get("summary").asString().strip(),
                steps,
                fields.get("estimatedResolutionMinutes").asNumber().intValue(),
                TriageSource.MODEL,
                modelId,
                usage);
    }

    private static Optional<ToolUseBlock> toolUse(ConverseResponse response) {
        if (response.output() == null || response.output().message() == null) {
            return Optional.empty();
        }
        return response.output().message().content().stream()
                .map(ContentBlock::toolUse)
                .filter(block -> block != null)
                .findFirst();
    }

    private static String noToolUse(StopReason stopReason, int maxOutputTokens) {
        if (stopReason == StopReason.MAX_TOKENS) {
            return "the answer was cut off at " + maxOutputTokens
                    + " tokens before the tool call was complete; raise ticketflow.model.bedrock.max-output-tokens";
        }
        return "the answer has no toolUse block (stopReason " + stopReason + ")";
    }

    /** The tokens the call consumed, as Bedrock reported them; whether or not the answer is valid, they are paid for. */
    static TokenUsage usage(ConverseResponse response) {
        var usage = response.usage();
        if (usage == null || usage.inputTokens() == null || usage.outputTokens() == null) {
            return TokenUsage.NONE;
        }
        return new TokenUsage(usage.inputTokens(), usage.outputTokens());
    }

    private static ModelException invalid(String modelId, String problem) {
        return new ModelException(ModelException.Kind.INVALID_ANSWER, modelId + ": " + problem);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
