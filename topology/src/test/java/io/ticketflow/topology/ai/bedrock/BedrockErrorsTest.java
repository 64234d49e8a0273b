package io.ticketflow.topology.ai.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.topology.ai.ModelException;
import io.ticketflow.topology.ai.ModelException.Kind;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

class BedrockErrorsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void shouldClassifyThrottlingAsThrottledWithTheRetryAfterWhenGiven() {
        ModelException plain = classify(service(ThrottlingException.builder(), 429, "ThrottlingException", null));
        ModelException withHint = classify(service(ThrottlingException.builder(), 429, "ThrottlingException", "7"));
        ModelException notReady =
                classify(service(ModelNotReadyException.builder(), 429, "ModelNotReadyException", null));

        assertThat(plain.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(plain.retryAfter()).isEmpty();
        assertThat(withHint.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(notReady.kind()).isEqualTo(Kind.THROTTLED);
    }

    @Test
    void shouldClassifyServerSideFailuresAsUnavailable() {
        assertThat(classify(service(AwsServiceException.builder(), 503, "ServiceUnavailableException", null))
                        .kind())
                .isEqualTo(Kind.UNAVAILABLE);
        assertThat(classify(service(AwsServiceException.builder(), 500, "InternalServerException", null))
                        .kind())
                .isEqualTo(Kind.UNAVAILABLE);
        assertThat(classify(service(ModelTimeoutException.builder(), 408, "ModelTimeoutException", null))
                        .kind())
                .isEqualTo(Kind.UNAVAILABLE);
        assertThat(classify(service(ModelErrorException.builder(), 424, "ModelErrorException", null))
                        .kind())
                .isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void shouldClassifyOtherClientErrorsAsRejected() {
        ModelException validation = classify(service(ValidationException.builder(), 400, "ValidationException", null));

        assertThat(validation.kind()).isEqualTo(Kind.REJECTED);
        assertThat(validation.retryable()).isFalse();
        assertThat(validation.getMessage())
                .isEqualTo("Converse anthropic.claude-3-haiku-20240307-v1:0 failed with ValidationException (HTTP"
                        + " 400): it went wrong");
        assertThat(classify(service(AccessDeniedException.builder(), 403, "AccessDeniedException", null))
                        .kind())
                .isEqualTo(Kind.REJECTED);
        assertThat(classify(service(ResourceNotFoundException.builder(), 404, "ResourceNotFoundException", null))
                        .kind())
                .isEqualTo(Kind.REJECTED);
        assertThat(classify(service(
                                ServiceQuotaExceededException.builder(), 400, "ServiceQuotaExceededException", null))
                        .kind())
                .isEqualTo(Kind.REJECTED);
    }

    @Test
    void shouldClassifyClientSideFailuresAsUnavailable() {
        ModelException timeout = classify(ApiCallAttemptTimeoutException.create(500));
        ModelException refused = classify(SdkClientException.builder()
                .message("Unable to execute HTTP request")
                .cause(new ConnectException("Connection refused"))
                .build());

        assertThat(timeout.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(refused.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(refused.getCause()).isInstanceOf(SdkClientException.class);
    }

    @Test
    void shouldUnwrapCompletionExceptionsAndPassModelExceptionsOn() {
        ModelException invalid = new ModelException(Kind.INVALID_ANSWER, "bad answer");

        assertThat(classify(new CompletionException(invalid))).isSameAs(invalid);
        assertThat(classify(new CompletionException(
                                service(ThrottlingException.builder(), 429, "ThrottlingException", null)))
                        .kind())
                .isEqualTo(Kind.THROTTLED);
    }

    private static ModelException classify(Throwable failure) {
        return BedrockErrors.classify(failure, "Converse", "anthropic.claude-3-haiku-20240307-v1:0", NOW);
    }

    private static AwsServiceException service(
            AwsServiceException.Builder builder, int status, String errorCode, String retryAfter) {
        SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(status);
        if (retryAfter != null) {
            response.putHeader("Retry-After", retryAfter);
        }
        return builder.statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(errorCode)
                        .errorMessage("it went wrong")
                        .sdkHttpResponse(response.build())
                        .build())
                .build();
    }
}
