package io.ticketflow.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.schemas.ApprovalDecided;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.testkit.ApprovalRequests;
import io.ticketflow.testkit.CommittedRecords;
import io.ticketflow.testkit.KafkaCluster;
import io.ticketflow.testkit.WithKafkaBroker;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conflicting decisions against a real broker: the first valid one wins, exactly once. */
@WithKafkaBroker
class ConcurrentDecisionsIT {

    private static final int APPROVALS = 100;
    private static final int DECISIONS_EACH = 10;
    private static final String[] BODIES = {
        "{\"decision\":\"APPROVE\",\"expectedVersion\":1}",
        "{\"decision\":\"REJECT\",\"comment\":\"spam\",\"expectedVersion\":1}",
        "{\"decision\":\"EDIT\",\"edits\":{\"priority\":\"P1\"},\"expectedVersion\":1}"
    };

    KafkaCluster kafka;

    @TempDir
    Path stateDir;

    @Test
    void shouldAcceptExactlyOneOfTenConcurrentDecisionsPerApprovalAndPublishItOnce() throws Exception {
        // The service runs on the system clock, whose expiry check must not find the approvals already expired.
        Instant now = Instant.now();
        try (RunningService service = new RunningService(kafka, stateDir, Clock.systemUTC(), Map.of()).start()) {
            List<String> ids =
                    IntStream.range(0, APPROVALS).mapToObj(i -> "TCK-C" + i).toList();
            service.request(ids.stream()
                    .map(id -> ApprovalRequests.request(id, "acme", now, Duration.ofDays(1)))
                    .toList());
            service.awaitInLedger(ids);

            // When: ten reviewers decide each approval at once, each under their own idempotency key.
            Map<String, List<CompletableFuture<HttpResponse<String>>>> answers =
                    ids.stream().collect(Collectors.toMap(Function.identity(), id -> new ArrayList<>()));
            for (int round = 0; round < DECISIONS_EACH; round++) {
                for (String id : ids) {
                    String user = round % 2 == 0 ? "alice" : "bob";
                    answers.get(id).add(service.decide(id, user, id + "-key-" + round, BODIES[round % 3]));
                }
            }

            // Then: per approval one 200 and nine 409s.
            Map<String, Integer> winningRounds = new java.util.HashMap<>();
            for (String id : ids) {
                List<Integer> statuses = new ArrayList<>();
                for (int round = 0; round < DECISIONS_EACH; round++) {
                    HttpResponse<String> answer = answers.get(id).get(round).get();
                    statuses.add(answer.statusCode());
                    if (answer.statusCode() == 200) {
                        winningRounds.put(id, round);
                        assertThat(answer.body()).contains("\"status\":\"DECIDED\"", "\"version\":2");
                    } else {
                        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                        assertThat(answer.body()).contains("ALREADY_DECIDED");
                    }
                }
                assertThat(statuses).as("answers for %s", id).containsOnly(200, 409);
                assertThat(statuses.stream().filter(s -> s == 200))
                        .as("accepted for %s", id)
                        .hasSize(1);
            }

            // And: exactly one ApprovalDecided per approval, as a read_committed consumer sees it.
            List<ConsumerRecord<String, ApprovalDecided>> decided = CommittedRecords.read(
                    kafka.bootstrapServers(),
                    service.topic(Topics.APPROVALS_DECIDED),
                    Topics.APPROVALS_DECIDED.valueSerde().deserializer());
            assertThat(decided).hasSize(APPROVALS);
            assertThat(decided.stream().map(ConsumerRecord::key).distinct()).hasSize(APPROVALS);
            assertThat(decided).allSatisfy(record -> {
                assertThat(record.value().ticketId()).isEqualTo(record.key());
                assertThat(record.value().reviewer()).isIn("alice", "bob");
                assertThat(record.value().version()).isEqualTo(2);
            });

            // And: the winning request repeated gets the same result; the winning key with another request is a
            // client error (422); a losing key is still refused.
            String first = ids.get(0);
            int won = winningRounds.get(first);
            String winningUser = won % 2 == 0 ? "alice" : "bob";
            HttpResponse<String> repeat = service.decide(first, winningUser, first + "-key-" + won, BODIES[won % 3])
                    .get();
            assertThat(repeat.statusCode()).isEqualTo(200);
            assertThat(repeat.body()).contains("\"idempotencyKey\":\"" + first + "-key-" + won + "\"");
            HttpResponse<String> reused = service.decide(
                            first, winningUser, first + "-key-" + won, BODIES[(won + 1) % 3])
                    .get();
            assertThat(reused.statusCode()).isEqualTo(422);
            assertThat(reused.body()).contains("IDEMPOTENCY_KEY_REUSED");
            String loser = first + "-key-" + (won == 0 ? 1 : 0);
            assertThat(service.decide(first, "alice", loser, BODIES[0]).get().statusCode())
                    .isEqualTo(409);
            assertThat(CommittedRecords.read(
                            kafka.bootstrapServers(),
                            service.topic(Topics.APPROVALS_DECIDED),
                            Topics.APPROVALS_DECIDED.valueSerde().deserializer()))
                    .hasSize(APPROVALS);
        }
    }
}
