/**
 * The event contracts of ticketflow: one record per event on a topic, mirroring the JSON Schema files under
 * {@code /schemas} on the classpath, which are the contract.
 *
 * <p>Records are immutable. Collections are never {@code null} (absent means empty); other components documented as
 * optional are {@code null} when absent and omitted from JSON. Every other component is required: the canonical
 * constructor rejects {@code null} for it, as the schema lists it under {@code required}. Times are UTC instants,
 * written as ISO-8601 strings. Consumers must ignore unknown fields: adding an optional field is a compatible change.
 */
package io.ticketflow.schemas;
