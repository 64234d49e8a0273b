package io.ticketflow.approvals.api;

import io.ticketflow.approvals.ledger.LedgerEvent;
import io.ticketflow.approvals.ledger.Rejection;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The API's own problems ({@code application/problem+json}), each with a stable {@code type}. */
final class Problems {

    private static final String TYPE_BASE = "https://ticketflow.io/problems/";

    private Problems() {}

    static ErrorResponseException badRequest(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail);
    }

    static ErrorResponseException notFound(String ticketId) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No such approval", "No approval for ticket " + ticketId);
    }

    static ErrorResponseException ticketNotSeen(String ticketId) {
        return problem(
                HttpStatus.NOT_FOUND, "not-found", "Unknown ticket", "This service has not seen ticket " + ticketId);
    }

    static ErrorResponseException unavailable(String detail) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Try again shortly", detail);
    }

    /**
     * A refused decision: 404 when there is no approval, 422 for an idempotency key reused with another request, 409
     * otherwise, with the approval's current version.
     */
    static ErrorResponseException rejected(LedgerEvent answer) {
        Rejection rejection = answer.rejection();
        if (rejection == Rejection.NOT_FOUND) {
            return notFound(answer.ticketId());
        }
        if (rejection == Rejection.IDEMPOTENCY_KEY_REUSED) {
            // 422 as draft-ietf-httpapi-idempotency-key-header says: the request is wrong, not in conflict with state.
            ErrorResponseException problem = problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused",
                    "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different decision on this approval; use a new key");
            problem.getBody().setProperty("rejection", rejection.name());
            return problem;
        }
        String detail = switch (rejection) {
            case STALE_VERSION ->
                "The approval has changed since you read it (version "
                        + answer.approval().version() + " now)";
            case ALREADY_DECIDED -> "Another decision was applied first";
            case ALREADY_EXPIRED -> "The approval expired before your decision arrived";
            case NOT_FOUND, IDEMPOTENCY_KEY_REUSED -> throw new IllegalStateException("handled above");
        };
        ErrorResponseException problem = problem(
                HttpStatus.CONFLICT, rejection.name().toLowerCase().replace('_', '-'), "Decision refused", detail);
        problem.getBody().setProperty("rejection", rejection.name());
        if (answer.approval() != null) {
            problem.getBody().setProperty("currentVersion", answer.approval().version());
            problem.getBody().setProperty("status", answer.approval().status().name());
        }
        return problem;
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}
