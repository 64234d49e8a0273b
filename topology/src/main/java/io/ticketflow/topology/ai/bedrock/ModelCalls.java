package io.ticketflow.topology.ai.bedrock;

import io.ticketflow.topology.ai.ModelException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns an SDK call into a port result: a stage that completes with the read answer, or exceptionally with exactly a
 * {@link ModelException} (not wrapped in a {@code CompletionException}), and that cancels the HTTP call when the
 * caller cancels it. Stateless.
 */
final class ModelCalls {

    private ModelCalls() {}

    /**
     * @param start starts the SDK call; it may also throw at once (for example for a request the SDK refuses)
     * @param read reads the SDK response; it may throw a {@link ModelException}, which completes the stage as is
     * @param operation the Bedrock operation, for messages
     */
    static <R, T> CompletionStage<T> call(
            Supplier<CompletableFuture<R>> start, Function<R, T> read, String operation, String modelId) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<R> sdkCall;
        try {
            sdkCall = start.get();
        } catch (RuntimeException e) {
            result.completeExceptionally(BedrockErrors.classify(e, operation, modelId, Instant.now()));
            return result;
        }
        sdkCall.whenComplete((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(BedrockErrors.classify(failure, operation, modelId, Instant.now()));
                return;
            }
            try {
                result.complete(read.apply(response));
            } catch (ModelException e) {
                result.completeExceptionally(e);
            } catch (RuntimeException e) {
                // A bug in reading, not the model's fault; still a ModelException, as the port promises.
                result.completeExceptionally(new ModelException(
                        ModelException.Kind.INVALID_ANSWER,
                        operation + " " + modelId + ": could not read the answer: " + e,
                        null,
                        e));
            }
        });
        result.whenComplete((ignored, failure) -> {
            if (result.isCancelled()) {
                sdkCall.cancel(true);
            }
        });
        return result;
    }
}
