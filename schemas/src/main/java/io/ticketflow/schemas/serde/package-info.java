/**
 * JSON serialisation of ticketflow events with Jackson 3: one configured mapper and a Kafka {@code Serde} per event
 * type. Serdes are thread-safe and stateless.
 */
package io.ticketflow.schemas.serde;
