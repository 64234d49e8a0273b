package io.ticketflow.approvals.api;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.ticketflow.approvals.ledger.Approval;
import io.ticketflow.approvals.ledger.ApprovalStatus;
import io.ticketflow.approvals.ledger.LedgerEvent;
import io.ticketflow.approvals.query.ApprovalPage;
import io.ticketflow.approvals.query.Cursor;
import io.ticketflow.approvals.query.LedgerQueries;
import io.ticketflow.approvals.query.ListQuery;
import io.ticketflow.approvals.routing.RoutedReads;
import io.ticketflow.approvals.status.TicketWhereabouts;
import io.ticketflow.schemas.ReviewReason;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The approvals API. Reads need role {@code viewer} or {@code reviewer}; deciding needs {@code reviewer}. */
@RestController
public class ApprovalController {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final DecisionService decisions;
    private final LedgerQueries queries;
    private final RoutedReads reads;
    private final ApprovalEvents events;
    private final int maxPageSize;

    public ApprovalController(
            DecisionService decisions,
            LedgerQueries queries,
            RoutedReads reads,
            ApprovalEvents events,
            io.ticketflow.approvals.config.ApprovalServiceProperties settings) {
        this.decisions = decisions;
        this.queries = queries;
        this.reads = reads;
        this.events = events;
        this.maxPageSize = settings.approvals().maxPageSize();
    }

    /**
     * Decides an approval. 200 with the decided approval (also when the same {@code Idempotency-Key} is repeated);
     * 409 when refused; 422 when the applied decision's {@code Idempotency-Key} comes with another request; 404 for an
     * unknown ticket; 202 with {@code Location} when the ledger has not answered within
     * the wait (the decision will still be applied or refused: read the Location).
     */
    @PostMapping(path = "/approvals/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> decide(
            @PathVariable String id,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) DecisionRequest body,
            @AuthenticationPrincipal Jwt reviewer) {
        String ticketId = RequestChecks.ticketId(id);
        String key = RequestChecks.idempotencyKey(idempotencyKey);
        DecisionRequest request = RequestChecks.decision(body);
        String reviewerId = RequestChecks.reviewer(reviewer.getSubject());
        URI location = URI.create(
                "/approvals/" + java.net.URLEncoder.encode(ticketId, java.nio.charset.StandardCharsets.UTF_8));
        return decisions
                .decide(ticketId, request, key, reviewerId)
                .map(ApprovalController::answer)
                .defaultIfEmpty(ResponseEntity.accepted()
                        .location(location)
                        .body(Map.of("status", "ACCEPTED", "detail", "The decision is queued; read the Location")));
    }

    private static ResponseEntity<Object> answer(LedgerEvent event) {
        if (event.kind() == LedgerEvent.Kind.REJECTED) {
            throw Problems.rejected(event);
        }
        return ResponseEntity.ok(event.approval());
    }

    /** One approval by ticket id, from whichever instance owns it. */
    @GetMapping("/approvals/{id}")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Approval.class)))
    Mono<ResponseEntity<Object>> get(@PathVariable String id, ServerHttpRequest request) {
        String ticketId = RequestChecks.ticketId(id);
        return reads.byKey(
                ticketId,
                request,
                partition -> queries.find(ticketId, partition).orElseThrow(() -> Problems.notFound(ticketId)));
    }

    /** A page of approvals across all instances, oldest first unless {@code order=newest}. */
    @GetMapping("/approvals")
    Mono<ResponseEntity<ApprovalPage>> list(
            @RequestParam(required = false) ApprovalStatus status,
            @RequestParam(required = false) String tenant,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) ReviewReason reason,
            @RequestParam(defaultValue = "oldest") String order,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String cursor,
            ServerHttpRequest request) {
        if (!order.equals("oldest") && !order.equals("newest")) {
            throw Problems.badRequest("order must be oldest or newest");
        }
        if (limit < 1 || limit > maxPageSize) {
            throw Problems.badRequest("limit must be 1 to " + maxPageSize);
        }
        Cursor after;
        try {
            after = cursor == null ? null : Cursor.parse(cursor);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(e.getMessage());
        }
        ListQuery query = new ListQuery(status, tenant, category, reason, order.equals("newest"), limit, after);
        return reads.list(query, request);
    }

    /**
     * Committed ledger changes as server-sent events named {@code requested}, {@code decided} and {@code expired},
     * each carrying the approval; a comment every 15 s keeps proxies from closing an idle stream.
     */
    @GetMapping(path = "/approvals/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Approval>> stream() {
        Flux<ServerSentEvent<Approval>> changes = events.changes()
                .map(event -> ServerSentEvent.builder(event.approval())
                        .event(event.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .id(event.ticketId() + ":" + event.approval().version())
                        .build());
        Flux<ServerSentEvent<Approval>> heartbeat = Flux.interval(HEARTBEAT)
                .map(tick -> ServerSentEvent.<Approval>builder()
                        .comment("keep-alive")
                        .build());
        return Flux.merge(changes, heartbeat);
    }

    /** Where a ticket is: in flight, awaiting review, decided, enriched or dead-lettered. */
    @GetMapping("/tickets/{id}/status")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TicketWhereabouts.class)))
    Mono<ResponseEntity<Object>> status(@PathVariable String id, ServerHttpRequest request) {
        String ticketId = RequestChecks.ticketId(id);
        return reads.byKey(
                ticketId,
                request,
                partition ->
                        queries.whereabouts(ticketId, partition).orElseThrow(() -> Problems.ticketNotSeen(ticketId)));
    }
}
