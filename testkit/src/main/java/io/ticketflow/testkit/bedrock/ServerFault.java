package io.ticketflow.testkit.bedrock;

/**
 * A server-side failure the simulator can inject, in the form Bedrock Runtime answers it: the HTTP status, the
 * {@code x-amzn-ErrorType} the AWS SDK maps to its exception class, and Bedrock's message.
 */
public enum ServerFault {
    /** HTTP 503 {@code ServiceUnavailableException}. */
    SERVICE_UNAVAILABLE(503, "ServiceUnavailableException", "Bedrock is unable to process your request."),
    /** HTTP 500 {@code InternalServerException}. */
    INTERNAL_SERVER_ERROR(
            500,
            "InternalServerException",
            "The system encountered an unexpected error during processing. Try your request again."),
    /** HTTP 408 {@code ModelTimeoutException}: the model took too long on Bedrock's side. */
    MODEL_TIMEOUT(
            408, "ModelTimeoutException", "Model has timed out in processing the request. Try your request again.");

    private final int status;
    private final String errorType;
    private final String message;

    ServerFault(int status, String errorType, String message) {
        this.status = status;
        this.errorType = errorType;
        this.message = message;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The error type, for example {@code ServiceUnavailableException}. */
    public String errorType() {
        return errorType;
    }

    String message() {
        return message;
    }
}
