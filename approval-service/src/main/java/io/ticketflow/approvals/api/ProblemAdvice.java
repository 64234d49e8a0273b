package io.ticketflow.approvals.api;

import io.ticketflow.approvals.query.ReadUnavailableException;
import java.net.URI;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every error of the API's controllers as {@code application/problem+json}: Spring's own (bad JSON, unknown
 * enum values, wrong types, 404, 405, 415: all 4xx), the API's ({@link Problems}), stores not yet queryable or reads
 * another instance cannot answer now (503 with {@code Retry-After}),
 * and anything unexpected (500, logged with its stack trace).
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** The local stores are not queryable, or a read needs an instance that cannot answer now (see routing). */
    @ExceptionHandler({InvalidStateStoreException.class, ReadUnavailableException.class})
    ResponseEntity<ProblemDetail> storesNotReady(RuntimeException e) {
        ProblemDetail body = Problems.unavailable("The ledger is starting or rebalancing: " + e.getMessage())
                .getBody();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "1")
                .body(body);
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        body.setType(URI.create("https://ticketflow.io/problems/too-large"));
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error; the service log has the details");
        return ResponseEntity.internalServerError().body(body);
    }
}
