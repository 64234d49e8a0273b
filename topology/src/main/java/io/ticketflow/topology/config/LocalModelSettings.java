package io.ticketflow.topology.config;

import static io.ticketflow.topology.config.Settings.atLeast;
import static io.ticketflow.topology.config.Settings.notBlank;

import io.ticketflow.schemas.Priority;
import java.util.EnumMap;
import java.util.Map;

/**
 * The in-process {@code local} model: embeddings from a sentence-embedding model shipped in a jar, triage from a
 * category classifier trained on labelled tickets plus priority rules ({@code ticketflow.model.local.*}). Which
 * categories it may answer is {@code ticketflow.model.categories}, shared with the other providers.
 *
 * @param threads inference threads, owned by the model; default the number of available processors
 * @param queueCapacity calls waiting for an inference thread beyond which a call fails at once as
 *     {@code THROTTLED}; default 1024
 * @param chunkWords words per embedded piece of a long text (the model sees at most 128 word pieces, about 60 words);
 *     default 48
 * @param maxChunks pieces of a text that are embedded and averaged; words beyond {@code chunkWords × maxChunks} are
 *     not seen; default 8 (1 embeds only the start of a text)
 * @param classifier class-path resource holding the trained category classifier; default the one trained on the
 *     public IT-ticket data ({@value #DEFAULT_CLASSIFIER})
 * @param priorityRules class-path resource holding the priority rules; default {@value #DEFAULT_PRIORITY_RULES}
 * @param playbook class-path resource holding solution steps per category; default {@value #DEFAULT_PLAYBOOK}
 * @param resolutionMinutes estimated minutes to resolve, per priority; defaults P1 240, P2 480, P3 1440, P4 4320.
 *     Priorities left out take their default
 */
public record LocalModelSettings(
        Integer threads,
        Integer queueCapacity,
        Integer chunkWords,
        Integer maxChunks,
        String classifier,
        String priorityRules,
        String playbook,
        Map<Priority, Integer> resolutionMinutes) {

    public static final String DEFAULT_CLASSIFIER = "io/ticketflow/topology/ai/local/it-tickets-classifier.bin";
    public static final String DEFAULT_PRIORITY_RULES = "io/ticketflow/topology/ai/local/priority-rules.txt";
    public static final String DEFAULT_PLAYBOOK = "io/ticketflow/topology/ai/local/playbook.txt";

    private static final Map<Priority, Integer> DEFAULT_RESOLUTION_MINUTES =
            Map.of(Priority.P1, 240, Priority.P2, 480, Priority.P3, 1440, Priority.P4, 4320);

    public LocalModelSettings {
        threads = atLeast("model.local.threads", threads, Runtime.getRuntime().availableProcessors(), 1);
        queueCapacity = atLeast("model.local.queue-capacity", queueCapacity, 1024, 1);
        chunkWords = atLeast("model.local.chunk-words", chunkWords, 48, 1);
        maxChunks = atLeast("model.local.max-chunks", maxChunks, 8, 1);
        classifier = notBlank("model.local.classifier", classifier, DEFAULT_CLASSIFIER);
        priorityRules = notBlank("model.local.priority-rules", priorityRules, DEFAULT_PRIORITY_RULES);
        playbook = notBlank("model.local.playbook", playbook, DEFAULT_PLAYBOOK);
        resolutionMinutes = withDefaults(resolutionMinutes);
    }

    /** The defaults: {@code new LocalModelSettings(null, ..., null)}. */
    public static LocalModelSettings defaults() {
        return new LocalModelSettings(null, null, null, null, null, null, null, null);
    }

    private static Map<Priority, Integer> withDefaults(Map<Priority, Integer> configured) {
        Map<Priority, Integer> resolved = new EnumMap<>(DEFAULT_RESOLUTION_MINUTES);
        if (configured != null) {
            configured.forEach((priority, minutes) -> resolved.put(
                    priority,
                    atLeast(
                            "model.local.resolution-minutes." + priority,
                            minutes,
                            DEFAULT_RESOLUTION_MINUTES.get(priority),
                            1)));
        }
        return Map.copyOf(resolved);
    }
}
