package io.ticketflow.approvals.routing;

import io.ticketflow.approvals.query.ApprovalPage;
import io.ticketflow.approvals.query.LedgerQueries;
import io.ticketflow.approvals.query.ListQuery;
import io.ticketflow.approvals.query.LocalPage;
import io.ticketflow.approvals.query.PageMerge;
import java.util.function.IntFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The read API across instances. A read of one key is answered from the key's partition here when this instance owns
 * it, else forwarded to the owner; a request another instance forwarded is always answered here (if the partition
 * moved away meanwhile, the local read finds no store and answers 503), so a request travels at most one hop. A
 * listing asks every instance for its local page and merges them ({@link PageMerge}). Local store reads run on
 * Reactor's bounded-elastic scheduler; forwarding does not block.
 */
@Component
public class RoutedReads {

    private final Placement placement;
    private final PeerClient peers;
    private final LedgerQueries queries;

    public RoutedReads(Placement placement, PeerClient peers, LedgerQueries queries) {
        this.placement = placement;
        this.peers = peers;
        this.queries = queries;
    }

    /**
     * The read of {@code ticketId} that {@code request} asks for.
     *
     * @param localRead reads the key in the given partition of this instance's stores; throws an error response
     *     (such as 404) when there is nothing to answer
     */
    public Mono<ResponseEntity<Object>> byKey(
            String ticketId, ServerHttpRequest request, IntFunction<Object> localRead) {
        return Mono.fromCallable(() -> placement.placeOf(ticketId))
                .flatMap(place -> place.local() || isForwarded(request)
                        ? Mono.fromCallable(() -> ResponseEntity.ok(localRead.apply(place.partition())))
                                .subscribeOn(Schedulers.boundedElastic())
                        : peers.get(place.owner(), pathAndQuery(request), authorization(request))
                                .map(RoutedReads::passThrough));
    }

    /**
     * The listing {@code request} asks for: this instance's local page when another instance asks (with the
     * partitions it covers in a header), else every instance's pages merged.
     */
    public Mono<ResponseEntity<ApprovalPage>> list(ListQuery query, ServerHttpRequest request) {
        if (isForwarded(request)) {
            return local(query)
                    .map(local -> ResponseEntity.ok()
                            .header(PeerClient.PARTITIONS, PeerClient.partitionsHeader(local.partitions()))
                            .body(local.page()));
        }
        String pathAndQuery = pathAndQuery(request);
        String authorization = authorization(request);
        return Mono.fromCallable(placement::members)
                .flatMapMany(Flux::fromIterable)
                .flatMap(member ->
                        member.self() ? local(query) : peers.localPage(member.host(), pathAndQuery, authorization))
                .collectList()
                .zipWith(placement.partitionCount(), (pages, partitions) -> PageMerge.merge(pages, query, partitions))
                .map(ResponseEntity::ok);
    }

    private Mono<LocalPage> local(ListQuery query) {
        return Mono.fromCallable(() -> queries.list(query)).subscribeOn(Schedulers.boundedElastic());
    }

    private static ResponseEntity<Object> passThrough(ResponseEntity<byte[]> answer) {
        HttpHeaders headers = new HttpHeaders();
        if (answer.getHeaders().getContentType() != null) {
            headers.setContentType(answer.getHeaders().getContentType());
        }
        return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
    }

    private static boolean isForwarded(ServerHttpRequest request) {
        return request.getHeaders().containsHeader(PeerClient.FORWARDED);
    }

    private static String authorization(ServerHttpRequest request) {
        return request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    }

    private static String pathAndQuery(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        return request.getURI().getRawPath() + (query == null ? "" : "?" + query);
    }
}
