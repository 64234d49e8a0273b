package io.ticketflow.testkit.bedrock;

/** A request Bedrock would refuse with HTTP 400 {@code ValidationException}; the message says why. */
final class InvalidRequestException extends RuntimeException {

    InvalidRequestException(String message) {
        super(message);
    }
}
