package io.ticketflow.topology.ai.guard;

import io.ticketflow.topology.ai.ModelException;
import java.util.Locale;
import java.util.concurrent.CompletionException;

/**
 * How a guarded call (or one of its attempts) ended: the {@code outcome} tag of the guard's metrics, and how the async
 * stage tells why a call failed.
 *
 * <p>A failed guarded call always completes with a {@link ModelException}. Most carry the kind of the last attempt's
 * failure; the two the guard raises itself ({@link #CIRCUIT_OPEN}, {@link #BUDGET_EXHAUSTED}) are of kind
 * {@link ModelException.Kind#UNAVAILABLE} and are told apart by {@link #of(Throwable)}.
 */
public enum CallOutcome {
    /** The model answered. */
    SUCCESS,
    /** The model refused for quota, and no retry was left. */
    THROTTLED,
    /** The model failed, could not be reached or did not answer in time, and no retry was left. */
    UNAVAILABLE,
    /** The model answered, but not validly, and no retry was left. */
    INVALID_ANSWER,
    /** The model refused the request itself; never retried. */
    REJECTED,
    /** The model's circuit breaker was open: the call failed at once, without calling the model (again). */
    CIRCUIT_OPEN,
    /** The call's time budget ran out, waiting for quota, in an attempt or before a retry. */
    BUDGET_EXHAUSTED;

    /** The value of the {@code outcome} metric tag: the name in lower case. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Classifies a failure of a guarded call or of a model port; a {@link CompletionException} is looked through.
     * Anything that is not a {@link ModelException} (a port breaking its contract) counts as {@link #UNAVAILABLE}.
     *
     * @param failure the failure; not {@code null}
     */
    public static CallOutcome of(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (!(cause instanceof ModelException modelFailure)) {
            return UNAVAILABLE;
        }
        if (modelFailure.getCause() instanceof Refusal refusal) {
            return refusal.outcome;
        }
        return switch (modelFailure.kind()) {
            case THROTTLED -> THROTTLED;
            case UNAVAILABLE -> UNAVAILABLE;
            case INVALID_ANSWER -> INVALID_ANSWER;
            case REJECTED -> REJECTED;
        };
    }

    /**
     * The failure the guard completes a call with when it ends the call itself.
     *
     * @param lastFailure the last attempt's failure, kept as the cause's cause; {@code null} when no attempt failed
     */
    static ModelException refusal(CallOutcome outcome, String message, Throwable lastFailure) {
        return new ModelException(ModelException.Kind.UNAVAILABLE, message, null, new Refusal(outcome, lastFailure));
    }

    /** Marks, as their cause, the failures the guard raised itself; carries the last attempt's failure on. */
    private static final class Refusal extends RuntimeException {
        private final CallOutcome outcome;

        Refusal(CallOutcome outcome, Throwable lastFailure) {
            // No stack trace: the marker says what happened, the last failure (its cause) where.
            super(outcome.tag(), lastFailure, false, false);
            this.outcome = outcome;
        }
    }
}
