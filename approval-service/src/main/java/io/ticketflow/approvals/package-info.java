/**
 * The approval service: a Kafka Streams application that is the single writer of approval state (package
 * {@code ledger}), the reactive HTTP API over it ({@code api}, {@code query}), ticket whereabouts ({@code status}),
 * security ({@code security}) and the start-up of the Kafka parts ({@code runtime}).
 */
package io.ticketflow.approvals;
