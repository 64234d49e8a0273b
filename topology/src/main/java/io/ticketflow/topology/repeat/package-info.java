/**
 * The {@code repeat} stage: exact repeats (the same normalised text within a tenant, whether re-sent under the same id
 * or another) are recognised by a content hash before any model is called, and answered from the stored result of the
 * first ticket with that content.
 */
package io.ticketflow.topology.repeat;
