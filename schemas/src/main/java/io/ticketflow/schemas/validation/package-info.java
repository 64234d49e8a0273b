/**
 * Validation of event payloads against their JSON Schemas, for stages that must reject bad input before reading it
 * into records (the ingest stage on every upstream record). Thread-safe: compiled schemas are shared and immutable.
 */
package io.ticketflow.schemas.validation;
