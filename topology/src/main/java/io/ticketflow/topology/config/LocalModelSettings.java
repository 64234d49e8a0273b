package io.ticketflow.topology.config;

import static io.ticketflow.topology.config.Settings.atLeast;
import static io.ticketflow.topology.config.Settings.notBlank;
import static io.ticketflow.topology.config.Settings.orDefault;

import io.ticketflow.schemas.Priority;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The in-process {@code local} model: embeddings from a sentence-embedding model shipped in a jar, triage from a
 * nearest-neighbour classifier over labelled examples plus priority rules ({@code ticketflow.model.local.*}).
 *
 * @param threads inference threads, owned by the model; default the number of available processors
 * @param queueCapacity calls waiting for an inference thread beyond which a call fails at once as
 *     {@code THROTTLED}; default 1024
 * @param chunkWords words per embedded piece of a long text (the model sees at most 128 word pieces, about 60 words);
 *     default 48
 * @param maxChunks pieces of a text that are embedded and averaged; words beyond {@code chunkWords × maxChunks} are
 *     not seen; default 8 (1 embeds only the start of a text)
 * @param neighbours how many nearest examples vote on the category ({@code k}); default 30
 * @param weighting how much a neighbour's vote counts: {@code softmax} (default: {@code exp((s - s1) / temperature)}
 *     for similarity {@code s} and the nearest neighbour's {@code s1}, so nearer neighbours count far more),
 *     {@code similarity} (its cosine similarity) or {@code uniform} (one each)
 * @param temperature of the {@code softmax} weighting: smaller lets the nearest neighbours dominate; default 0.1
 * @param examples class-path resource holding the labelled example embeddings; default the set derived from the
 *     public IT-ticket data ({@value #DEFAULT_EXAMPLES})
 * @param categories the configured categories; the example set's labels must all be among them. Default: the example
 *     set's labels
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
        Integer neighbours,
        String weighting,
        Double temperature,
        String examples,
        Set<String> categories,
        String priorityRules,
        String playbook,
        Map<Priority, Integer> resolutionMinutes) {

    public static final String DEFAULT_EXAMPLES = "io/ticketflow/topology/ai/local/it-tickets-examples.bin";
    public static final String DEFAULT_PRIORITY_RULES = "io/ticketflow/topology/ai/local/priority-rules.txt";
    public static final String DEFAULT_PLAYBOOK = "io/ticketflow/topology/ai/local/playbook.txt";

    private static final Set<String> WEIGHTINGS = Set.of("softmax", "similarity", "uniform");
    private static final Map<Priority, Integer> DEFAULT_RESOLUTION_MINUTES =
            Map.of(Priority.P1, 240, Priority.P2, 480, Priority.P3, 1440, Priority.P4, 4320);

    public LocalModelSettings {
        threads = atLeast("model.local.threads", threads, Runtime.getRuntime().availableProcessors(), 1);
        queueCapacity = atLeast("model.local.queue-capacity", queueCapacity, 1024, 1);
        chunkWords = atLeast("model.local.chunk-words", chunkWords, 48, 1);
        maxChunks = atLeast("model.local.max-chunks", maxChunks, 8, 1);
        neighbours = atLeast("model.local.neighbours", neighbours, 30, 1);
        weighting = orDefault(weighting, "softmax");
        if (!WEIGHTINGS.contains(weighting)) {
            throw new IllegalArgumentException(
                    "ticketflow.model.local.weighting must be one of " + WEIGHTINGS + ", was " + weighting);
        }
        temperature = orDefault(temperature, 0.1);
        if (!(temperature > 0 && temperature <= 10)) {
            throw new IllegalArgumentException(
                    "ticketflow.model.local.temperature must be in (0, 10], was " + temperature);
        }
        examples = notBlank("model.local.examples", examples, DEFAULT_EXAMPLES);
        if (categories != null) {
            if (categories.isEmpty() || categories.stream().anyMatch(c -> c == null || c.isBlank())) {
                throw new IllegalArgumentException(
                        "ticketflow.model.local.categories must list non-blank categories, or be left out");
            }
            categories = Set.copyOf(categories);
        }
        priorityRules = notBlank("model.local.priority-rules", priorityRules, DEFAULT_PRIORITY_RULES);
        playbook = notBlank("model.local.playbook", playbook, DEFAULT_PLAYBOOK);
        resolutionMinutes = withDefaults(resolutionMinutes);
    }

    /** The defaults: {@code new LocalModelSettings(null, ..., null)}. */
    public static LocalModelSettings defaults() {
        return new LocalModelSettings(null, null, null, null, null, null, null, null, null, null, null, null);
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
