package io.ticketflow.testkit.bedrock;

import java.time.Duration;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;

/** A validated request of one operation: what it reserves against the token quota, and how it is answered. */
interface SimulatedCall {

    /** Tokens this call reserves against the tokens-per-minute quota when it starts. */
    long reservedTokens();

    /** The part of {@link #reservedTokens()} set aside for output ({@code maxTokens}); zero for embeddings. */
    long outputReservation();

    /**
     * The answer.
     *
     * @param malformed how to break the answer, or {@code null} for a good one
     * @param latency how long the call took, reported in the answer's metrics where the operation has them
     * @param random for choices a malformed answer makes
     */
    Answer answer(MalformedAnswer malformed, Duration latency, RandomGenerator random);

    /**
     * @param body the response body
     * @param unusedTokens reserved tokens the answer did not use, to give back to the quota
     */
    record Answer(JsonNode body, long unusedTokens) {}
}
