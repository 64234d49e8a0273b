package io.ticketflow.approvals.query;

import io.ticketflow.approvals.ledger.Approval;
import io.ticketflow.approvals.ledger.ApprovalStatus;
import io.ticketflow.schemas.ReviewReason;

/**
 * What {@code GET /approvals} asks for.
 *
 * @param status only approvals with this status; {@code null} for all
 * @param tenant only this tenant's; {@code null} for all
 * @param category only those whose AI suggestion has this category; {@code null} for all
 * @param reason only those needing review for this reason; {@code null} for all
 * @param newestFirst order by request time, newest first ({@code false}: oldest first)
 * @param limit page size, at least 1
 * @param after where the previous page ended ({@link Cursor}); {@code null} for the first page
 */
public record ListQuery(
        ApprovalStatus status,
        String tenant,
        String category,
        ReviewReason reason,
        boolean newestFirst,
        int limit,
        Cursor after) {

    boolean matches(Approval approval) {
        return (tenant == null || tenant.equals(approval.request().tenant()))
                && (category == null
                        || approval.request().suggestion() != null
                                && category.equals(
                                        approval.request().suggestion().category()))
                && (reason == null || approval.request().reasons().contains(reason));
    }
}
