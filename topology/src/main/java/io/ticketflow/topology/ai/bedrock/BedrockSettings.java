package io.ticketflow.topology.ai.bedrock;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the {@code bedrock} adapter reaches Amazon Bedrock and which models it calls
 * ({@code ticketflow.model.bedrock.*}). Credentials are not a setting: they come from the AWS SDK's default provider
 * chain (IRSA web identity on EKS, environment, profile, instance role), never from a file.
 *
 * @param region the AWS region, for example {@code eu-central-1}; default none, which leaves it to the SDK's region
 *     chain ({@code AWS_REGION}, profile, instance metadata) and fails start-up if that finds none. Model ids and
 *     prices are per region
 * @param embeddingModelId the embeddings model, called through InvokeModel with Titan Text Embeddings v2 bodies;
 *     default {@value #DEFAULT_EMBEDDING_MODEL_ID}
 * @param embeddingDimensions the length of the embedding vectors: 256, 512 or 1024 (default); all embeddings that are
 *     compared with each other must have been made with the same value
 * @param triageModelId the chat model, called through Converse with a forced tool; default
 *     {@value #DEFAULT_TRIAGE_MODEL_ID}. It must support tool use with a specific {@code toolChoice} (Anthropic Claude
 *     3 and later do)
 * @param maxOutputTokens {@code maxTokens} of every triage call; default 1024, at least 64. Bedrock reserves the
 *     input tokens plus this against the tokens-per-minute quota when a call starts, so a lower value lets more calls
 *     run at once; too low cuts answers off, which fails the call as an invalid answer
 * @param callTimeout how long one call may take, from sending to the last byte of the answer (the SDK's API call
 *     attempt timeout, and its API call timeout, since there is a single attempt); default 20 s
 * @param endpointOverride another endpoint than the region's Bedrock Runtime endpoint, for example a VPC endpoint
 *     or a local simulator ({@code http://127.0.0.1:8089}); default none
 * @param maxConcurrency the most calls in flight at once through the HTTP client both models share (more wait for a
 *     connection); default {@value #DEFAULT_MAX_CONCURRENCY}, the two guards' default {@code max-concurrency} together.
 *     Keep it at least the sum of both models' {@code max-concurrency}, so the guard, not the pool, limits (the SDK's
 *     own default of 50 capped both models together at 50 calls in flight)
 * @param prices USD per 1,000 input and output tokens by model id, for the cost metric; default
 *     {@link ModelPriceTable#defaults()}. Setting it replaces the whole table, which must price both model ids
 */
public record BedrockSettings(
        String region,
        String embeddingModelId,
        Integer embeddingDimensions,
        String triageModelId,
        Integer maxOutputTokens,
        Duration callTimeout,
        URI endpointOverride,
        Integer maxConcurrency,
        Map<String, ModelPrice> prices) {

    /** The default HTTP pool: room for both guards at their default {@code max-concurrency} of 128. */
    public static final int DEFAULT_MAX_CONCURRENCY = 256;

    public static final String DEFAULT_EMBEDDING_MODEL_ID = "amazon.titan-embed-text-v2:0";
    public static final String DEFAULT_TRIAGE_MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";

    /** Titan Text Embeddings v2 offers exactly these vector lengths. */
    public static final Set<Integer> EMBEDDING_DIMENSIONS = Set.of(256, 512, 1024);

    private static final String PREFIX = "ticketflow.model.bedrock.";
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final int MIN_OUTPUT_TOKENS = 64;

    public BedrockSettings {
        if (region != null && !REGION.matcher(region).matches()) {
            throw invalid("region", "must be an AWS region such as eu-central-1, was '" + region + "'");
        }
        embeddingModelId = notBlank("embedding-model-id", embeddingModelId, DEFAULT_EMBEDDING_MODEL_ID);
        embeddingDimensions = embeddingDimensions == null ? 1024 : embeddingDimensions;
        if (!EMBEDDING_DIMENSIONS.contains(embeddingDimensions)) {
            throw invalid("embedding-dimensions", "must be 256, 512 or 1024, was " + embeddingDimensions);
        }
        triageModelId = notBlank("triage-model-id", triageModelId, DEFAULT_TRIAGE_MODEL_ID);
        maxOutputTokens = maxOutputTokens == null ? 1024 : maxOutputTokens;
        if (maxOutputTokens < MIN_OUTPUT_TOKENS) {
            throw invalid("max-output-tokens", "must be at least " + MIN_OUTPUT_TOKENS + ", was " + maxOutputTokens);
        }
        callTimeout = callTimeout == null ? Duration.ofSeconds(20) : callTimeout;
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw invalid("call-timeout", "must be positive, was " + callTimeout);
        }
        if (endpointOverride != null && !isHttpUrl(endpointOverride)) {
            throw invalid("endpoint-override", "must be an http or https URL with a host, was " + endpointOverride);
        }
        maxConcurrency = maxConcurrency == null ? DEFAULT_MAX_CONCURRENCY : maxConcurrency;
        if (maxConcurrency < 1) {
            throw invalid("max-concurrency", "must be at least 1, was " + maxConcurrency);
        }
        prices = prices == null ? ModelPriceTable.defaults().prices() : Map.copyOf(prices);
        for (String modelId : List.of(embeddingModelId, triageModelId)) {
            if (!prices.containsKey(modelId)) {
                throw invalid("prices", "has no price for model " + modelId + ": price every model the adapter calls");
            }
        }
    }

    /** The defaults, with the SDK's region chain. */
    public static BedrockSettings defaults() {
        return new BedrockSettings(null, null, null, null, null, null, null, null, null);
    }

    /** The region, when one is set. */
    public Optional<String> configuredRegion() {
        return Optional.ofNullable(region);
    }

    /** The endpoint override, when one is set. */
    public Optional<URI> configuredEndpointOverride() {
        return Optional.ofNullable(endpointOverride);
    }

    /** {@link #prices()} as a table. */
    public ModelPriceTable priceTable() {
        return new ModelPriceTable(prices);
    }

    private static String notBlank(String setting, String value, String defaultValue) {
        String resolved = value == null ? defaultValue : value;
        if (resolved.isBlank()) {
            throw invalid(setting, "must not be blank");
        }
        return resolved;
    }

    private static boolean isHttpUrl(URI uri) {
        return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    }

    private static IllegalArgumentException invalid(String setting, String problem) {
        return new IllegalArgumentException(PREFIX + setting + " " + problem);
    }
}
