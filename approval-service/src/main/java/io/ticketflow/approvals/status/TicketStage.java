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
     * record can arrive first (a ticket's dead-letter record before its ingestion): the status never goes back, except
     * that a ticket re-sent after it left starts over — told apart by time, its new ingestion being {@code later} than
     * its leaving.
     *
     * @param later whether the record moving it to {@code next} is later than the one that moved it here
     */
    boolean mayMoveTo(TicketStage next, boolean later) {
        return next.rank >= rank || rank == 3 && next == IN_FLIGHT && later;
    }
}
