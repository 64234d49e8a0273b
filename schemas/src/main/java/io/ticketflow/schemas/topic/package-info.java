/**
 * Every ticketflow topic, declared once as an immutable typed descriptor: name, key serde and value serde.
 */
package io.ticketflow.schemas.topic;
