package io.ticketflow.schemas;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One fully populated and one minimal instance of every event. Fully populated: every optional component set and every
 * collection non-empty, so that walking it reaches every part of the contract. Minimal: required components only.
 */
public final class EventFixtures {

    private static final Instant CREATED = Instant.parse("2026-11-03T15:10:00.123456789Z");
    private static final Instant LATER = Instant.parse("2026-11-03T15:12:30Z");

    private EventFixtures() {}

    public static TicketIngested fullTicket() {
        return new TicketIngested(
                1,
                "TCK-1001",
                "acme.eu",
                "servicedesk",
                "VPN drops every five minutes",
                "Since this morning the VPN client disconnects every five minutes.",
                new Reporter("u-42", "Ada Lovelace", "ada@example.com"),
                CREATED,
                Map.of("channel", "email", "region", "eu-west-1"));
    }

    public static TicketIngested minimalTicket() {
        return new TicketIngested(
                1,
                "TCK-1002",
                "acme",
                "monitoring",
                "Disk full",
                "",
                new Reporter("u-7", null, null),
                CREATED,
                Map.of());
    }

    public static Triage fullTriage() {
        return new Triage(
                Priority.P2,
                "network",
                0.87,
                "The VPN tunnel resets periodically.",
                List.of("Check the client version", "Renew the certificate"),
                45,
                TriageSource.MODEL,
                "anthropic.claude-3-haiku-20240307-v1:0",
                new TokenUsage(812, 164));
    }

    public static DuplicateLink fullDuplicate() {
        return new DuplicateLink(
                DuplicateVerdict.POSSIBLE_DUPLICATE,
                "TCK-0999",
                0.84,
                List.of(
                        new DuplicateCandidate("TCK-0999", 0.84, "VPN disconnects"),
                        new DuplicateCandidate("TCK-0950", -0.12, "Printer jam")));
    }

    public static TriageEdits fullEdits() {
        return new TriageEdits(Priority.P1, "network", "TCK-0999");
    }

    public static TicketEnriched fullEnriched() {
        Review review = new Review(
                ReviewOutcome.EDITED,
                List.of(ReviewReason.LOW_CONFIDENCE, ReviewReason.POSSIBLE_DUPLICATE),
                "apr-1",
                "reviewer@acme.eu",
                LATER,
                "Same outage as yesterday",
                fullEdits(),
                true,
                // Every component populated so round trips cover it; a real EDITED review has no expiry outcome.
                ExpiryOutcome.ESCALATE);
        List<StageRecord> audit = List.of(
                new StageRecord("ingest", CREATED, List.of("DESCRIPTION_TRUNCATED"), Map.of("originalLength", "12000")),
                StageRecord.passed("triage", LATER));
        return new TicketEnriched(2, fullTicket(), fullTriage(), fullDuplicate(), review, audit, LATER);
    }

    public static TicketEnriched minimalEnriched() {
        return new TicketEnriched(1, minimalTicket(), null, null, null, List.of(), null);
    }

    public static ApprovalRequested fullApprovalRequested() {
        return new ApprovalRequested(
                1,
                "apr-1",
                "TCK-1001",
                "acme.eu",
                fullTicket(),
                fullTriage(),
                fullDuplicate(),
                List.of(ReviewReason.LOW_CONFIDENCE, ReviewReason.POSSIBLE_DUPLICATE),
                CREATED,
                LATER);
    }

    public static ApprovalRequested minimalApprovalRequested() {
        return new ApprovalRequested(
                1,
                "apr-2",
                "TCK-1002",
                "acme",
                minimalTicket(),
                null,
                null,
                List.of(ReviewReason.AI_UNAVAILABLE),
                CREATED,
                LATER);
    }

    public static ApprovalDecided fullApprovalDecided() {
        // Every component populated so round trips cover it; a real EDIT has no expiry outcome.
        return new ApprovalDecided(
                2,
                "apr-1",
                "TCK-1001",
                "acme.eu",
                Decision.EDIT,
                fullEdits(),
                "Looks like P1",
                "ada",
                LATER,
                2L,
                ExpiryOutcome.ESCALATE);
    }

    public static ApprovalDecided minimalApprovalDecided() {
        return new ApprovalDecided(1, "apr-2", "TCK-1002", "acme", Decision.EXPIRED, null, null, null, LATER, 1L, null);
    }

    /** The fully populated instance of {@code eventType}. */
    public static Record full(Class<?> eventType) {
        return switch (eventType.getSimpleName()) {
            case "TicketIngested" -> fullTicket();
            case "TicketEnriched" -> fullEnriched();
            case "ApprovalRequested" -> fullApprovalRequested();
            case "ApprovalDecided" -> fullApprovalDecided();
            default -> throw new IllegalArgumentException("No fixture for " + eventType);
        };
    }

    /** The minimal instance of {@code eventType}. */
    public static Record minimal(Class<?> eventType) {
        return switch (eventType.getSimpleName()) {
            case "TicketIngested" -> minimalTicket();
            case "TicketEnriched" -> minimalEnriched();
            case "ApprovalRequested" -> minimalApprovalRequested();
            case "ApprovalDecided" -> minimalApprovalDecided();
            default -> throw new IllegalArgumentException("No fixture for " + eventType);
        };
    }
}
