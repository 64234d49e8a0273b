package io.ticketflow.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.schemas.ApprovalDecided;
import io.ticketflow.schemas.Decision;
import io.ticketflow.schemas.ExpiryOutcome;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.testkit.ApprovalRequests;
import io.ticketflow.testkit.CommittedRecords;
import io.ticketflow.testkit.KafkaCluster;
import io.ticketflow.testkit.WithKafkaBroker;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expiry on a controlled clock, and a restart with approvals pending. */
@WithKafkaBroker
class LedgerLifecycleIT {

    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    KafkaCluster kafka;

    @TempDir
    Path stateDir;

    @Test
    void shouldExpireOnlyApprovalsPastExpiresAtWithTheConfiguredOutcome() throws Exception {
        MutableClock clock = new MutableClock(START);
        try (RunningService service = new RunningService(kafka, stateDir, clock, Map.of()).start()) {
            service.request(List.of(
                    ApprovalRequests.request("TCK-E1", "acme", START, Duration.ofHours(1)),
                    ApprovalRequests.request("TCK-E2", "acme", START, Duration.ofHours(1)),
                    ApprovalRequests.request("TCK-E3", "acme", START, Duration.ofHours(5))));
            service.awaitInLedger(List.of("TCK-E1", "TCK-E2", "TCK-E3"));

            clock.advance(Duration.ofHours(2));

            await().atMost(RunningService.PATIENCE).untilAsserted(() -> {
                assertThat(service.get("/approvals/TCK-E1", "victor").body()).contains("\"status\":\"EXPIRED\"");
                assertThat(service.get("/approvals/TCK-E2", "victor").body()).contains("\"status\":\"EXPIRED\"");
            });
            assertThat(service.get("/approvals/TCK-E3", "victor").body()).contains("\"status\":\"PENDING\"");
            HttpResponse<String> late = service.decide(
                            "TCK-E1", "alice", "late", "{\"decision\":\"APPROVE\",\"expectedVersion\":1}")
                    .get();
            assertThat(late.statusCode()).isEqualTo(409);
            assertThat(late.body()).contains("ALREADY_EXPIRED");

            List<ConsumerRecord<String, ApprovalDecided>> decided = CommittedRecords.read(
                    kafka.bootstrapServers(),
                    service.topic(Topics.APPROVALS_DECIDED),
                    Topics.APPROVALS_DECIDED.valueSerde().deserializer());
            assertThat(decided).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("TCK-E1", "TCK-E2");
            assertThat(decided).allSatisfy(record -> {
                assertThat(record.value().decision()).isEqualTo(Decision.EXPIRED);
                assertThat(record.value().reviewer()).isNull();
                assertThat(record.value().comment()).contains("AI suggestion applies");
                assertThat(record.value().expiryOutcome()).isEqualTo(ExpiryOutcome.APPLY_SUGGESTION);
                assertThat(record.value().decidedAt()).isEqualTo(START.plus(Duration.ofHours(2)));
            });
        }
    }

    @Test
    void shouldEscalateExpiredApprovalsWhenConfigured() throws Exception {
        MutableClock clock = new MutableClock(START);
        try (RunningService service = new RunningService(
                        kafka, stateDir, clock, Map.of("ticketflow.approvals.expiry-outcome", "ESCALATE"))
                .start()) {
            service.request(List.of(ApprovalRequests.request("TCK-X1", "acme", START, Duration.ofMinutes(1))));
            service.awaitInLedger(List.of("TCK-X1"));
            clock.advance(Duration.ofMinutes(2));
            await().atMost(RunningService.PATIENCE)
                    .untilAsserted(() -> assertThat(
                                    service.get("/approvals/TCK-X1", "victor").body())
                            .contains("\"status\":\"EXPIRED\"", "\"expiryOutcome\":\"ESCALATE\""));
            // The store shows the expiry before its transaction commits (at the next commit interval), so the
            // committed ApprovalDecided may follow a moment later.
            await().atMost(RunningService.PATIENCE)
                    .untilAsserted(() -> assertThat(CommittedRecords.read(
                                    kafka.bootstrapServers(),
                                    service.topic(Topics.APPROVALS_DECIDED),
                                    Topics.APPROVALS_DECIDED.valueSerde().deserializer()))
                            .filteredOn(record -> record.key().equals("TCK-X1"))
                            .singleElement()
                            .satisfies(record ->
                                    assertThat(record.value().expiryOutcome()).isEqualTo(ExpiryOutcome.ESCALATE)));
        }
    }

    @Test
    void shouldKeepEveryPendingApprovalAcrossARestart() throws Exception {
        MutableClock clock = new MutableClock(START);
        List<String> ids = IntStream.range(0, 30).mapToObj(i -> "TCK-R" + i).toList();
        try (RunningService service = new RunningService(kafka, stateDir, clock, Map.of()).start()) {
            service.request(ids.stream()
                    .map(id -> ApprovalRequests.request(id, "acme", START, Duration.ofDays(1)))
                    .toList());
            service.awaitInLedger(ids);
            assertThat(service.decide("TCK-R0", "alice", "before", "{\"decision\":\"APPROVE\",\"expectedVersion\":1}")
                            .get()
                            .statusCode())
                    .isEqualTo(200);

            service.stop();
            service.start();

            service.awaitInLedger(ids);
            for (String id : ids.subList(1, ids.size())) {
                assertThat(service.get("/approvals/" + id, "victor").body()).contains("\"status\":\"PENDING\"");
            }
            HttpResponse<String> repeated = service.decide(
                            "TCK-R0", "alice", "before", "{\"decision\":\"APPROVE\",\"expectedVersion\":1}")
                    .get();
            assertThat(repeated.statusCode()).isEqualTo(200);
            assertThat(service.decide("TCK-R1", "bob", "after", "{\"decision\":\"REJECT\",\"expectedVersion\":1}")
                            .get()
                            .statusCode())
                    .isEqualTo(200);
            assertThat(CommittedRecords.read(
                            kafka.bootstrapServers(),
                            service.topic(Topics.APPROVALS_DECIDED),
                            Topics.APPROVALS_DECIDED.valueSerde().deserializer()))
                    .extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder("TCK-R0", "TCK-R1");
        }
    }
}
