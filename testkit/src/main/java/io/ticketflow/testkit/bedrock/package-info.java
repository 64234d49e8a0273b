/**
 * A Bedrock Runtime wire-protocol simulator: {@link io.ticketflow.testkit.bedrock.BedrockSimulator}, a local HTTP
 * server that answers InvokeModel (Titan Text Embeddings v2) and Converse (tool use) as Bedrock does, with
 * deterministic answers, a latency distribution ({@link io.ticketflow.testkit.bedrock.Latency}), requests- and
 * tokens-per-minute quotas, and injected faults ({@link io.ticketflow.testkit.bedrock.ServerFault},
 * {@link io.ticketflow.testkit.bedrock.MalformedAnswer}, slow answers). Tests point the AWS SDK's
 * {@code endpointOverride} at it; the local stack runs it standalone.
 *
 * <p>Public API: the simulator, its builder, and the value types it takes and reports
 * ({@link io.ticketflow.testkit.bedrock.SimulatorCounters}, {@link io.ticketflow.testkit.bedrock.ReceivedRequest}).
 * Package-private classes implement the answers and may change without notice.
 */
package io.ticketflow.testkit.bedrock;
