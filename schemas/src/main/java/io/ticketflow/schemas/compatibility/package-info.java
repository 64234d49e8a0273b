/**
 * Compatibility of event schema versions: which changes between an old and a new JSON Schema break the consumers or
 * producers of an event. Main code rather than test code so that build tooling (a release check, a pre-merge job) can
 * run the same rules the tests run. Everything here is immutable and thread-safe.
 */
package io.ticketflow.schemas.compatibility;
