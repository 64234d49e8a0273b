package io.ticketflow.topology.config;

import static io.ticketflow.topology.config.Settings.orDefault;

import io.ticketflow.topology.ai.bedrock.BedrockSettings;
import io.ticketflow.topology.ai.redaction.RedactionSettings;
import java.util.Locale;
import java.util.Set;

/**
 * Which models the pipeline calls, and their settings ({@code ticketflow.model.*}).
 *
 * @param provider {@code local} (default: in-process models, no network, no keys), {@code bedrock} (AWS Bedrock) or
 *     {@code simulated} (deterministic in-process models with configurable latency and faults, for tests and
 *     benchmarks)
 * @param local settings of the {@code local} provider ({@code ticketflow.model.local.*})
 * @param bedrock settings of the {@code bedrock} provider ({@code ticketflow.model.bedrock.*})
 * @param simulated settings of the {@code simulated} provider ({@code ticketflow.model.simulated.*})
 * @param embeddingLimits quota, concurrency, retries and circuit breaker of the embedding model of a remote provider
 *     ({@code ticketflow.model.embedding-limits.*}); the {@code local} model, with no account quota and no network,
 *     is not guarded
 * @param triageLimits the same for the triage model ({@code ticketflow.model.triage-limits.*})
 * @param redaction which kinds of personal data are removed from text before it leaves for any model
 *     ({@code ticketflow.model.redaction.kinds}; default all)
 */
public record ModelSettings(
        String provider,
        LocalModelSettings local,
        BedrockSettings bedrock,
        SimulatedModelSettings simulated,
        ModelLimits embeddingLimits,
        ModelLimits triageLimits,
        RedactionSettings redaction) {

    /** The providers there are. */
    public static final Set<String> PROVIDERS = Set.of("local", "bedrock", "simulated");

    public ModelSettings {
        provider = orDefault(provider, "local").toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException(
                    "ticketflow.model.provider must be one of " + PROVIDERS + ", was " + provider);
        }
        local = local == null ? LocalModelSettings.defaults() : local;
        bedrock = bedrock == null ? BedrockSettings.defaults() : bedrock;
        simulated = simulated == null ? SimulatedModelSettings.defaults() : simulated;
        embeddingLimits = embeddingLimits == null ? ModelLimits.defaults() : embeddingLimits;
        triageLimits = triageLimits == null ? ModelLimits.defaults() : triageLimits;
        redaction = redaction == null ? RedactionSettings.defaults() : redaction;
    }
}
