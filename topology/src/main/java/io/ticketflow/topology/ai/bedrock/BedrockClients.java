package io.ticketflow.topology.ai.bedrock;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;

/** Builds the one Bedrock Runtime client both models share. Stateless. */
final class BedrockClients {

    private BedrockClients() {}

    /**
     * An async (Netty, non-blocking) client for {@code settings}:
     *
     * <ul>
     *   <li><b>no SDK retries</b> (the standard strategy with {@code maxAttempts} 1): the quota guard in front of the
     *       models retries with backoff and jitter, honours {@code Retry-After} and counts every attempt against its
     *       budget and circuit breaker. SDK retries underneath would multiply attempts unseen (the SDK's default is
     *       3–4 attempts) and spend quota the guard does not know about;
     *   <li>{@code callTimeout} as the API call attempt timeout (and the API call timeout, there being one attempt);
     *   <li>HTTP/1.1 when the endpoint is plain {@code http} (a simulator, a proxy): the client's default HTTP/2 needs
     *       TLS negotiation and fails against a plain endpoint ("First received frame was not SETTINGS"), where it can
     *       also hang. Against Bedrock's own https endpoints the SDK's default stands.
     * </ul>
     *
     * The client owns its HTTP client and closes it; it does not close {@code credentials}.
     */
    static BedrockRuntimeAsyncClient create(BedrockSettings settings, AwsCredentialsProvider credentials) {
        NettyNioAsyncHttpClient.Builder http =
                NettyNioAsyncHttpClient.builder().maxConcurrency(settings.maxConcurrency());
        settings.configuredEndpointOverride()
                .filter(endpoint -> "http".equals(endpoint.getScheme()))
                .ifPresent(endpoint -> http.protocol(Protocol.HTTP1_1));
        BedrockRuntimeAsyncClientBuilder client = BedrockRuntimeAsyncClient.builder()
                .httpClientBuilder(http)
                .credentialsProvider(credentials)
                .overrideConfiguration(
                        override -> override.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                        .maxAttempts(1)
                                        .build())
                                .apiCallAttemptTimeout(settings.callTimeout())
                                .apiCallTimeout(settings.callTimeout()));
        settings.configuredRegion().map(Region::of).ifPresent(client::region);
        settings.configuredEndpointOverride().ifPresent(client::endpointOverride);
        return client.build();
    }
}
