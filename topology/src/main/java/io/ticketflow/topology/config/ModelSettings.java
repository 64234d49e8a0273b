package io.ticketflow.topology.config;

import static io.ticketflow.topology.config.Settings.orDefault;

import io.ticketflow.topology.ai.bedrock.BedrockSettings;
import io.ticketflow.topology.ai.redaction.RedactionSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which models the pipeline calls, and their settings ({@code ticketflow.model.*}).
 *
 * @param provider {@code local} (default: in-process models, no network, no keys), {@code bedrock} (AWS Bedrock) or
 *     {@code simulator} (deterministic in-process models with configurable latency and faults, for tests and
 *     benchmarks)
 * @param local settings of the {@code local} provider ({@code ticketflow.model.local.*})
 * @param bedrock settings of the {@code bedrock} provider ({@code ticketflow.model.bedrock.*})
 * @param simulator settings of the {@code simulator} provider ({@code ticketflow.model.simulator.*})
 * @param embeddingLimits quota, concurrency, retries and circuit breaker of the embedding model of a remote provider
 *     ({@code ticketflow.model.embedding-limits.*}); the {@code local} model, with no account quota and no network,
 *     is not guarded
 * @param triageLimits the same for the triage model ({@code ticketflow.model.triage-limits.*})
 * @param redaction which kinds of personal data are removed from text before it leaves for any model
 *     ({@code ticketflow.model.redaction.kinds}; default all)
 * @param categories the categories a triage may give a ticket, whatever the provider: the {@code bedrock} model's
 *     tool schema allows these and no others (in this order in its prompt), and the {@code local} model answers only
 *     these and refuses to start when its classifier was trained without examples of one of them. Non-blank,
 *     distinct regardless of case, surrounding blanks dropped. Default {@link #DEFAULT_CATEGORIES}
 */
public record ModelSettings(
        String provider,
        LocalModelSettings local,
        BedrockSettings bedrock,
        SimulatedModelSettings simulator,
        ModelLimits embeddingLimits,
        ModelLimits triageLimits,
        RedactionSettings redaction,
        List<String> categories) {

    /** The providers there are. */
    public static final Set<String> PROVIDERS = Set.of("local", "bedrock", "simulator");

    /**
     * The default categories: the labels of the public IT-ticket data set the shipped local classifier was trained on
     * ({@code ../shared/data/it-tickets}), so that every provider answers from the same set out of the box.
     * {@code Miscellaneous} is where a ticket that fits no other category goes.
     */
    public static final List<String> DEFAULT_CATEGORIES = List.of(
            "Access",
            "Administrative rights",
            "HR Support",
            "Hardware",
            "Internal Project",
            "Miscellaneous",
            "Purchase",
            "Storage");

    public ModelSettings {
        provider = orDefault(provider, "local").toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException(
                    "ticketflow.model.provider must be one of " + PROVIDERS + ", was " + provider);
        }
        local = local == null ? LocalModelSettings.defaults() : local;
        bedrock = bedrock == null ? BedrockSettings.defaults() : bedrock;
        simulator = simulator == null ? SimulatedModelSettings.defaults() : simulator;
        embeddingLimits = embeddingLimits == null ? ModelLimits.defaults() : embeddingLimits;
        triageLimits = triageLimits == null ? ModelLimits.defaults() : triageLimits;
        redaction = redaction == null ? RedactionSettings.defaults() : redaction;
        categories = categories == null ? DEFAULT_CATEGORIES : distinctNames(categories);
    }

    /** The defaults: the {@code local} provider, every category of {@link #DEFAULT_CATEGORIES}. */
    public static ModelSettings defaults() {
        return new ModelSettings(null, null, null, null, null, null, null, null);
    }

    /** {@code categories}, stripped of surrounding blanks, once each. */
    private static List<String> distinctNames(List<String> categories) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("ticketflow.model.categories must name at least one category");
        }
        Set<String> seen = new HashSet<>();
        for (String category : categories) {
            if (category == null || category.isBlank()) {
                throw new IllegalArgumentException("ticketflow.model.categories must not contain a blank name");
            }
            if (!seen.add(category.strip().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(
                        "ticketflow.model.categories names '" + category.strip() + "' twice");
            }
        }
        return categories.stream().map(String::strip).toList();
    }
}
