package io.ticketflow.topology.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.schemas.ApprovalDecided;
import io.ticketflow.schemas.Decision;
import io.ticketflow.schemas.DuplicateCandidate;
import io.ticketflow.schemas.DuplicateLink;
import io.ticketflow.schemas.DuplicateVerdict;
import io.ticketflow.schemas.ExpiryOutcome;
import io.ticketflow.schemas.Priority;
import io.ticketflow.schemas.ReviewOutcome;
import io.ticketflow.schemas.ReviewReason;
import io.ticketflow.schemas.StageRecord;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.TokenUsage;
import io.ticketflow.schemas.Triage;
import io.ticketflow.schemas.TriageEdits;
import io.ticketflow.schemas.TriageSource;
import io.ticketflow.topology.Tickets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewedTicketTest {

    private static final Instant REQUESTED = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant DECIDED = REQUESTED.plusSeconds(600);
    private static final Triage AI = new Triage(
            Priority.P3,
            "Network",
            0.5,
            "VPN drops",
            List.of("Reinstall"),
            60,
            TriageSource.MODEL,
            "m",
            TokenUsage.NONE);
    private static final DuplicateLink POSSIBLE = new DuplicateLink(
            DuplicateVerdict.POSSIBLE_DUPLICATE,
            "T-0",
            0.8,
            List.of(new DuplicateCandidate("T-0", 0.8, "VPN flaky"), new DuplicateCandidate("T-9", 0.7, "VPN slow")));

    @Test
    void shouldLetTheAiSuggestionStandOnApprove() {
        ReviewedTicket reviewed = ReviewedTicket.of(parked(AI, null), decided(Decision.APPROVE, null), DECIDED);

        TicketEnriched ticket = reviewed.ticket();
        assertThat(ticket.triage()).isEqualTo(AI);
        assertThat(ticket.review().outcome()).isEqualTo(ReviewOutcome.APPROVED);
        assertThat(ticket.review().reviewer()).isEqualTo("rita");
        assertThat(ticket.review().decidedAt()).isEqualTo(DECIDED);
        assertThat(ticket.review().approvalId()).isEqualTo("A-1");
        assertThat(ticket.review().reasons()).containsExactly(ReviewReason.LOW_CONFIDENCE);
        assertThat(ticket.review().divergedFromAi()).isFalse();
        assertThat(reviewed.divergences()).isEmpty();
        StageRecord stage = ticket.audit().getLast();
        assertThat(stage.stage()).isEqualTo(ReviewedTicket.STAGE);
        assertThat(stage.details())
                .containsEntry("decision", "APPROVE")
                .containsEntry("requestedAt", REQUESTED.toString())
                .containsEntry("decidedAt", DECIDED.toString());
    }

    @Test
    void shouldRejectKeepingTheAiTriageAndCountItAsDivergence() {
        ReviewedTicket reviewed = ReviewedTicket.of(parked(AI, null), decided(Decision.REJECT, null), DECIDED);

        assertThat(reviewed.ticket().review().outcome()).isEqualTo(ReviewOutcome.REJECTED);
        assertThat(reviewed.ticket().triage()).isEqualTo(AI);
        assertThat(reviewed.ticket().review().divergedFromAi()).isTrue();
        assertThat(reviewed.divergences()).containsExactly(Divergence.REJECTED);
    }

    @Test
    void shouldApplyCorrectedPriorityAndCategoryAndKeepTheAisValuesInTheAudit() {
        TriageEdits edits = new TriageEdits(Priority.P1, "Security", null);

        ReviewedTicket reviewed = ReviewedTicket.of(parked(AI, null), decided(Decision.EDIT, edits), DECIDED);

        TicketEnriched ticket = reviewed.ticket();
        assertThat(ticket.triage().priority()).isEqualTo(Priority.P1);
        assertThat(ticket.triage().category()).isEqualTo("Security");
        assertThat(ticket.triage().summary()).isEqualTo(AI.summary());
        assertThat(ticket.review().outcome()).isEqualTo(ReviewOutcome.EDITED);
        assertThat(ticket.review().edits()).isEqualTo(edits);
        assertThat(ticket.review().divergedFromAi()).isTrue();
        assertThat(reviewed.divergences()).containsExactlyInAnyOrder(Divergence.PRIORITY, Divergence.CATEGORY);
        assertThat(ticket.audit().getLast().details())
                .containsEntry("ai.priority", "P3")
                .containsEntry("ai.category", "Network");
    }

    @Test
    void shouldNotCountAnEditThatRepeatsTheAiSuggestionAsDivergence() {
        ReviewedTicket reviewed = ReviewedTicket.of(
                parked(AI, null), decided(Decision.EDIT, new TriageEdits(Priority.P3, "Network", null)), DECIDED);

        assertThat(reviewed.divergences()).isEmpty();
        assertThat(reviewed.ticket().review().divergedFromAi()).isFalse();
    }

    @Test
    void shouldLinkTheChosenCandidateAsConfirmedDuplicateWithItsSimilarity() {
        ReviewedTicket reviewed = ReviewedTicket.of(
                parked(AI, POSSIBLE), decided(Decision.EDIT, new TriageEdits(null, null, "T-9")), DECIDED);

        DuplicateLink link = reviewed.ticket().duplicate();
        assertThat(link.verdict()).isEqualTo(DuplicateVerdict.DUPLICATE);
        assertThat(link.duplicateOf()).isEqualTo("T-9");
        assertThat(link.similarity()).isEqualTo(0.7);
        assertThat(link.candidates()).isEqualTo(POSSIBLE.candidates());
        assertThat(reviewed.divergences()).containsExactly(Divergence.DUPLICATE);
        assertThat(reviewed.ticket().audit().getLast().details()).containsEntry("ai.duplicateOf", "T-0");
        assertThat(reviewed.ticket().audit().getLast().flags()).isEmpty();
    }

    @Test
    void shouldConfirmTheSuggestedOriginalWithoutDivergence() {
        ReviewedTicket reviewed = ReviewedTicket.of(
                parked(AI, POSSIBLE), decided(Decision.EDIT, new TriageEdits(null, null, "T-0")), DECIDED);

        assertThat(reviewed.ticket().duplicate().verdict()).isEqualTo(DuplicateVerdict.DUPLICATE);
        assertThat(reviewed.divergences()).isEmpty();
    }

    @Test
    void shouldRemoveTheLinkWhenTheReviewerSaysItIsNoDuplicate() {
        ReviewedTicket reviewed = ReviewedTicket.of(
                parked(AI, POSSIBLE), decided(Decision.EDIT, new TriageEdits(null, null, "")), DECIDED);

        assertThat(reviewed.ticket().duplicate()).isNull();
        assertThat(reviewed.divergences()).containsExactly(Divergence.DUPLICATE);
    }

    @Test
    void shouldFlagAnOriginalThatWasNoCandidateAsUnmeasured() {
        ReviewedTicket reviewed = ReviewedTicket.of(
                parked(AI, null), decided(Decision.EDIT, new TriageEdits(null, null, "T-77")), DECIDED);

        assertThat(reviewed.ticket().duplicate().duplicateOf()).isEqualTo("T-77");
        assertThat(reviewed.ticket().audit().getLast().flags()).containsExactly(ReviewedTicket.SIMILARITY_UNMEASURED);
        assertThat(reviewed.divergences()).containsExactly(Divergence.DUPLICATE);
    }

    @Test
    void shouldKeepTheReviewersPriorityInTheEditsWhenTheAiWasUnavailable() {
        TriageEdits edits = new TriageEdits(Priority.P2, "Hardware", null);

        ReviewedTicket reviewed = ReviewedTicket.of(parked(null, null), decided(Decision.EDIT, edits), DECIDED);

        assertThat(reviewed.ticket().triage()).isNull();
        assertThat(reviewed.ticket().review().edits()).isEqualTo(edits);
        assertThat(reviewed.ticket().review().divergedFromAi()).isNull();
        assertThat(reviewed.divergences()).isEmpty();
    }

    @Test
    void shouldLetTheAiSuggestionStandUnreviewedAndCarryTheEscalationWhenExpired() {
        ApprovalDecided expired = new ApprovalDecided(
                ApprovalDecided.CURRENT_SCHEMA_VERSION,
                "A-1",
                "T-1",
                "acme",
                Decision.EXPIRED,
                null,
                null,
                null,
                DECIDED,
                2,
                ExpiryOutcome.ESCALATE);

        ReviewedTicket reviewed = ReviewedTicket.of(parked(AI, null), expired, DECIDED);

        assertThat(reviewed.ticket().triage()).isEqualTo(AI);
        assertThat(reviewed.ticket().review().outcome()).isEqualTo(ReviewOutcome.EXPIRED);
        assertThat(reviewed.ticket().review().expiryOutcome()).isEqualTo(ExpiryOutcome.ESCALATE);
        assertThat(reviewed.ticket().review().reviewer()).isNull();
        assertThat(reviewed.ticket().review().divergedFromAi()).isNull();
        assertThat(reviewed.divergences()).isEmpty();
    }

    private static ParkedTicket parked(Triage triage, DuplicateLink duplicate) {
        TicketEnriched ticket = new TicketEnriched(
                TicketEnriched.CURRENT_SCHEMA_VERSION,
                Tickets.ticket("T-1"),
                triage,
                duplicate,
                null,
                List.of(StageRecord.passed("ingest", REQUESTED)),
                null);
        return new ParkedTicket(
                ticket, "A-1", List.of(ReviewReason.LOW_CONFIDENCE), REQUESTED, REQUESTED.plusSeconds(86_400));
    }

    private static ApprovalDecided decided(Decision decision, TriageEdits edits) {
        return new ApprovalDecided(
                ApprovalDecided.CURRENT_SCHEMA_VERSION,
                "A-1",
                "T-1",
                "acme",
                decision,
                edits,
                "ok",
                "rita",
                DECIDED,
                2,
                null);
    }
}
