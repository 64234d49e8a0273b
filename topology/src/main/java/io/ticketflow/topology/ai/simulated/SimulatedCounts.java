package io.ticketflow.topology.ai.simulated;

/**
 * What a simulated model has been asked so far. Each call counts in exactly one outcome as soon as it is decided, so
 * while no call is being made, {@code calls == succeeded + throttled + failed}.
 *
 * @param calls calls made
 * @param succeeded calls answered (or, for the latest ones, about to be)
 * @param throttled calls refused for quota: beyond the simulated quota, or at random
 * @param failed calls failed as unavailable, at random
 */
public record SimulatedCounts(long calls, long succeeded, long throttled, long failed) {}
