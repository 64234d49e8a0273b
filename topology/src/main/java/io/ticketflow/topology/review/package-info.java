/**
 * Human review inside the topology: {@code park} holds a ticket that needs review in the changelogged
 * {@code review-parked} store and requests an approval on {@code approvals.requested}; {@code apply-decision} applies
 * each decision from {@code approvals.decided} to the parked ticket and releases it, with its review and the
 * AI-versus-human divergence, towards {@code tickets.enriched}.
 */
package io.ticketflow.topology.review;
