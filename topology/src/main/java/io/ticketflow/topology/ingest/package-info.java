/**
 * The {@code ingest} stage: reads raw upstream records, rejects what cannot be processed (to the dead-letter topic,
 * with the reason) and normalises the rest into the ticket every later stage sees.
 */
package io.ticketflow.topology.ingest;
