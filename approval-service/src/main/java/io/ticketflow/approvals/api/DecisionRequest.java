package io.ticketflow.approvals.api;

import io.ticketflow.schemas.Decision;
import io.ticketflow.schemas.TriageEdits;

/**
 * The body of {@code POST /approvals/{id}/decision}. The reviewer is not part of it: it comes from the token.
 *
 * @param decision {@code APPROVE}, {@code REJECT} or {@code EDIT}
 * @param edits corrected priority, category and/or duplicate link; required for {@code EDIT} (at least one), refused
 *     otherwise
 * @param comment optional, at most {@value RequestChecks#MAX_COMMENT} characters
 * @param expectedVersion the approval's {@code version} as the reviewer saw it
 */
public record DecisionRequest(Decision decision, TriageEdits edits, String comment, Long expectedVersion) {}
