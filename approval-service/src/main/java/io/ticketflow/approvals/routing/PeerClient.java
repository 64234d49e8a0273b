package io.ticketflow.approvals.routing;

import io.ticketflow.approvals.config.ApprovalServiceProperties;
import io.ticketflow.approvals.query.ApprovalPage;
import io.ticketflow.approvals.query.LocalPage;
import io.ticketflow.approvals.query.ReadUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * HTTP reads from the other instances (non-blocking). Every request carries the caller's {@code Authorization}, so
 * the other instance authorises the same user, and the {@link #FORWARDED} mark, so it answers from its own stores
 * instead of forwarding again. A peer that does not answer within {@code ticketflow.routing.peer-timeout}, fails to
 * connect or answers 5xx becomes a {@link ReadUnavailableException} (503 to the caller).
 */
@Component
public class PeerClient {

    /** Marks a request sent by another instance: answer from the local stores only. */
    public static final String FORWARDED = "X-Ticketflow-Forwarded";

    /** On a local page: the partitions it was read from, comma-separated. */
    public static final String PARTITIONS = "X-Ticketflow-Partitions";

    private final WebClient web;
    private final Duration timeout;

    /**
     * Spring Boot 4 configures {@code WebClient.Builder} only with its separate web-client module; the codec
     * customizers (the application's JSON mapper) are applied here the way that module would.
     */
    public PeerClient(ObjectProvider<CodecCustomizer> codecs, ApprovalServiceProperties settings) {
        this.web = WebClient.builder()
                .codecs(configurer -> codecs.orderedStream().forEach(codec -> codec.customize(configurer)))
                .build();
        this.timeout = settings.routing().peerTimeout();
    }

    /** {@code pathAndQuery} read at {@code peer}: its status, content type and body, passed through. */
    public Mono<ResponseEntity<byte[]>> get(HostInfo peer, String pathAndQuery, String authorization) {
        return request(peer, pathAndQuery, authorization)
                .exchangeToMono(response -> response.statusCode().is5xxServerError()
                        ? Mono.error(new ReadUnavailableException("instance " + peer + " answered "
                                + response.statusCode().value()))
                        : response.toEntity(byte[].class))
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof ReadUnavailableException), e -> unreachable(peer, e));
    }

    /** {@code peer}'s local page of the listing {@code pathAndQuery}, and the partitions it covers. */
    public Mono<LocalPage> localPage(HostInfo peer, String pathAndQuery, String authorization) {
        return request(peer, pathAndQuery, authorization)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(ApprovalPage.class)
                                .map(page -> new LocalPage(
                                        page, partitions(response.headers().asHttpHeaders())))
                        : Mono.error(new ReadUnavailableException("instance " + peer + " answered "
                                + response.statusCode().value())))
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof ReadUnavailableException), e -> unreachable(peer, e));
    }

    /** The header value that tells a gathering instance which partitions a local page covers. */
    public static String partitionsHeader(Set<Integer> partitions) {
        return partitions.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    private WebClient.RequestHeadersSpec<?> request(HostInfo peer, String pathAndQuery, String authorization) {
        WebClient.RequestHeadersSpec<?> request = web.get()
                .uri(URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery))
                .header(FORWARDED, "true");
        return authorization == null ? request : request.header(HttpHeaders.AUTHORIZATION, authorization);
    }

    private static Set<Integer> partitions(HttpHeaders headers) {
        String value = headers.getFirst(PARTITIONS);
        if (value == null) {
            throw new ReadUnavailableException("a local page came without its partitions");
        }
        return value.isEmpty()
                ? Set.of()
                : Arrays.stream(value.split(",")).map(Integer::valueOf).collect(Collectors.toSet());
    }

    private static ReadUnavailableException unreachable(HostInfo peer, Throwable cause) {
        return new ReadUnavailableException("instance " + peer + " did not answer: " + cause.getMessage(), cause);
    }
}
