package io.ticketflow.schemas;

/**
 * A reviewer's corrections of the AI suggestion; each component is {@code null} when left unchanged.
 *
 * @param priority corrected priority
 * @param category corrected category
 * @param duplicateOf corrected duplicate link: the id of the original ticket
 */
public record TriageEdits(Priority priority, String category, String duplicateOf) {}
