package io.ticketflow.topology.ai.bedrock;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The {@code bedrock} adapter's entry point: both models on one shared {@link BedrockRuntimeAsyncClient}, and the
 * resources they hold.
 *
 * <p><b>No SDK retries.</b> The client makes every call exactly once ({@code maxAttempts} 1). Retrying belongs to the
 * quota guard in front of the models, which backs off with jitter, honours {@code Retry-After}, and counts each attempt
 * for its budget and circuit breaker; retries inside the SDK would multiply attempts the guard cannot see and spend
 * quota it does not know about. A throttled call therefore fails at once as {@code THROTTLED}.
 *
 * <p><b>Lifecycle.</b> Create once at start-up, share the models, {@link #close()} at shutdown: it closes the client
 * (and its Netty event loops and connections) and the credentials provider it created. Calls still in flight then
 * fail as {@code UNAVAILABLE}. Thread-safe.
 */
public final class BedrockModels implements AutoCloseable {

    private final BedrockRuntimeAsyncClient client;
    private final SdkAutoCloseable ownedCredentials;
    private final BedrockEmbeddingModel embeddingModel;
    private final BedrockTriageModel triageModel;

    private BedrockModels(
            BedrockRuntimeAsyncClient client,
            SdkAutoCloseable ownedCredentials,
            BedrockSettings settings,
            List<String> categories,
            MeterRegistry registry) {
        this.client = client;
        this.ownedCredentials = ownedCredentials;
        this.embeddingModel = new BedrockEmbeddingModel(client, settings, registry);
        this.triageModel = new BedrockTriageModel(client, settings, categories, registry);
    }

    /**
     * The models with credentials from the AWS SDK's default provider chain: on EKS the pod's IAM role (IRSA web
     * identity, or EKS Pod Identity), elsewhere the environment, a profile or the instance role. No key is ever read
     * from a ticketflow setting or file.
     *
     * @param categories the categories a triage may choose ({@code ticketflow.model.categories}), in prompt order
     *
     * @throws software.amazon.awssdk.core.exception.SdkClientException if the settings name no region and the SDK's
     *     region chain finds none
     */
    public static BedrockModels create(BedrockSettings settings, List<String> categories, MeterRegistry registry) {
        DefaultCredentialsProvider credentials =
                DefaultCredentialsProvider.builder().build();
        try {
            return new BedrockModels(
                    BedrockClients.create(settings, credentials), credentials, settings, categories, registry);
        } catch (RuntimeException e) {
            credentials.close();
            throw e;
        }
    }

    /**
     * The models with the given credentials, which the caller keeps and closes (tests use a
     * {@code StaticCredentialsProvider} with dummy keys against a simulator).
     */
    public static BedrockModels create(
            BedrockSettings settings,
            List<String> categories,
            MeterRegistry registry,
            AwsCredentialsProvider credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return new BedrockModels(
                BedrockClients.create(settings, credentials), () -> {}, settings, categories, registry);
    }

    /** The embeddings model; valid until {@link #close()}. */
    public BedrockEmbeddingModel embeddingModel() {
        return embeddingModel;
    }

    /** The triage model; valid until {@link #close()}. */
    public BedrockTriageModel triageModel() {
        return triageModel;
    }

    /** Closes the shared client and the credentials provider this created. Idempotent. */
    @Override
    public void close() {
        try {
            client.close();
        } finally {
            ownedCredentials.close();
        }
    }
}
