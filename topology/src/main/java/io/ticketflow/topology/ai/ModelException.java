package io.ticketflow.topology.ai;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failed model call, classified so that callers know whether retrying may help.
 *
 * <p>Adapters translate their provider's errors into one of the {@link Kind}s; nothing else escapes a port.
 */
public final class ModelException extends RuntimeException {

    /** How a call failed. */
    public enum Kind {
        /** The provider refused for quota (HTTP 429, {@code ThrottlingException}): retry later, and slow down. */
        THROTTLED(true),
        /** The provider failed or could not be reached (5xx, timeout, connection): retry later. */
        UNAVAILABLE(true),
        /** The provider answered, but not with a valid answer (malformed, out of schema): a retry may answer well. */
        INVALID_ANSWER(true),
        /** The provider refused the request itself (4xx other than throttling, for example too long): never retry. */
        REJECTED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        /** Whether a later attempt of the same call may succeed. */
        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final Duration retryAfter;

    /**
     * @param kind how the call failed
     * @param message what happened, for logs and the audit trail
     * @param retryAfter how long the provider asked to wait before retrying; {@code null} when it did not say
     * @param cause the provider's exception; may be {@code null}
     */
    public ModelException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryAfter = retryAfter;
    }

    public ModelException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** Whether a later attempt of the same call may succeed. */
    public boolean retryable() {
        return kind.retryable();
    }

    /** The provider's hint of how long to wait before retrying, if it gave one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
