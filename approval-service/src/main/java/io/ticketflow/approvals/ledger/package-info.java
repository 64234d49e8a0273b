/**
 * The approvals ledger: a Kafka Streams sub-topology that is the single writer of approval state.
 *
 * <p>Approvals are keyed by ticket id. {@code approvals.requested} and {@code approvals.commands} are co-partitioned,
 * so one task owns every approval of a partition and applies its requests, decisions and expiries one at a time, in
 * partition order, under {@code exactly_once_v2}: a decision's state change, its {@code ApprovalDecided} and its
 * {@link io.ticketflow.approvals.ledger.LedgerEvent} commit together or not at all. The first valid decision wins;
 * everything after it is refused and changes nothing.
 */
package io.ticketflow.approvals.ledger;
