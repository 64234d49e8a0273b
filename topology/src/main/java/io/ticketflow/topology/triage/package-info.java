/**
 * The {@code triage} stage: the triage model assesses each ticket (priority, category, confidence, summary, solution
 * steps), on the async processor; when the model is unavailable the ticket goes on untriaged, flagged for a human.
 */
package io.ticketflow.topology.triage;
