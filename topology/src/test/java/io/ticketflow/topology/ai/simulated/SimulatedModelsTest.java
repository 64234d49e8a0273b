package io.ticketflow.topology.ai.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ticketflow.schemas.Priority;
import io.ticketflow.schemas.Reporter;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.Triage;
import io.ticketflow.schemas.TriageSource;
import io.ticketflow.topology.ai.Embedding;
import io.ticketflow.topology.ai.EmbeddingRequest;
import io.ticketflow.topology.ai.ManualScheduler;
import io.ticketflow.topology.ai.ModelException;
import io.ticketflow.topology.ai.TriageRequest;
import io.ticketflow.topology.config.SimulatedModelSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SimulatedModelsTest {

    private final ManualScheduler scheduler = new ManualScheduler();

    @Test
    void shouldEmbedTheSameTextAsTheSameUnitVector() {
        var model = models(settings(Duration.ZERO, Duration.ZERO, 0, 0, 0, 0)).embedding();

        float[] first = embed(model, "VPN connection fails after the update").vector();
        float[] again = embed(model, "VPN connection fails after the update").vector();

        assertThat(first).hasSize(64).containsExactly(again);
        assertThat(dot(first, first)).isCloseTo(1, within(1e-5));
    }

    @Test
    void shouldPutTextsSharingWordsCloserThanUnrelatedTexts() {
        var model = models(settings(Duration.ZERO, Duration.ZERO, 0, 0, 0, 0)).embedding();

        float[] vpn = embed(model, "VPN connection fails with error 809 since this morning")
                .vector();
        float[] vpnAgain =
                embed(model, "Since this morning the VPN connection fails").vector();
        float[] payslip = embed(model, "My payslip for March is missing in the payroll portal")
                .vector();

        assertThat(dot(vpn, vpnAgain)).isGreaterThan(0.6);
        assertThat(dot(vpn, payslip)).isLessThan(dot(vpn, vpnAgain) - 0.4);
    }

    @Test
    void shouldEmbedATextWithoutWordsAsTheFirstUnitVector() {
        var model = models(settings(Duration.ZERO, Duration.ZERO, 0, 0, 0, 0)).embedding();

        assertThat(embed(model, " -- ").vector()[0]).isEqualTo(1f);
    }

    @Test
    void shouldReportExactlyTheEstimatedTokensForAnEmbedding() {
        var model = models(settings(Duration.ZERO, Duration.ZERO, 0, 0, 0, 0)).embedding();
        var request = new EmbeddingRequest("t-1", "Printer on the third floor shows error 50.4");

        assertThat(embed(model, request.text()).usage().inputTokens()).isEqualTo(model.estimatedTokens(request));
        assertThat(model.estimatedTokens(request)).isEqualTo(12); // 9 words ("50.4" is two), 4 tokens per 3 words
    }

    @Test
    void shouldTriageByKeywords() {
        var model = models(settings(Duration.ZERO, Duration.ZERO, 0, 0, 0, 0)).triage();

        Triage vpn = triage(model, "VPN cannot connect", "The VPN client fails with a connection error.");
        Triage phishing =
                triage(model, "I clicked a phishing link", "It was a suspicious email; my laptop may be compromised.");
        Triage unknown = triage(model, "Hello", "Something odd happened.");

        assertThat(vpn.category()).isEqualTo("network");
        assertThat(vpn.priority()).isEqualTo(Priority.P2);
        assertThat(phishing.category()).isEqualTo("security");
        assertThat(phishing.priority()).isEqualTo(Priority.P1);
        assertThat(unknown.confidence()).isLessThan(vpn.confidence());
        assertThat(vpn.source()).isEqualTo(TriageSource.MODEL);
        assertThat(vpn.model()).isEqualTo(SimulatedTriageModel.MODEL_ID);
        assertThat(vpn.solutionSteps()).isNotEmpty();
    }

    @Test
    void shouldEstimateTriageAtItsInputPlusTheMostOutputAndReportLess() {
        var settings = settings(Duration.ZERO, Duration.ZERO, 0, 0, 0, 0);
        var model = models(settings).triage();
        var request = new TriageRequest(ticket("Mailbox full", "Outlook says my mailbox is full."), List.of());

        var answered = model.triage(request).toCompletableFuture();
        scheduler.runDue();
        Triage answer = answered.join();

        assertThat(model.estimatedTokens(request)).isEqualTo(answer.usage().inputTokens() + settings.maxOutputTokens());
        assertThat(answer.usage().outputTokens()).isPositive().isLessThan(settings.maxOutputTokens());
    }

    @Test
    void shouldAnswerOnTheSchedulerAfterTheDrawnLatency() {
        var model = models(settings(Duration.ofSeconds(1), Duration.ofMillis(200), 0, 0, 0, 0))
                .embedding();

        var answer = model.embed(new EmbeddingRequest("t-1", "text")).toCompletableFuture();

        assertThat(answer).isNotDone();
        scheduler.advance(Duration.ofMillis(799));
        assertThat(answer).isNotDone();
        scheduler.advance(Duration.ofMillis(402));
        assertThat(answer).isCompleted();
    }

    @Test
    void shouldFailAndThrottleAtTheConfiguredRates() {
        var model = models(settings(Duration.ofMillis(10), Duration.ZERO, 0.2, 0.1, 0, 0))
                .embedding();

        var answers = calls(model, 2_000);

        SimulatedCounts counts = model.counts();
        assertThat(counts.calls()).isEqualTo(2_000);
        assertThat(counts.succeeded() + counts.throttled() + counts.failed()).isEqualTo(2_000);
        assertThat(counts.throttled()).isBetween(150L, 250L);
        assertThat(counts.failed()).isBetween(290L, 430L);
        assertThat(answers.stream().filter(answer -> kind(answer) == ModelException.Kind.THROTTLED))
                .hasSize((int) counts.throttled())
                .allMatch(answer -> failure(answer).retryAfter().isEmpty());
        assertThat(answers.stream().filter(answer -> kind(answer) == ModelException.Kind.UNAVAILABLE))
                .hasSize((int) counts.failed());
    }

    @Test
    void shouldThrottleBeyondItsRequestQuotaWithARetryAfter() {
        var model = models(settings(Duration.ofMillis(10), Duration.ZERO, 0, 0, 60, 0))
                .embedding();

        var answers = calls(model, 61);

        assertThat(answers.subList(0, 60)).allMatch(answer -> !answer.isCompletedExceptionally());
        assertThat(kind(answers.get(60))).isEqualTo(ModelException.Kind.THROTTLED);
        assertThat(failure(answers.get(60)).retryAfter()).contains(Duration.ofSeconds(1));

        scheduler.advance(Duration.ofSeconds(1));

        assertThat(calls(model, 1).getFirst()).isCompleted();
    }

    @Test
    void shouldThrottleBeyondItsTokenQuota() {
        var model = models(settings(Duration.ofMillis(10), Duration.ZERO, 0, 0, 0, 30))
                .embedding();

        var answers = calls(model, 3); // 12 tokens each

        assertThat(answers.subList(0, 2)).allMatch(answer -> !answer.isCompletedExceptionally());
        assertThat(kind(answers.get(2))).isEqualTo(ModelException.Kind.THROTTLED);
        assertThat(failure(answers.get(2)).retryAfter()).isPresent();
    }

    @Test
    void shouldRepeatItsLatenciesAndFaultsForTheSameSeed() {
        var settings = settings(Duration.ofSeconds(1), Duration.ofMillis(500), 0.3, 0.2, 0, 0);

        assertThat(trace(settings, 42)).isEqualTo(trace(settings, 42)).isNotEqualTo(trace(settings, 43));
    }

    /** When each of 50 calls ended, and how. */
    private List<String> trace(SimulatedModelSettings settings, long seed) {
        var seeded = new SimulatedModelSettings(
                seed,
                settings.meanLatency(),
                settings.latencyJitter(),
                settings.failureRate(),
                settings.throttleRate(),
                null,
                null,
                64,
                null);
        var timeline = new ManualScheduler();
        var model = new SimulatedModels(seeded, timeline, timeline::nanoTime).embedding();
        List<String> trace = new ArrayList<>();
        IntStream.range(0, 50)
                .forEach(i -> model.embed(new EmbeddingRequest("t-" + i, "text " + i))
                        .whenComplete((answer, failure) ->
                                trace.add(i + "@" + timeline.elapsed() + (failure == null ? " ok" : " failed"))));
        timeline.advance(Duration.ofSeconds(2));
        return trace;
    }

    private List<CompletableFuture<Embedding>> calls(SimulatedEmbeddingModel model, int count) {
        var answers = IntStream.range(0, count)
                .mapToObj(
                        i -> model.embed(new EmbeddingRequest("t-" + i, "Printer on the third floor shows error 50.4"))
                                .toCompletableFuture())
                .toList();
        scheduler.advance(Duration.ofMillis(10));
        return answers;
    }

    private SimulatedModels models(SimulatedModelSettings settings) {
        return new SimulatedModels(settings, scheduler, scheduler::nanoTime);
    }

    private static SimulatedModelSettings settings(
            Duration meanLatency,
            Duration jitter,
            double failureRate,
            double throttleRate,
            int requestsPerMinute,
            int tokensPerMinute) {
        return new SimulatedModelSettings(
                null, meanLatency, jitter, failureRate, throttleRate, requestsPerMinute, tokensPerMinute, 64, null);
    }

    private Embedding embed(SimulatedEmbeddingModel model, String text) {
        var answer = model.embed(new EmbeddingRequest("t-1", text)).toCompletableFuture();
        scheduler.runDue();
        return answer.join();
    }

    private Triage triage(SimulatedTriageModel model, String title, String description) {
        var answer = model.triage(new TriageRequest(ticket(title, description), List.of()))
                .toCompletableFuture();
        scheduler.runDue();
        return answer.join();
    }

    static TicketIngested ticket(String title, String description) {
        return new TicketIngested(
                TicketIngested.CURRENT_SCHEMA_VERSION,
                "t-1",
                "acme",
                "servicedesk",
                title,
                description,
                new Reporter("u-1", "Ann Example", "ann@example.com"),
                Instant.parse("2026-11-02T09:00:00Z"),
                null);
    }

    private static ModelException failure(CompletableFuture<Embedding> answer) {
        Throwable failure = answer.handle((value, thrown) -> thrown).join();
        return (ModelException) (failure instanceof CompletionException ? failure.getCause() : failure);
    }

    private static ModelException.Kind kind(CompletableFuture<Embedding> answer) {
        return answer.isCompletedExceptionally() ? failure(answer).kind() : null;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
