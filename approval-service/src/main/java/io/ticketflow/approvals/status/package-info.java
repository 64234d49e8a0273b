/**
 * Where a ticket is: a small store keyed by ticket id, fed by the pipeline's topics, that only moves forward
 * (in flight, awaiting review, decided, then enriched or dead-lettered).
 */
package io.ticketflow.approvals.status;
