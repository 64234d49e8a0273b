package io.ticketflow.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.approvals.routing.PeerClient;
import io.ticketflow.approvals.routing.Placement;
import io.ticketflow.approvals.runtime.LedgerStreams;
import io.ticketflow.schemas.ApprovalRequested;
import io.ticketflow.testkit.ApprovalRequests;
import io.ticketflow.testkit.KafkaCluster;
import io.ticketflow.testkit.WithKafkaBroker;
import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the service on the same topics and application id, the ledger's partitions split between them:
 * from either instance every read sees every partition (forwarded to the owner, or gathered from both).
 */
@WithKafkaBroker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceReadsIT {

    /**
     * Now, not a fixed date: the service runs on the system clock, and an approval requested at a fixed date expires
     * once the calendar passes it (and leaves the pending list).
     */
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    KafkaCluster kafka;

    @TempDir
    static Path stateDir;

    private RunningService first;
    private RunningService second;
    private final List<String> ids =
            IntStream.range(0, 24).mapToObj(i -> "TCK-M" + i).toList();

    @BeforeAll
    void start() throws IOException {
        first = new RunningService(kafka, stateDir.resolve("first"), Clock.systemUTC(), addressed(freePort())).start();
        second = first.peer(stateDir.resolve("second"), addressed(freePort())).start();
        // Both instances must own partitions before anything is read: the test is about reads crossing instances.
        await().atMost(RunningService.PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(first.bean(Placement.class).members()).hasSize(2);
            assertThat(second.bean(Placement.class).members()).hasSize(2);
        });
        List<ApprovalRequested> requests = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            requests.add(ApprovalRequests.request(ids.get(i), "acme", START.plusSeconds(i), Duration.ofDays(30)));
        }
        first.request(requests);
        first.awaitInLedger(ids);
    }

    @AfterAll
    void stop() {
        second.close();
        first.close();
    }

    @Test
    @Order(1)
    void shouldGetEveryApprovalFromEitherInstance() throws Exception {
        assertThat(ids).anyMatch(id -> owner(id) == first).anyMatch(id -> owner(id) == second);
        for (RunningService service : List.of(first, second)) {
            for (String id : ids) {
                HttpResponse<String> answer = readUntilAvailable(service, "/approvals/" + id);
                assertThat(answer.statusCode()).as("GET %s", id).isEqualTo(200);
                assertThat(JSON.readTree(answer.body())
                                .get("request")
                                .get("ticketId")
                                .asString())
                        .isEqualTo(id);
            }
        }
    }

    @Test
    @Order(1)
    void shouldListEveryPendingApprovalOnceInOrderFromEitherInstance() throws Exception {
        assertThat(page(first, "oldest")).containsExactlyElementsOf(ids);
        assertThat(page(second, "newest")).containsExactlyElementsOf(ids.reversed());
    }

    @Test
    @Order(1)
    void shouldTellTicketStatusFromEitherInstance() throws Exception {
        for (RunningService service : List.of(first, second)) {
            for (String id : ids) {
                HttpResponse<String> answer = readUntilAvailable(service, "/tickets/" + id + "/status");
                assertThat(answer.statusCode()).as("status of %s", id).isEqualTo(200);
                assertThat(JSON.readTree(answer.body()).get("stage").asString()).isEqualTo("AWAITING_REVIEW");
            }
        }
    }

    @Test
    @Order(1)
    void shouldAnswerAForwardedReadWhereItArrivesInsteadOfForwardingAgain() throws Exception {
        String elsewhere =
                ids.stream().filter(id -> owner(id) == second).findFirst().orElseThrow();
        HttpResponse<String> answer = first.send(HttpRequest.newBuilder(first.uri("/approvals/" + elsewhere))
                .header("Authorization", "Bearer " + first.token("victor"))
                .header(PeerClient.FORWARDED, "true")
                .build());

        assertUnavailable(answer);
    }

    @Test
    @Order(2)
    void shouldAnswer503WhileTheOwnerIsUnreachableAndServeEverythingOnceItsPartitionsMove() throws Exception {
        String elsewhere =
                ids.stream().filter(id -> owner(id) == second).findFirst().orElseThrow();
        second.stopWebServer();

        assertUnavailable(first.get("/approvals/" + elsewhere, "victor"));
        assertUnavailable(first.get("/approvals?limit=5", "victor"));

        // The unreachable instance leaves the group: its partitions move to the first, which then answers alone.
        second.bean(LedgerStreams.class).stop();
        Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        await().atMost(RunningService.PATIENCE).untilAsserted(() -> {
            for (String id : ids) {
                HttpResponse<String> answer = first.get("/approvals/" + id, "victor");
                statuses.add(answer.statusCode());
                assertThat(answer.statusCode()).as("GET %s", id).isEqualTo(200);
            }
        });
        assertThat(statuses).isSubsetOf(200, 503);
        assertThat(page(first, "oldest")).containsExactlyElementsOf(ids);
    }

    private static void assertUnavailable(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    }

    /** Every pending approval's id, paging {@code order} through {@code service} five at a time. */
    private List<String> page(RunningService service, String order) throws Exception {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> answer = readUntilAvailable(
                    service,
                    "/approvals?status=PENDING&limit=5&order=" + order + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode page = JSON.readTree(answer.body());
            page.get("items")
                    .forEach(
                            item -> seen.add(item.get("request").get("ticketId").asString()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        return seen;
    }

    /** The answer to {@code path}, asked again while it is 503 (partitions moving); any other status ends it. */
    private static HttpResponse<String> readUntilAvailable(RunningService service, String path) {
        return await().atMost(RunningService.PATIENCE)
                .until(() -> service.get(path, "victor"), answer -> answer.statusCode() != 503);
    }

    private RunningService owner(String id) {
        return first.bean(Placement.class).placeOf(id).local() ? first : second;
    }

    private static Map<String, String> addressed(int port) {
        return Map.of("server.port", "" + port, "ticketflow.routing.advertised-address", "127.0.0.1:" + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
