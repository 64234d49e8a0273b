package io.ticketflow.approvals.config;

import static io.ticketflow.approvals.config.Settings.atLeast;
import static io.ticketflow.approvals.config.Settings.orDefault;
import static io.ticketflow.approvals.config.Settings.positive;

import io.ticketflow.schemas.ExpiryOutcome;
import java.time.Duration;

/**
 * How decisions, expiry and listing behave ({@code ticketflow.approvals.*}).
 *
 * @param decisionWait how long {@code POST /approvals/{id}/decision} waits for the ledger's answer before it answers
 *     202 with a {@code Location}; default 5 s
 * @param expiryCheckInterval how often (wall-clock) each ledger task looks for pending approvals past
 *     {@code expiresAt}; default 1 s
 * @param expiryOutcome what an expired approval becomes: {@code APPLY_SUGGESTION} (default: the AI suggestion
 *     stands, marked unreviewed) or {@code ESCALATE}
 * @param maxPageSize the largest page {@code GET /approvals} returns; default 200
 * @param maxScan how many ledger entries one {@code GET /approvals} examines at most for its filters before it
 *     returns a short page with a cursor to go on; default 10000
 */
public record ApprovalSettings(
        Duration decisionWait,
        Duration expiryCheckInterval,
        ExpiryOutcome expiryOutcome,
        Integer maxPageSize,
        Integer maxScan) {

    public ApprovalSettings {
        decisionWait = positive("approvals.decision-wait", decisionWait, Duration.ofSeconds(5));
        expiryCheckInterval = positive("approvals.expiry-check-interval", expiryCheckInterval, Duration.ofSeconds(1));
        expiryOutcome = orDefault(expiryOutcome, ExpiryOutcome.APPLY_SUGGESTION);
        maxPageSize = atLeast("approvals.max-page-size", maxPageSize, 200, 1);
        maxScan = atLeast("approvals.max-scan", maxScan, 10_000, 1);
    }
}
