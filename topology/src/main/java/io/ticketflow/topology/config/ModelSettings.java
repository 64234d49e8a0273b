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
 * @param redaction which kinds of personal data are removed from text before it leaves for any model
 *     ({@code ticketflow.model.redaction.kinds}; default all)
 */
public record ModelSettings(
        String provider, LocalModelSettings local, BedrockSettings bedrock, RedactionSettings redaction) {

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
        redaction = redaction == null ? RedactionSettings.defaults() : redaction;
    }
}
