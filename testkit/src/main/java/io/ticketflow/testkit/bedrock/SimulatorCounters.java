package io.ticketflow.testkit.bedrock;

/**
 * What the simulator has answered since it started: a snapshot, each count taken on its own (under concurrent calls
 * the counts may be a moment apart).
 *
 * @param requests every request received, answered or not
 * @param throttled answered with HTTP 429 {@code ThrottlingException} by a requests- or tokens-per-minute quota
 * @param faults answered with an injected {@link ServerFault}
 * @param malformed answered with an injected {@link MalformedAnswer}
 * @param slow delayed by the slow-response delay instead of the latency
 * @param invalid refused with HTTP 400 {@code ValidationException} or 404 because the request itself was wrong
 * @param tokens tokens the calls that passed the quotas kept from the tokens-per-minute quota: their input tokens plus
 *     the output tokens they answered with (a reservation's unused part goes back), counted when each call ends
 */
public record SimulatorCounters(
        long requests, long throttled, long faults, long malformed, long slow, long invalid, long tokens) {

    /** Requests that passed the quotas: every request but those throttled or refused as invalid. */
    public long admitted() {
        return requests - throttled - invalid;
    }
}
