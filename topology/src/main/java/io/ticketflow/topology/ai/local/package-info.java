/**
 * The {@code local} model, the embedded default: runs in-process with no network, no keys and nothing downloaded at
 * run time.
 *
 * <p>{@link io.ticketflow.topology.ai.local.LocalModels#create} builds both ports from
 * {@link io.ticketflow.topology.config.LocalModelSettings}: {@link io.ticketflow.topology.ai.local.LocalEmbeddingModel}
 * (all-MiniLM-L6-v2, quantised ONNX, 384 dimensions, from a Maven Central jar) and
 * {@link io.ticketflow.topology.ai.local.LocalTriageModel} (category by
 * {@link io.ticketflow.topology.ai.local.CategoryClassifier}, trained on labelled tickets, priority by
 * {@link io.ticketflow.topology.ai.local.PriorityRules}, steps from the
 * {@link io.ticketflow.topology.ai.local.Playbook}). Both run their work on a bounded pool of inference threads the
 * models own, and complete their stages there.
 */
package io.ticketflow.topology.ai.local;
