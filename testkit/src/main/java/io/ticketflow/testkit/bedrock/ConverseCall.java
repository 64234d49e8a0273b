package io.ticketflow.testkit.bedrock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * A Converse call: {@code messages}, {@code system}, {@code inferenceConfig} and {@code toolConfig} in, the assistant's
 * message with a {@code toolUse} block, {@code stopReason}, {@code usage} and {@code metrics} out.
 *
 * <p>The simulated model reads the ticket from the last user message: the text inside its last
 * {@code <ticket>...</ticket>} element, or the whole message when there is none. It answers with the tool that
 * {@code toolChoice} names (else the first tool), filling {@code priority}, {@code category}, {@code confidence},
 * {@code summary}, {@code solutionSteps} and {@code estimatedResolutionMinutes} from {@link KeywordTriage}, with the
 * category and priority drawn from the tool schema's {@code enum}s. Without tools it answers in text. An answer longer
 * than {@code maxTokens} (default 4096, reserved against the token quota like Bedrock does) is cut off with
 * {@code stopReason} {@code max_tokens}.
 */
final class ConverseCall implements SimulatedCall {

    static final int DEFAULT_MAX_TOKENS = 4096;

    private static final Pattern TICKET_ELEMENT = Pattern.compile("(?s)<ticket>(.*?)</ticket>");
    private static final Pattern MARKUP = Pattern.compile("<[^>]*>");
    private static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");
    private static final int SUMMARY_WORDS = 12;

    private final KeywordTriage triage;
    private final String ticketText;
    private final long inputTokens;
    private final int maxTokens;
    private final String toolName;
    private final List<String> categories;
    private final List<String> priorities;

    private ConverseCall(
            KeywordTriage triage,
            String ticketText,
            long inputTokens,
            int maxTokens,
            String toolName,
            List<String> categories,
            List<String> priorities) {
        this.triage = triage;
        this.ticketText = ticketText;
        this.inputTokens = inputTokens;
        this.maxTokens = maxTokens;
        this.toolName = toolName;
        this.categories = categories;
        this.priorities = priorities;
    }

    /** Validates {@code request} as Bedrock would and reads what the simulated model needs from it. */
    static ConverseCall of(JsonNode request, KeywordTriage triage) {
        JsonNode messages = request.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new InvalidRequestException("messages must be a non-empty list");
        }
        StringBuilder prompt = new StringBuilder();
        String lastUserText = null;
        for (JsonNode message : messages) {
            String role = message.path("role").asString("");
            if (!role.equals("user") && !role.equals("assistant")) {
                throw new InvalidRequestException("message role must be user or assistant, was '" + role + "'");
            }
            String text = texts(message.path("content"));
            prompt.append(text);
            if (role.equals("user")) {
                lastUserText = text;
            }
        }
        if (lastUserText == null) {
            throw new InvalidRequestException("A conversation must contain a user message.");
        }
        prompt.append(texts(request.path("system")));
        JsonNode toolConfig = request.path("toolConfig");
        prompt.append(toolConfig.isMissingNode() ? "" : toolConfig.toString());
        JsonNode tool = chosenTool(toolConfig);
        JsonNode properties =
                tool == null ? null : tool.path("inputSchema").path("json").path("properties");
        return new ConverseCall(
                triage,
                ticketText(lastUserText),
                TokenEstimate.of(prompt.toString()),
                maxTokens(request.path("inferenceConfig")),
                tool == null ? null : tool.path("name").asString(),
                tool == null ? List.of() : enumValues(properties.path("category")),
                tool == null ? PRIORITIES : orDefault(enumValues(properties.path("priority")), PRIORITIES));
    }

    @Override
    public long reservedTokens() {
        return inputTokens + maxTokens;
    }

    @Override
    public long outputReservation() {
        return maxTokens;
    }

    @Override
    public Answer answer(MalformedAnswer malformed, Duration latency, RandomGenerator random) {
        KeywordTriage.Verdict verdict = triage.judge(ticketText, categories, priorities);
        ObjectNode triageAnswer = triageAnswer(verdict);
        if (malformed != null) {
            breakAnswer(triageAnswer, malformed, random);
        }
        ObjectNode body = SimulatedResponse.JSON.createObjectNode();
        ObjectNode message = body.putObject("output").putObject("message");
        message.put("role", "assistant");
        ArrayNode content = message.putArray("content");
        String stopReason;
        long outputTokens;
        if (toolName == null || malformed == MalformedAnswer.NO_TOOL_USE) {
            String text = "This looks like a " + verdict.category() + " ticket of priority " + verdict.priority() + ".";
            content.addObject().put("text", text);
            stopReason = "end_turn";
            outputTokens = TokenEstimate.of(text);
        } else {
            String input = triageAnswer.toString();
            outputTokens = TokenEstimate.of(input);
            if (outputTokens > maxTokens) {
                // The model ran out of tokens half-way through the tool input: Bedrock returns what there is.
                content.addObject().put("text", input.substring(0, Math.min(input.length(), maxTokens * 4)));
                stopReason = "max_tokens";
                outputTokens = maxTokens;
            } else {
                ObjectNode toolUse = content.addObject().putObject("toolUse");
                toolUse.put("toolUseId", "tooluse_" + HexFormat.of().toHexDigits(random.nextLong()));
                toolUse.put("name", toolName);
                toolUse.set(
                        "input",
                        malformed == MalformedAnswer.NOT_JSON
                                ? StringNode.valueOf("Priority " + verdict.priority() + ", category "
                                        + verdict.category() + ". Let me know if you need more.")
                                : triageAnswer);
                stopReason = "tool_use";
            }
        }
        body.put("stopReason", stopReason);
        ObjectNode usage = body.putObject("usage");
        usage.put("inputTokens", inputTokens);
        usage.put("outputTokens", outputTokens);
        usage.put("totalTokens", inputTokens + outputTokens);
        body.putObject("metrics").put("latencyMs", latency.toMillis());
        return new Answer(body, maxTokens - outputTokens);
    }

    private ObjectNode triageAnswer(KeywordTriage.Verdict verdict) {
        ObjectNode answer = SimulatedResponse.JSON.createObjectNode();
        answer.put("priority", verdict.priority());
        answer.put("category", verdict.category());
        answer.put("confidence", verdict.confidence());
        answer.put("summary", summary());
        ArrayNode steps = answer.putArray("solutionSteps");
        steps.add("Confirm the symptoms and their scope with the reporter.");
        steps.add("Apply the standard " + verdict.category() + " runbook.");
        steps.add("Escalate to the " + verdict.category() + " team if the runbook does not resolve it.");
        answer.put("estimatedResolutionMinutes", resolutionMinutes(verdict.priority()));
        return answer;
    }

    private String summary() {
        String[] words = ticketText.strip().split("\\s+");
        String first = String.join(" ", List.of(words).subList(0, Math.min(words.length, SUMMARY_WORDS)));
        return words.length > SUMMARY_WORDS ? first + " ..." : first;
    }

    private static int resolutionMinutes(String priority) {
        return switch (priority) {
            case "P1" -> 60;
            case "P2" -> 240;
            case "P4" -> 2880;
            default -> 480;
        };
    }

    private static void breakAnswer(ObjectNode answer, MalformedAnswer malformed, RandomGenerator random) {
        switch (malformed) {
            case MISSING_FIELD -> {
                List<String> fields = new ArrayList<>(answer.propertyNames());
                answer.remove(fields.get(random.nextInt(fields.size())));
            }
            case UNKNOWN_ENUM -> {
                if (random.nextBoolean()) {
                    answer.put("priority", "P0");
                } else {
                    answer.put("category", "Unlisted");
                }
            }
            case CONFIDENCE_OUT_OF_RANGE -> answer.put("confidence", 1.7);
            case NOT_JSON, NO_TOOL_USE, WRONG_DIMENSIONS -> {
                // These replace the whole answer rather than a field of it (see answer()).
            }
        }
    }

    private static String texts(JsonNode contentBlocks) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : contentBlocks) {
            text.append(block.path("text").asString(""));
        }
        return text.toString();
    }

    /* The last element: instructions before the ticket may name the tags ("between <ticket> and </ticket>"). */
    private static String ticketText(String userText) {
        Matcher element = TICKET_ELEMENT.matcher(userText);
        String text = userText;
        while (element.find()) {
            text = element.group(1);
        }
        // Markup inside the element (<title>, <description>) structures the ticket; it is not its words.
        return MARKUP.matcher(text).replaceAll(" ").strip();
    }

    private static int maxTokens(JsonNode inferenceConfig) {
        JsonNode maxTokens = inferenceConfig.path("maxTokens");
        if (maxTokens.isMissingNode()) {
            return DEFAULT_MAX_TOKENS;
        }
        if (!maxTokens.isIntegralNumber() || maxTokens.intValue() < 1) {
            throw new InvalidRequestException("inferenceConfig.maxTokens must be a positive integer, was " + maxTokens);
        }
        return maxTokens.intValue();
    }

    private static JsonNode chosenTool(JsonNode toolConfig) {
        if (toolConfig.isMissingNode()) {
            return null;
        }
        JsonNode tools = toolConfig.path("tools");
        if (!tools.isArray() || tools.isEmpty()) {
            throw new InvalidRequestException("toolConfig.tools must be a non-empty list");
        }
        String forced = toolConfig.path("toolChoice").path("tool").path("name").asString(null);
        for (JsonNode tool : tools) {
            JsonNode spec = tool.path("toolSpec");
            if (!spec.path("name").isString()
                    || !spec.path("inputSchema").path("json").isObject()) {
                throw new InvalidRequestException("every toolSpec needs a name and an inputSchema.json object");
            }
            if (forced == null || forced.equals(spec.path("name").stringValue())) {
                return spec;
            }
        }
        throw new InvalidRequestException("toolChoice names tool '" + forced + "', which toolConfig.tools lacks");
    }

    private static List<String> enumValues(JsonNode property) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : property.path("enum")) {
            values.add(value.asString());
        }
        return values;
    }

    private static List<String> orDefault(List<String> values, List<String> defaults) {
        return values.isEmpty() ? defaults : values;
    }
}
