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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    private static final List<String> CATEGORIES = List.of("Access", "Hardware", "Purchase");

    private static CategoryClassifier classifier;
    private static LocalModels models;

    @BeforeAll
    static void createModels() {
        classifier = train(FIXTURE, LocalEmbeddingModel.MODEL_ID);
        models = LocalModels.create(SETTINGS, CATEGORIES, classifier);
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
    void shouldAnswerOnlyTheConfiguredCategories() {
        try (LocalModels hardwareOrAccess = LocalModels.create(SETTINGS, List.of("Hardware", "Access"), classifier)) {
            Triage triage = hardwareOrAccess
                    .triage()
                    .triage(new TriageRequest(
                            Tickets.ticket("T-1", "Order a webcam", "I would like to buy a webcam for calls."),
                            List.of()))
                    .toCompletableFuture()
                    .join();

            assertThat(triage.category()).isIn("Hardware", "Access");
        }
    }

    @Test
    void shouldRefuseAConfiguredCategoryItHasNoExamplesFor() {
        assertThatThrownBy(() -> LocalModels.create(SETTINGS, List.of("Hardware", "Facilities"), classifier))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ticketflow.model.categories")
                .hasMessageContaining("no training examples for categories [Facilities]");
    }

    @Test
    void shouldRefuseAClassifierOfAnotherEmbeddingModel() {
        CategoryClassifier titan = train(Map.of("Hardware", List.of("laptop broken", "laptop screen broken")), "titan");

        assertThatThrownBy(() -> LocalModels.create(SETTINGS, List.of("Hardware"), titan))
                .hasMessageContaining("ticketflow.model.local.classifier")
                .hasMessageContaining("titan");
    }

    /** A classifier of {@code texts} by category, on the local model's embeddings, labelled as {@code modelId}'s. */
    private static CategoryClassifier train(Map<String, List<String>> texts, String modelId) {
        List<String> inputs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        try (LocalEmbeddingModel embedder = LocalEmbeddingModel.create(SETTINGS)) {
            new TreeMap<>(texts)
                    .forEach((category, examples) -> examples.forEach(text -> {
                        inputs.add(text);
                        labels.add(category);
                        vectors.add(LocalEmbeddingModelTest.embed(embedder, text));
                    }));
        }
        return CategoryClassifier.train(modelId, inputs, labels, vectors);
    }

    private static Triage triage(String title, String description) {
        return models.triage()
                .triage(new TriageRequest(Tickets.ticket("T-1", title, description), List.of()))
                .toCompletableFuture()
                .join();
    }

    private static final LocalModelSettings SETTINGS =
            new LocalModelSettings(2, null, null, null, null, null, null, null);
}
