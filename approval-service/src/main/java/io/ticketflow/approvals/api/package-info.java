/**
 * The HTTP API: decisions ({@code POST /approvals/{id}/decision}), reads of the ledger, server-sent events and
 * ticket whereabouts. Errors are {@code application/problem+json}; bad input is a 4xx, never a 500.
 */
package io.ticketflow.approvals.api;
