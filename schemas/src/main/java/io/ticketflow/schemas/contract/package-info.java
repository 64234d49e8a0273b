/**
 * Where the JSON Schema of each event lives: its {@code $id}, its current classpath resource and its frozen released
 * versions. The validator, the compatibility checker and build tooling find schemas here, never by hand-written paths.
 */
package io.ticketflow.schemas.contract;
