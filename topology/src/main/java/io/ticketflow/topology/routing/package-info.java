/**
 * The {@code route} stage: the review policy ({@code ticketflow.review.*}) decides whether a triaged ticket goes
 * straight to {@code tickets.enriched} (auto-approved) or to a human reviewer, and why ({@code ReviewReason}s).
 */
package io.ticketflow.topology.routing;
