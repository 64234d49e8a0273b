/**
 * The {@code dedup} stage: near-duplicate detection per dedup scope (tenant). Tickets arrive keyed by scope, so one
 * task is the single writer of a scope's possible originals in the changelogged {@link
 * io.ticketflow.topology.dedup.DedupStore}; an in-memory {@link io.ticketflow.topology.dedup.DuplicateIndex} (Lucene
 * HNSW over the embeddings, word statistics and an inverted index of the words) is rebuilt from it on every task
 * start. {@link io.ticketflow.topology.dedup.DuplicateDecision} turns the best matches into a verdict; {@link
 * io.ticketflow.topology.dedup.RememberTriageProcessor} feeds triage results back so duplicates can reuse them.
 * {@link io.ticketflow.topology.dedup.DedupMetrics} counts verdicts and reports each task's index size and rebuild
 * time.
 */
package io.ticketflow.topology.dedup;
