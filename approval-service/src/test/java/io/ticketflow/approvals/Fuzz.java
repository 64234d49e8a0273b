package io.ticketflow.approvals;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/** Seeded random HTTP requests against the API: odd ids, bodies, headers, parameters and methods. */
final class Fuzz {

    private static final List<String> IDS =
            List.of("TCK-G1", "nope", "%00", "a%2Fb", "..", "%E2%82%AC", "x".repeat(300), "%20", "TCK-G1%0A", "-1");
    private static final List<String> BODIES = List.of(
            "",
            "{",
            "null",
            "[]",
            "42",
            "\"APPROVE\"",
            "{}",
            "{\"decision\":\"APPROVE\"}",
            "{\"decision\":\"MAYBE\",\"expectedVersion\":1}",
            "{\"decision\":\"EXPIRED\",\"expectedVersion\":1}",
            "{\"decision\":\"EDIT\",\"expectedVersion\":1}",
            "{\"decision\":\"EDIT\",\"edits\":{},\"expectedVersion\":1}",
            "{\"decision\":\"EDIT\",\"edits\":{\"priority\":\"P9\"},\"expectedVersion\":1}",
            "{\"decision\":\"APPROVE\",\"edits\":{\"category\":\"x\"},\"expectedVersion\":1}",
            "{\"decision\":\"APPROVE\",\"expectedVersion\":\"one\"}",
            "{\"decision\":\"APPROVE\",\"expectedVersion\":-5}",
            "{\"decision\":\"APPROVE\",\"expectedVersion\":99999999999999999999999}",
            "{\"decision\":\"REJECT\",\"expectedVersion\":7}",
            "{\"decision\":\"APPROVE\",\"expectedVersion\":1,\"comment\":\"" + "c".repeat(5000) + "\"}",
            "{\"decision\":\"APPROVE\",\"expectedVersion\":1,\"reviewer\":\"mallory\",\"extra\":[1,2]}",
            "\u0000\u0001binary");
    private static final List<String> KEYS = List.of("", " ", "k1", "ключ", "x".repeat(500), "a\tb");
    private static final List<String> QUERIES = List.of(
            "",
            "?status=PENDING",
            "?status=nope",
            "?limit=0",
            "?limit=-1",
            "?limit=abc",
            "?limit=100000",
            "?order=sideways",
            "?order=newest&limit=2",
            "?cursor=%25%25%25",
            "?cursor=bm90LWEtY3Vyc29y",
            "?reason=NOPE",
            "?reason=LOW_CONFIDENCE&tenant=acme&category=network");
    private static final List<String> CONTENT_TYPES =
            List.of("application/json", "text/plain", "application/xml", "application/json; charset=latin1");

    private Fuzz() {}

    static HttpRequest request(Random random, RunningService service, String token) {
        String id = pick(random, IDS);
        return switch (random.nextInt(5)) {
            case 0 -> get(service, token, "/approvals" + pick(random, QUERIES));
            case 1 -> get(service, token, "/approvals/" + id);
            case 2 -> get(service, token, "/tickets/" + id + "/status");
            case 3 ->
                HttpRequest.newBuilder(uri(service, "/approvals/" + id + "/decision"))
                        .timeout(Duration.ofSeconds(90))
                        .header("Authorization", "Bearer " + token)
                        .method(
                                pick(random, List.of("PUT", "DELETE", "PATCH", "GET")),
                                HttpRequest.BodyPublishers.noBody())
                        .build();
            default -> decision(random, service, token, id);
        };
    }

    private static HttpRequest decision(Random random, RunningService service, String token, String id) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(service, "/approvals/" + id + "/decision"))
                .timeout(Duration.ofSeconds(90))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", pick(random, CONTENT_TYPES))
                .POST(HttpRequest.BodyPublishers.ofString(pick(random, BODIES)));
        String key = pick(random, KEYS);
        if (!key.isEmpty()) {
            request.header(
                    "Idempotency-Key",
                    URLEncoder.encode(key, StandardCharsets.UTF_8).equals(key) ? key : "k-" + random.nextInt(3));
        }
        return request.build();
    }

    private static HttpRequest get(RunningService service, String token, String path) {
        return HttpRequest.newBuilder(uri(service, path))
                .header("Authorization", "Bearer " + token)
                .build();
    }

    private static URI uri(RunningService service, String path) {
        return service.uri(path);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
