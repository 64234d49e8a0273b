package io.ticketflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.testkit.GeneratedTicket;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README command 1, end to end: broker, topics, topology and sample feed, and a summary that adds up. */
class LocalStackIT {

    @TempDir
    Path dataDirectory;

    @Test
    void shouldEnrichEveryValidSampleTicketAndDeadLetterEveryInvalidOne() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LocalStackOptions options = LocalStackOptions.defaults()
                .withPort(0)
                .withHttpPort(0)
                .withDataDirectory(dataDirectory)
                .withTickets(120)
                .withRate(500)
                .withSeed(7);

        try (LocalStack stack = LocalStack.start(options, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            await().atMost(Duration.ofSeconds(90)).until(stack::feedFinished);
            Map<GeneratedTicket.Kind, Integer> sent = stack.sent();
            int invalid = sent.getOrDefault(GeneratedTicket.Kind.INVALID, 0);
            int valid = sent.values().stream().mapToInt(Integer::intValue).sum() - invalid;

            // Until dedup lands, every valid record, repeats included, leaves as one enriched ticket or waits for a
            // reviewer (the default routing sends unsure and P1 tickets to review).
            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(() -> assertThat(stack.snapshot().enriched()
                                    + stack.snapshot().awaitingReview())
                            .isEqualTo(valid));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> assertThat(stack.snapshot().deadLetters()).isEqualTo(invalid));
            assertThat(invalid).isPositive();
            assertThat(stack.snapshot().firstEnriched()).isNotNull();
            assertThat(stack.describe()).contains("tickets.enriched", "awaiting review", "tickets.dlq");
        }

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Kafka broker (KRaft) listening on 127.0.0.1:")
                .contains("Topology running")
                // --http-port 0 must win over the topology's default port.
                .doesNotContain("127.0.0.1:8081")
                .contains("kcat -b 127.0.0.1:");
    }

    @Test
    void shouldTriageThroughTheRealBedrockAdapterAgainstTheSimulator() {
        LocalStackOptions options = LocalStackOptions.defaults()
                .withPort(0)
                .withHttpPort(0)
                .withDataDirectory(dataDirectory)
                .withTickets(20)
                .withRate(500)
                .withSeed(11)
                .withModel(LocalStackOptions.BEDROCK_SIMULATOR);

        try (LocalStack stack = LocalStack.start(options, new PrintStream(OutputStream.nullOutputStream()))) {
            await().atMost(Duration.ofSeconds(90)).until(stack::feedFinished);
            int valid = stack.sent().entrySet().stream()
                    .filter(sent -> sent.getKey() != GeneratedTicket.Kind.INVALID)
                    .mapToInt(Map.Entry::getValue)
                    .sum();

            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(() -> assertThat(stack.snapshot().enriched()
                                    + stack.snapshot().awaitingReview())
                            .isEqualTo(valid));
            // Each valid ticket was embedded (InvokeModel) by the simulator over HTTP, and triaged (Converse) unless
            // dedup judged it a duplicate of an earlier one and reused that triage: more than one call per ticket.
            assertThat(stack.bedrockSimulatorCounters())
                    .hasValueSatisfying(counters -> assertThat(counters.requests())
                            .isGreaterThan((long) valid)
                            .isLessThanOrEqualTo(
                                    2L * valid + counters.throttled() + counters.faults() + counters.malformed()));
            assertThat(stack.describe()).contains("Bedrock simulator on http://127.0.0.1:");
        }

        assertThat(System.getProperty("aws.accessKeyId")).isNull();
    }
}
