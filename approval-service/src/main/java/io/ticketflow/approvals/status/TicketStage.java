package io.ticketflow.approvals.status;

/** Where a ticket is, in the order a ticket passes these places. */
public enum TicketStage {
    /** Ingested; somewhere in the topology. */
    IN_FLIGHT(0),
    /** Parked, waiting for a reviewer. */
    AWAITING_REVIEW(1),
    /** A reviewer decided (or the approval expired); the topology is applying it. */
    DECIDED(2),
    /** Left the pipeline on {@code tickets.enriched}. */
    ENRICHED(3),
    /** Left the pipeline on {@code tickets.dlq}. */
    DEAD_LETTERED(3);

    private final int rank;

    TicketStage(int rank) {
        this.rank = rank;
    }

    /**
     * Whether a ticket at this stage may move to {@code next}. Topics are read independently, so a later stage's
     * record can arrive first; the status never goes back. A ticket re-sent after leaving starts over.
     */
    boolean mayMoveTo(TicketStage next) {
        return next.rank >= rank || rank == 3 && next == IN_FLIGHT;
    }
}
