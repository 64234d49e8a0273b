package io.ticketflow.approvals.api;

import io.ticketflow.schemas.Decision;
import io.ticketflow.schemas.TriageEdits;

/** Checks of client input; each failure is a 400 naming what is wrong. */
final class RequestChecks {

    static final int MAX_ID = 256;
    static final int MAX_COMMENT = 4_000;
    static final int MAX_IDEMPOTENCY_KEY = 200;
    static final int MAX_EDIT_FIELD = 256;

    private RequestChecks() {}

    /** A ticket id from a path: 1–256 characters, no control characters. */
    static String ticketId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID || id.chars().anyMatch(Character::isISOControl)) {
            throw Problems.badRequest(
                    "the ticket id must be 1 to " + MAX_ID + " characters without control characters");
        }
        return id;
    }

    /** The reviewer recorded on a decision: the token's subject, which must be there. */
    static String reviewer(String subject) {
        if (subject == null || subject.isBlank()) {
            throw Problems.badRequest("the bearer token has no subject (sub) to record as the reviewer");
        }
        return subject;
    }

    static String idempotencyKey(String key) {
        if (key == null || key.isBlank()) {
            throw Problems.badRequest("the Idempotency-Key header is required");
        }
        if (key.length() > MAX_IDEMPOTENCY_KEY || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw Problems.badRequest(
                    "the Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY + " visible ASCII characters");
        }
        return key;
    }

    static DecisionRequest decision(DecisionRequest body) {
        if (body == null) {
            throw Problems.badRequest("a JSON body with decision and expectedVersion is required");
        }
        if (body.decision() == null || body.decision() == Decision.EXPIRED) {
            throw Problems.badRequest("decision must be APPROVE, REJECT or EDIT");
        }
        if (body.expectedVersion() == null || body.expectedVersion() < 1) {
            throw Problems.badRequest("expectedVersion (the approval's version you saw, at least 1) is required");
        }
        if (body.comment() != null && body.comment().length() > MAX_COMMENT) {
            throw Problems.badRequest("comment must be at most " + MAX_COMMENT + " characters");
        }
        if (body.decision() == Decision.EDIT) {
            checkEdits(body.edits());
        } else if (body.edits() != null) {
            throw Problems.badRequest("edits are only taken with decision EDIT");
        }
        return body;
    }

    private static void checkEdits(TriageEdits edits) {
        if (edits == null || edits.priority() == null && isBlank(edits.category()) && isBlank(edits.duplicateOf())) {
            throw Problems.badRequest("EDIT needs edits with at least one of priority, category, duplicateOf");
        }
        if (tooLong(edits.category()) || tooLong(edits.duplicateOf())) {
            throw Problems.badRequest(
                    "edits.category and edits.duplicateOf must be at most " + MAX_EDIT_FIELD + " characters");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean tooLong(String value) {
        return value != null && value.length() > MAX_EDIT_FIELD;
    }
}
