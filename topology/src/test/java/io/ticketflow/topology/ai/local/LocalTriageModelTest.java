package io.ticketflow.topology.ai.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.schemas.Priority;
import io.ticketflow.schemas.Triage;
import io.ticketflow.schemas.TriageSource;
import io.ticketflow.topology.Tickets;
import io.ticketflow.topology.ai.ModelException;
import io.ticketflow.topology.ai.TriageRequest;
import io.ticketflow.topology.config.LocalModelSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalTriageModelTest {

    /** A small labelled fixture: three categories, four tickets each. */
    private static final Map<String, List<String>> FIXTURE = Map.of(
            "Hardware",
            List.of(
                    "laptop screen is cracked and flickers",
                    "docking station does not charge my laptop",
                    "printer jams on every page",
                    "keyboard keys stopped working"),
            "Access",
            List.of(
                    "please grant me access to the finance share",
                    "reset my password, account locked",
                    "need permission for the sales folder",
                    "add me to the project distribution group"),
            "Purchase",
            List.of(
                    "please order a second monitor for me",
                    "buy licences for the design software",
                    "purchase request for new headsets",
                    "quote for ten replacement laptops"));

    private static LocalModels models;

    @BeforeAll
    static void createModels() {
        LabelledExamples.Builder examples = LabelledExamples.builder(LocalEmbeddingModel.MODEL_ID, 384);
        try (LocalEmbeddingModel embedder = LocalEmbeddingModel.create(settings(null))) {
            FIXTURE.forEach((category, texts) ->
                    texts.forEach(text -> examples.add(category, LocalEmbeddingModelTest.embed(embedder, text))));
        }
        models = LocalModels.create(settings(null), examples.build());
    }

    @AfterAll
    static void closeModels() {
        models.close();
    }

    @Test
    void shouldTakeTheCategoryOfSimilarExamples() {
        assertThat(triage("My laptop display flickers", "The screen goes black every few seconds.")
                        .category())
                .isEqualTo("Hardware");
        assertThat(triage("Access to the HR share", "Please give me permission to open the HR folder.")
                        .category())
                .isEqualTo("Access");
        assertThat(triage("Order a webcam", "I would like to buy a webcam for calls.")
                        .category())
                .isEqualTo("Purchase");
    }

    @Test
    void shouldFillEveryFieldFromRulesPlaybookAndSettings() {
        Triage triage = triage("Printer outage on floor 3", "The printer is down for everyone on floor 3.");

        assertThat(triage.priority()).isEqualTo(Priority.P1);
        assertThat(triage.estimatedResolutionMinutes()).isEqualTo(240);
        assertThat(triage.summary()).isEqualTo("Printer outage on floor 3");
        assertThat(triage.solutionSteps())
                .isNotEmpty()
                .allSatisfy(step -> assertThat(step).isNotBlank());
        assertThat(triage.confidence()).isBetween(0.0, 1.0);
        assertThat(triage.source()).isEqualTo(TriageSource.MODEL);
        assertThat(triage.model()).isEqualTo(LocalTriageModel.MODEL_ID);
        assertThat(triage.usage().inputTokens()).isPositive();
        assertThat(triage.usage().outputTokens()).isZero();
    }

    @Test
    void shouldGiveTheSameTriageForTheSameTicket() {
        Triage first = triage("Keyboard broken", "Several keys do not type anymore.");
        Triage second = triage("Keyboard broken", "Several keys do not type anymore.");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldReturnAtOnceAndCompleteOnAnInferenceThread() {
        CountDownLatch release = new CountDownLatch(1);
        // Occupy both inference threads, so the call below cannot have finished when triage returns.
        models.embedding().pool().submit(() -> LocalEmbeddingModelTest.awaitQuietly(release));
        models.embedding().pool().submit(() -> LocalEmbeddingModelTest.awaitQuietly(release));
        AtomicReference<String> completedOn = new AtomicReference<>();

        CompletableFuture<Triage> call = models.triage()
                .triage(new TriageRequest(Tickets.ticket("T-1"), List.of()))
                .toCompletableFuture();
        CompletableFuture<Void> observed =
                call.thenRun(() -> completedOn.set(Thread.currentThread().getName()));

        assertThat(call).isNotDone();
        release.countDown();
        observed.join();
        assertThat(completedOn.get()).startsWith("ticketflow-local-model-");
    }

    @Test
    void shouldRejectATicketWithoutWords() {
        var stage = models.triage().triage(new TriageRequest(Tickets.ticket("T-1", " ", " "), List.of()));

        assertThatThrownBy(() -> stage.toCompletableFuture().join())
                .cause()
                .isInstanceOfSatisfying(
                        ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.REJECTED));
    }

    @Test
    void shouldRefuseExamplesWhoseCategoriesAreNotConfigured() {
        LabelledExamples examples = LabelledExamples.builder(LocalEmbeddingModel.MODEL_ID, 384)
                .add("Hardware", unit(0))
                .add("Facilities", unit(1))
                .build();

        assertThatThrownBy(() -> LocalModels.create(settings(Set.of("Hardware", "Access")), examples))
                .hasMessageContaining("ticketflow.model.local.categories")
                .hasMessageContaining("Facilities");
    }

    @Test
    void shouldRefuseExamplesMadeByAnotherEmbeddingModel() {
        LabelledExamples examples = LabelledExamples.builder("amazon.titan-embed-text-v2:0", 384)
                .add("Hardware", unit(0))
                .build();

        assertThatThrownBy(() -> LocalModels.create(settings(null), examples))
                .hasMessageContaining("ticketflow.model.local.examples")
                .hasMessageContaining("amazon.titan-embed-text-v2:0");
    }

    private static Triage triage(String title, String description) {
        return models.triage()
                .triage(new TriageRequest(Tickets.ticket("T-1", title, description), List.of()))
                .toCompletableFuture()
                .join();
    }

    private static float[] unit(int axis) {
        float[] vector = new float[384];
        vector[axis] = 1;
        return vector;
    }

    private static LocalModelSettings settings(Set<String> categories) {
        return new LocalModelSettings(2, null, null, null, 3, null, null, null, categories, null, null, null);
    }
}
