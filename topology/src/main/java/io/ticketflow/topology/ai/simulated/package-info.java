/**
 * The {@code simulated} model provider: deterministic, in-process implementations of both model ports
 * ({@link io.ticketflow.topology.ai.simulated.SimulatedModels}) with configurable latency, faults and an account quota
 * of their own, so that the pipeline runs end to end, and the guards of {@code ai.guard} can be tested and
 * benchmarked, without a provider.
 *
 * <p>Answers derive from the text alone (a hashed bag of words; keyword rules), latencies and faults from the seed and
 * the call's place in the sequence. Every call completes on the given scheduler, never on the caller's thread.
 *
 * <p>It lives in the topology's main code rather than in {@code testkit} (where the issue put it) because it
 * implements the topology's ports: {@code testkit} would need the topology, whose tests already need {@code testkit},
 * a dependency cycle. Nothing selects it in production unless configured.
 */
package io.ticketflow.topology.ai.simulated;
