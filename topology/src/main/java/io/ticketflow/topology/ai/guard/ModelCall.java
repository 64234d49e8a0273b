package io.ticketflow.topology.ai.guard;

import io.ticketflow.schemas.TokenUsage;
import java.util.concurrent.CompletionStage;

/**
 * What a {@link ModelGuard} needs of a model port, whatever its request and answer types.
 *
 * @param <Q> the request
 * @param <R> the answer
 */
interface ModelCall<Q, R> {

    /** The model's id: the guard's name in metrics and logs. */
    String modelId();

    /** The port's estimate of the tokens one attempt at {@code request} takes, output included. */
    long estimatedTokens(Q request);

    /** Starts one attempt; returns at once. */
    CompletionStage<R> start(Q request);

    /** The tokens a successful attempt used, as the model reported them. */
    TokenUsage usage(R answer);
}
