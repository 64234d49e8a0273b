package io.ticketflow.testkit.bedrock;

/**
 * A broken answer the simulator can give instead of a good one, as models sometimes do. Each kind applies to one
 * operation; the others answer normally when only kinds of another operation are configured.
 */
public enum MalformedAnswer {
    /** Converse: the tool input lacks one required field (chosen at random). */
    MISSING_FIELD(Operation.CONVERSE),
    /** Converse: the priority or the category (chosen at random) is a value outside the tool schema's enum. */
    UNKNOWN_ENUM(Operation.CONVERSE),
    /** Converse: the confidence is 1.7, outside [0, 1]. */
    CONFIDENCE_OUT_OF_RANGE(Operation.CONVERSE),
    /** Converse: the tool input is a string of prose instead of a JSON object. */
    NOT_JSON(Operation.CONVERSE),
    /** Converse: the model answers in text only, with no {@code toolUse} block, and stops with {@code end_turn}. */
    NO_TOOL_USE(Operation.CONVERSE),
    /** InvokeModel: the embedding has one component fewer than the requested dimensions. */
    WRONG_DIMENSIONS(Operation.INVOKE_MODEL);

    private final Operation operation;

    MalformedAnswer(Operation operation) {
        this.operation = operation;
    }

    /** The operation whose answers this kind breaks. */
    public Operation operation() {
        return operation;
    }
}
