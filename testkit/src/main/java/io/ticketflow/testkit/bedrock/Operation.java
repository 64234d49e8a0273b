package io.ticketflow.testkit.bedrock;

/** The Bedrock Runtime operations the simulator serves. */
public enum Operation {
    /** {@code POST /model/{modelId}/invoke}: Titan Text Embeddings v2 request and response bodies. */
    INVOKE_MODEL("invoke"),
    /** {@code POST /model/{modelId}/converse}: the Converse API, with tool use. */
    CONVERSE("converse");

    private final String pathSuffix;

    Operation(String pathSuffix) {
        this.pathSuffix = pathSuffix;
    }

    /** The last path segment, after the model id. */
    String pathSuffix() {
        return pathSuffix;
    }
}
