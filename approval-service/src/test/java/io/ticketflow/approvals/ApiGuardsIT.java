package io.ticketflow.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.testkit.ApprovalRequests;
import io.ticketflow.testkit.KafkaCluster;
import io.ticketflow.testkit.WithKafkaBroker;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Who may call what, and what bad input gets: problem+json, 4xx, never 500. */
@WithKafkaBroker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiGuardsIT {

    private static final long SEED = 20261123L;
    private static final int FUZZ_CASES = 600;

    KafkaCluster kafka;

    /** Static: a per-class service starts before any test method, when instance temp folders do not exist yet. */
    @TempDir
    static Path stateDir;

    private RunningService service;

    @BeforeAll
    void start() {
        service = new RunningService(kafka, stateDir, Clock.systemUTC(), Map.of()).start();
        service.request(List.of(ApprovalRequests.request("TCK-G1", "acme", Instant.now(), Duration.ofDays(1))));
        service.awaitInLedger(List.of("TCK-G1"));
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void shouldAnswer401WithoutTokenOnEveryEndpointButHealth() throws Exception {
        for (String path :
                List.of("/approvals", "/approvals/TCK-G1", "/tickets/TCK-G1/status", "/actuator/prometheus")) {
            HttpResponse<String> answer = service.get(path, null);
            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        HttpResponse<String> decide = service.decide("TCK-G1", null, "k", "{}").get();
        assertThat(decide.statusCode()).isEqualTo(401);
        assertThat(service.get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseForgedTokens() throws Exception {
        String forged = service.token("alice").replaceFirst("\\.[^.]+$", ".c2lnbmF0dXJl");
        HttpResponse<String> answer = service.send(HttpRequest.newBuilder(service.uri("/approvals"))
                .header("Authorization", "Bearer " + forged)
                .build());
        assertThat(answer.statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswer403WhenViewerDecidesButLetViewerRead() throws Exception {
        HttpResponse<String> decide = service.decide(
                        "TCK-G1", "victor", "viewer-key", "{\"decision\":\"APPROVE\",\"expectedVersion\":1}")
                .get();
        assertThat(decide.statusCode()).isEqualTo(403);
        assertThat(decide.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> read = service.get("/approvals/TCK-G1", "victor");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"status\":\"PENDING\"");
    }

    @Test
    void shouldServeTheOpenApiDocument() throws Exception {
        HttpResponse<String> answer = service.get("/v3/api-docs", null);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("/approvals/{id}/decision", "/tickets/{id}/status");
    }

    @Test
    void shouldNeverAnswer500ToFuzzedRequests() throws Exception {
        Random random = new Random(SEED);
        String token = service.token("alice");
        for (int i = 0; i < FUZZ_CASES; i++) {
            HttpRequest request = Fuzz.request(random, service, token);
            HttpResponse<String> answer = service.send(request);
            assertThat(answer.statusCode())
                    .as("case %d: %s %s", i, request.method(), request.uri())
                    .isLessThan(500);
            if (answer.statusCode() >= 400) {
                assertThat(answer.headers().firstValue("Content-Type"))
                        .as(
                                "case %d: %s %s -> %d %s",
                                i, request.method(), request.uri(), answer.statusCode(), answer.body())
                        .hasValue("application/problem+json");
            }
        }
        // The approval was never decided by any fuzzed body under a fuzzed key unless that body was valid.
        assertThat(service.get("/approvals/TCK-G1", "victor").statusCode()).isEqualTo(200);
    }
}
