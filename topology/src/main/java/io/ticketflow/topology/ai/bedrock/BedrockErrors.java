package io.ticketflow.topology.ai.bedrock;

import io.ticketflow.topology.ai.ModelException;
import io.ticketflow.topology.ai.ModelException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/**
 * Classifies what a Bedrock call failed with into a {@link ModelException}, so that callers know whether to retry and
 * whether to slow down:
 *
 * <ul>
 *   <li>{@code ThrottlingException} or any HTTP 429 (also {@code ModelNotReadyException}) → {@code THROTTLED}, with
 *       the {@code Retry-After} header's wait when Bedrock sends one;
 *   <li>HTTP 5xx ({@code ServiceUnavailableException}, {@code InternalServerException}), {@code ModelTimeoutException}
 *       (408), {@code ModelErrorException} (424, the model failed while processing: a retry may succeed), and every
 *       client-side failure — the call timeout, a refused or reset connection, an unreadable response →
 *       {@code UNAVAILABLE};
 *   <li>every other 4xx ({@code ValidationException}, {@code AccessDeniedException}, {@code ResourceNotFoundException},
 *       {@code ServiceQuotaExceededException}) → {@code REJECTED}: the same request will fail the same way.
 * </ul>
 *
 * Stateless.
 */
final class BedrockErrors {

    private BedrockErrors() {}

    /**
     * @param failure what the SDK future failed with (wrapped or not)
     * @param operation {@code InvokeModel} or {@code Converse}, for the message
     * @param now the time to measure a {@code Retry-After} date from
     */
    static ModelException classify(Throwable failure, String operation, String modelId, Instant now) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ModelException modelException) {
            return modelException;
        }
        String call = operation + " " + modelId;
        if (cause instanceof AwsServiceException service) {
            String detail = call + " failed with " + errorCode(service) + " (HTTP " + service.statusCode() + "): "
                    + (service.awsErrorDetails() == null
                            ? service.getMessage()
                            : service.awsErrorDetails().errorMessage());
            return new ModelException(kindOf(service), detail, retryAfter(service, now), service);
        }
        if (cause instanceof SdkClientException) {
            return new ModelException(Kind.UNAVAILABLE, call + " failed: " + cause.getMessage(), null, cause);
        }
        return new ModelException(Kind.UNAVAILABLE, call + " failed unexpectedly: " + cause, null, cause);
    }

    private static Kind kindOf(AwsServiceException service) {
        int status = service.statusCode();
        if (service instanceof ThrottlingException || status == 429) {
            return Kind.THROTTLED;
        }
        if (status >= 500
                || service instanceof ServiceUnavailableException
                || service instanceof ModelTimeoutException
                || service instanceof ModelErrorException) {
            return Kind.UNAVAILABLE;
        }
        return Kind.REJECTED;
    }

    private static Duration retryAfter(AwsServiceException service, Instant now) {
        if (service.awsErrorDetails() == null || service.awsErrorDetails().sdkHttpResponse() == null) {
            return null;
        }
        return service.awsErrorDetails()
                .sdkHttpResponse()
                .firstMatchingHeader("Retry-After")
                .flatMap(value -> RetryAfter.parse(value, now))
                .orElse(null);
    }

    private static String errorCode(AwsServiceException service) {
        String code = service.awsErrorDetails() == null
                ? null
                : service.awsErrorDetails().errorCode();
        return code == null ? service.getClass().getSimpleName() : code;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
