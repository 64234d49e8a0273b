package io.ticketflow.topology.ai.local;

import io.ticketflow.topology.config.LocalModelSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code local} model, the embedded default: a {@link LocalEmbeddingModel} and a {@link LocalTriageModel} that
 * share one model instance and one pool of inference threads.
 *
 * <p>Lifecycle: {@link #create} loads the embedding model (about a second, once per JVM), the classifier and the
 * other resources named by the settings, and starts {@code ticketflow.model.local.threads} daemon threads; {@link #close} stops them, after
 * which calls fail with {@code THROTTLED}. Thread-safe.
 */
public final class LocalModels implements AutoCloseable {

    private final LocalEmbeddingModel embedding;
    private final LocalTriageModel triage;

    private LocalModels(LocalEmbeddingModel embedding, LocalTriageModel triage) {
        this.embedding = embedding;
        this.triage = triage;
    }

    /**
     * Creates the local models with the classifier named by {@code settings}.
     *
     * @param categories the configured categories ({@code ticketflow.model.categories}): the triage answers only these
     * @throws IllegalArgumentException naming the setting when a resource is missing or malformed, the classifier
     *     reads another embedding model's vectors, was trained without examples of a configured category, or the
     *     playbook has no steps for one
     */
    public static LocalModels create(LocalModelSettings settings, List<String> categories) {
        CategoryClassifier classifier;
        try (InputStream in = open(settings.classifier(), "model.local.classifier")) {
            classifier = CategoryClassifier.readFrom(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "ticketflow.model.local.classifier: cannot read " + settings.classifier() + ": " + e.getMessage(),
                    e);
        }
        return create(settings, categories, classifier);
    }

    /**
     * Creates the local models with {@code classifier} instead of the one named by {@code settings}: for evaluating a
     * classifier before shipping it, and for tests.
     *
     * @throws IllegalArgumentException as {@link #create(LocalModelSettings, List)}
     */
    public static LocalModels create(
            LocalModelSettings settings, List<String> categories, CategoryClassifier classifier) {
        if (!classifier.embeddingModel().equals(SentenceEncoder.MODEL_ID)
                || classifier.dimensions() != SentenceEncoder.DIMENSIONS) {
            throw new IllegalArgumentException("ticketflow.model.local.classifier: reads vectors of "
                    + classifier.embeddingModel() + " (" + classifier.dimensions() + " dimensions), but the local"
                    + " model embeds with " + SentenceEncoder.MODEL_ID + " (" + SentenceEncoder.DIMENSIONS + ")");
        }
        CategoryClassifier configured;
        try {
            configured = classifier.restrictedTo(categories);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ticketflow.model.categories: the local model cannot answer them: "
                    + e.getMessage() + " (ticketflow.model.local.classifier " + settings.classifier() + ")");
        }
        PriorityRules rules = PriorityRules.parse(
                settings.priorityRules(), lines(settings.priorityRules(), "model.local.priority-rules"));
        Playbook playbook = Playbook.parse(settings.playbook(), lines(settings.playbook(), "model.local.playbook"));
        List<String> withoutSteps =
                categories.stream().filter(c -> !playbook.covers(c)).toList();
        if (!withoutSteps.isEmpty()) {
            throw new IllegalArgumentException(
                    "ticketflow.model.local.playbook: no solution steps for categories " + withoutSteps);
        }

        LocalEmbeddingModel embedding = LocalEmbeddingModel.create(settings);
        return new LocalModels(
                embedding,
                new LocalTriageModel(
                        embedding.encoder(),
                        embedding.pool(),
                        configured,
                        rules,
                        playbook,
                        settings.resolutionMinutes()));
    }

    public LocalEmbeddingModel embedding() {
        return embedding;
    }

    public LocalTriageModel triage() {
        return triage;
    }

    /** Stops the inference threads once queued calls have run; does not wait for them. */
    @Override
    public void close() {
        embedding.close();
    }

    private static InputStream open(String resource, String setting) {
        InputStream in = LocalModels.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("ticketflow." + setting + ": no class-path resource " + resource);
        }
        return in;
    }

    private static List<String> lines(String resource, String setting) {
        try (InputStream in = open(resource, setting)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
