/**
 * Guards around the model ports: {@link io.ticketflow.topology.ai.guard.GuardedEmbeddingModel} and
 * {@link io.ticketflow.topology.ai.guard.GuardedTriageModel} decorate an adapter so that one JVM stays within its share
 * of the account quota, retries what may succeed later, and stops calling a failing model.
 *
 * <p><b>Layers, per model per JVM</b> (the settings are {@link io.ticketflow.topology.config.ModelLimits}):
 *
 * <ol>
 *   <li>a requests-per-minute and a tokens-per-minute token bucket (Bucket4j); tokens are reserved from the port's
 *       estimate before each attempt and settled with the usage the model reports;
 *   <li>an adaptive concurrency limit (Netflix concurrency-limits, AIMD in windows): it shrinks when the model
 *       throttles and grows while attempts succeed, so instances sharing one quota converge on it without talking;
 *       a call waiting for its retry keeps its permit, so a throttled answer never makes room for the next call;
 *   <li>a circuit breaker (Resilience4j) over the failure rate of recent attempts; while open, calls fail at once;
 *   <li>a per-attempt timeout (Resilience4j TimeLimiter);
 *   <li>retries of retryable failures (Resilience4j Retry's policy) with exponential backoff and full jitter, honouring
 *       the model's Retry-After, within a time budget per call.
 * </ol>
 *
 * <p><b>Threads.</b> Nothing here blocks: a call waiting for budget, concurrency or a retry delay waits in the guard's
 * queue or on its scheduler, never on the caller's thread, which only enqueues. Results complete on the scheduler's
 * or the model's threads.
 *
 * <p><b>Accounting.</b> This is the only retry loop: adapters make one attempt per call (the AWS SDK is configured
 * with one attempt), so a call makes at most {@code maxAttempts} requests (retries = attempts - 1), and each passes
 * the budget, the concurrency limit and the breaker like a new call. The failures the async stage falls back on are
 * those {@link io.ticketflow.topology.ai.guard.CallOutcome} names.
 */
package io.ticketflow.topology.ai.guard;
