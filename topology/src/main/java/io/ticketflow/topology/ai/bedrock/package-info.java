/**
 * The {@code bedrock} model adapter: {@link io.ticketflow.topology.ai.bedrock.BedrockEmbeddingModel} (Titan Text
 * Embeddings v2 through InvokeModel) and {@link io.ticketflow.topology.ai.bedrock.BedrockTriageModel} (a chat model
 * through Converse, answering with one forced tool whose schema is the triage), both on the AWS SDK v2's non-blocking
 * {@code BedrockRuntimeAsyncClient}, created together by {@link io.ticketflow.topology.ai.bedrock.BedrockModels} from
 * {@link io.ticketflow.topology.ai.bedrock.BedrockSettings}.
 *
 * <p>The SDK makes every call exactly once; the quota guard in front of the models retries. Failures reach callers as
 * {@link io.ticketflow.topology.ai.ModelException}s; answers are validated strictly before they do. Token usage and
 * its cost ({@link io.ticketflow.topology.ai.bedrock.ModelPriceTable}) are Micrometer counters
 * {@code ticketflow.model.tokens} and {@code ticketflow.model.cost}. The prompt is in
 * {@code prompts/triage-system.txt}, {@code prompts/triage-user.txt} and {@code prompts/triage-tool-schema.json} on the
 * classpath.
 */
package io.ticketflow.topology.ai.bedrock;
