package io.ticketflow.topology.ai.local;

import io.ticketflow.topology.config.LocalModelSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code local} model, the embedded default: a {@link LocalEmbeddingModel} and a {@link LocalTriageModel} that
 * share one model instance and one pool of inference threads.
 *
 * <p>Lifecycle: {@link #create} loads the embedding model (about a second, once per JVM) and the resources named by
 * the settings, and starts {@code ticketflow.model.local.threads} daemon threads; {@link #close} stops them, after
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
     * Creates the local models with the example set named by {@code settings}.
     *
     * @throws IllegalArgumentException naming the setting when a resource is missing or malformed, the example set
     *     was made by another embedding model, or its categories are not among the configured ones
     */
    public static LocalModels create(LocalModelSettings settings) {
        LabelledExamples examples;
        try (InputStream in = open(settings.examples(), "model.local.examples")) {
            examples = LabelledExamples.readFrom(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "ticketflow.model.local.examples: cannot read " + settings.examples() + ": " + e.getMessage(), e);
        }
        return create(settings, examples);
    }

    /**
     * Creates the local models with {@code examples} instead of the example set named by {@code settings}: for
     * evaluating an example set before shipping it.
     *
     * @throws IllegalArgumentException as {@link #create(LocalModelSettings)}
     */
    public static LocalModels create(LocalModelSettings settings, LabelledExamples examples) {
        if (!examples.embeddingModel().equals(SentenceEncoder.MODEL_ID)
                || examples.dimensions() != SentenceEncoder.DIMENSIONS) {
            throw new IllegalArgumentException("ticketflow.model.local.examples: made by " + examples.embeddingModel()
                    + " (" + examples.dimensions() + " dimensions), but the local model embeds with "
                    + SentenceEncoder.MODEL_ID + " (" + SentenceEncoder.DIMENSIONS + ")");
        }
        Set<String> categories =
                settings.categories() == null ? Set.copyOf(examples.categories()) : settings.categories();
        List<String> unconfigured = examples.categories().stream()
                .filter(category -> !categories.contains(category))
                .toList();
        if (!unconfigured.isEmpty()) {
            throw new IllegalArgumentException("ticketflow.model.local.categories: the example set labels tickets "
                    + unconfigured + ", which are not configured categories " + categories);
        }
        PriorityRules rules = PriorityRules.parse(
                settings.priorityRules(), lines(settings.priorityRules(), "model.local.priority-rules"));
        Playbook playbook = Playbook.parse(settings.playbook(), lines(settings.playbook(), "model.local.playbook"));
        List<String> withoutSteps =
                examples.categories().stream().filter(c -> !playbook.covers(c)).toList();
        if (!withoutSteps.isEmpty()) {
            throw new IllegalArgumentException(
                    "ticketflow.model.local.playbook: no solution steps for categories " + withoutSteps);
        }

        NearestNeighbourClassifier classifier = classifier(settings, examples);
        LocalEmbeddingModel embedding = LocalEmbeddingModel.create(settings);
        return new LocalModels(
                embedding,
                new LocalTriageModel(
                        embedding.encoder(),
                        embedding.pool(),
                        classifier,
                        rules,
                        playbook,
                        settings.resolutionMinutes()));
    }

    /** The classifier {@code settings} describe, over {@code examples}. */
    public static NearestNeighbourClassifier classifier(LocalModelSettings settings, LabelledExamples examples) {
        return new NearestNeighbourClassifier(
                examples,
                settings.neighbours(),
                NearestNeighbourClassifier.Weighting.valueOf(
                        settings.weighting().toUpperCase(Locale.ROOT)),
                settings.temperature());
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
