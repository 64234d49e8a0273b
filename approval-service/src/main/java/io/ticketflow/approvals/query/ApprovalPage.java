package io.ticketflow.approvals.query;

import io.ticketflow.approvals.ledger.Approval;
import java.util.List;

/**
 * One page of approvals.
 *
 * @param items the approvals, in the order asked for
 * @param nextCursor pass as {@code cursor} for the next page; {@code null} when there is none
 */
public record ApprovalPage(List<Approval> items, String nextCursor) {}
