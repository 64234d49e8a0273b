package io.ticketflow.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.testkit.ApprovalRequests;
import io.ticketflow.testkit.KafkaCluster;
import io.ticketflow.testkit.WithKafkaBroker;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Listing with filters and cursors, ticket whereabouts, and live events. */
@WithKafkaBroker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadApiIT {

    /**
     * Now, not a fixed date: the service runs on the system clock, and an approval requested at a fixed date expires
     * once the calendar passes it (and leaves the pending list).
     */
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    KafkaCluster kafka;

    /** Static: a per-class service starts before any test method, when instance temp folders do not exist yet. */
    @TempDir
    static Path stateDir;

    private RunningService service;
    private final List<String> ids =
            IntStream.range(0, 12).mapToObj(i -> "TCK-L" + i).toList();

    @BeforeAll
    void start() {
        service = new RunningService(kafka, stateDir, Clock.systemUTC(), Map.of()).start();
        List<io.ticketflow.schemas.ApprovalRequested> requests = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String tenant = i % 3 == 0 ? "globex" : "acme";
            requests.add(ApprovalRequests.request(ids.get(i), tenant, START.plusSeconds(i), Duration.ofDays(30)));
        }
        service.request(requests);
        service.awaitInLedger(ids);
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void shouldPageThroughPendingApprovalsNewestFirstWithCursors() throws Exception {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json(service.get(
                    "/approvals?status=PENDING&tenant=acme&order=newest&limit=3"
                            + (cursor == null ? "" : "&cursor=" + cursor),
                    "victor"));
            page.get("items")
                    .forEach(
                            item -> seen.add(item.get("request").get("ticketId").asString()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null);

        List<String> expected = new ArrayList<>();
        for (int i = ids.size() - 1; i >= 0; i--) {
            if (i % 3 != 0 && pending(ids.get(i))) {
                expected.add(ids.get(i));
            }
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldListOldestFirstAndFilterByReasonAndCategory() throws Exception {
        JsonNode page = json(
                service.get("/approvals?order=oldest&limit=2&reason=POSSIBLE_DUPLICATE&category=network", "victor"));
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("request").get("ticketId").asString())
                .isEqualTo("TCK-L0");
        assertThat(page.get("items").get(1).get("request").get("ticketId").asString())
                .isEqualTo("TCK-L1");
        assertThat(json(service.get("/approvals?category=hardware", "victor")).get("items"))
                .isEmpty();
    }

    @Test
    void shouldTellWhereATicketIs() throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(service.topic(Topics.TICKETS_INGESTED), "TCK-S1", "{}"));
            producer.send(new ProducerRecord<>(service.topic(Topics.TICKETS_INGESTED), "TCK-S2", "{}"));
            producer.send(new ProducerRecord<>(service.topic(Topics.TICKETS_DLQ), "TCK-S2", "not json"));
            producer.flush();
            await().atMost(RunningService.PATIENCE).untilAsserted(() -> {
                assertThat(service.get("/tickets/TCK-S1/status", "victor").body())
                        .contains("IN_FLIGHT");
                assertThat(service.get("/tickets/TCK-S2/status", "victor").body())
                        .contains("DEAD_LETTERED");
            });
            producer.send(new ProducerRecord<>(service.topic(Topics.TICKETS_ENRICHED), "TCK-S1", "{}"));
            producer.flush();
        }
        assertThat(service.get("/tickets/TCK-L11/status", "victor").body()).contains("AWAITING_REVIEW");
        await().atMost(RunningService.PATIENCE)
                .untilAsserted(() -> assertThat(
                                service.get("/tickets/TCK-S1/status", "victor").body())
                        .contains("ENRICHED"));
        HttpResponse<String> unknown = service.get("/tickets/TCK-NONE/status", "victor");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void shouldStreamDecisionsAsServerSentEvents() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(service.uri("/approvals/stream"))
                .header("Authorization", "Bearer " + service.token("victor"))
                .header("Accept", "text/event-stream")
                .build();
        var streaming = java.net.http.HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
        try {
            // Requests until one is seen prove the stream is subscribed (events before that are not replayed).
            await().atMost(RunningService.PATIENCE).untilAsserted(() -> {
                service.request(List.of(ApprovalRequests.request(
                        "TCK-SSE-" + lines.size(), "initech", START.plus(Duration.ofDays(1)), Duration.ofDays(1))));
                assertThat(lines).contains("event:requested");
            });

            assertThat(service.decide("TCK-L4", "alice", "sse", "{\"decision\":\"APPROVE\",\"expectedVersion\":1}")
                            .get()
                            .statusCode())
                    .isEqualTo(200);

            await().atMost(RunningService.PATIENCE)
                    .untilAsserted(() -> assertThat(lines).containsSubsequence("id:TCK-L4:2", "event:decided"));
        } finally {
            streaming.cancel(true);
        }
    }

    private boolean pending(String id) throws Exception {
        return service.get("/approvals/" + id, "victor").body().contains("\"status\":\"PENDING\"");
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
