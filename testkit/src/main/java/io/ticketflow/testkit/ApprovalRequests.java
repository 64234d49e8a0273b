package io.ticketflow.testkit;

import io.ticketflow.schemas.ApprovalRequested;
import io.ticketflow.schemas.DuplicateCandidate;
import io.ticketflow.schemas.DuplicateLink;
import io.ticketflow.schemas.DuplicateVerdict;
import io.ticketflow.schemas.Priority;
import io.ticketflow.schemas.Reporter;
import io.ticketflow.schemas.ReviewReason;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.TokenUsage;
import io.ticketflow.schemas.Triage;
import io.ticketflow.schemas.TriageSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code approvals.requested} events as the topology's routing stage writes them, for tests and benchmarks of the
 * approval service: a possible duplicate with a low-confidence AI suggestion.
 */
public final class ApprovalRequests {

    private ApprovalRequests() {}

    /**
     * An approval request for {@code ticketId} of {@code tenant}, requested at {@code requestedAt} and expiring
     * {@code expiresIn} later.
     */
    public static ApprovalRequested request(String ticketId, String tenant, Instant requestedAt, Duration expiresIn) {
        TicketIngested ticket = new TicketIngested(
                1,
                ticketId,
                tenant,
                "servicedesk",
                "VPN drops every five minutes (" + ticketId + ")",
                "Since this morning the VPN client disconnects every five minutes.",
                new Reporter("u-42", "Ada Lovelace", "ada@example.com"),
                requestedAt.minusSeconds(30),
                Map.of());
        Triage suggestion = new Triage(
                Priority.P2,
                "network",
                0.41,
                "The VPN tunnel resets periodically.",
                List.of("Check the client version", "Renew the certificate"),
                45,
                TriageSource.MODEL,
                "local",
                TokenUsage.NONE);
        DuplicateLink duplicate = new DuplicateLink(
                DuplicateVerdict.POSSIBLE_DUPLICATE,
                "TCK-0999",
                0.84,
                List.of(new DuplicateCandidate("TCK-0999", 0.84, "VPN keeps disconnecting")));
        return new ApprovalRequested(
                ApprovalRequested.CURRENT_SCHEMA_VERSION,
                "apr-" + ticketId,
                ticketId,
                tenant,
                ticket,
                suggestion,
                duplicate,
                List.of(ReviewReason.LOW_CONFIDENCE, ReviewReason.POSSIBLE_DUPLICATE),
                requestedAt,
                requestedAt.plus(expiresIn));
    }
}
