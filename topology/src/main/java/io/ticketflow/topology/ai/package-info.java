/**
 * The model ports of the pipeline: {@link io.ticketflow.topology.ai.EmbeddingModel} and
 * {@link io.ticketflow.topology.ai.TriageModel}, and how a model call fails ({@link io.ticketflow.topology.ai.ModelException}).
 *
 * <p>Adapters live in sub-packages, one per provider ({@code bedrock}, {@code local}, {@code simulated}). Every port
 * method is non-blocking: it returns a stage at once and completes it on another thread; the async stage forwards
 * results on the stream thread. Implementations are thread-safe.
 */
package io.ticketflow.topology.ai;
