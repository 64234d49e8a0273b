package io.ticketflow.topology.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.schemas.DuplicateCandidate;
import io.ticketflow.schemas.DuplicateLink;
import io.ticketflow.schemas.DuplicateVerdict;
import io.ticketflow.schemas.Priority;
import io.ticketflow.schemas.ReviewReason;
import io.ticketflow.schemas.StageRecord;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.TokenUsage;
import io.ticketflow.schemas.Triage;
import io.ticketflow.schemas.TriageSource;
import io.ticketflow.topology.Tickets;
import io.ticketflow.topology.ai.ModelException;
import io.ticketflow.topology.ai.ModelFailures;
import io.ticketflow.topology.config.ReviewSettings;
import io.ticketflow.topology.triage.TriageCall;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final ReviewPolicy defaults = new ReviewPolicy(ReviewSettings.defaults());

    @Test
    void shouldAutoApproveAConfidentOrdinaryTicket() {
        assertThat(defaults.reasonsFor(triaged(Priority.P3, "Network", 0.9))).isEmpty();
    }

    @Test
    void shouldRouteLowConfidenceTicketToReview() {
        assertThat(defaults.reasonsFor(triaged(Priority.P3, "Network", 0.69)))
                .containsExactly(ReviewReason.LOW_CONFIDENCE);
        assertThat(defaults.reasonsFor(triaged(Priority.P3, "Network", 0.7))).isEmpty();
    }

    @Test
    void shouldRouteP1TicketToReviewByDefaultAndTheConfiguredPrioritiesWhenSet() {
        assertThat(defaults.reasonsFor(triaged(Priority.P1, "Network", 0.9)))
                .containsExactly(ReviewReason.HIGH_PRIORITY);
        ReviewPolicy p2Only =
                new ReviewPolicy(new ReviewSettings(null, Set.of(Priority.P2), null, null, null, null, null));
        assertThat(p2Only.reasonsFor(triaged(Priority.P1, "Network", 0.9))).isEmpty();
        assertThat(p2Only.reasonsFor(triaged(Priority.P2, "Network", 0.9))).containsExactly(ReviewReason.HIGH_PRIORITY);
    }

    @Test
    void shouldRoutePossibleDuplicateToReviewButNotAConfirmedDuplicate() {
        TicketEnriched ticket = triaged(Priority.P3, "Network", 0.9);

        assertThat(defaults.reasonsFor(withDuplicate(ticket, DuplicateVerdict.POSSIBLE_DUPLICATE)))
                .containsExactly(ReviewReason.POSSIBLE_DUPLICATE);
        assertThat(defaults.reasonsFor(withDuplicate(ticket, DuplicateVerdict.DUPLICATE)))
                .isEmpty();
        ReviewPolicy off = new ReviewPolicy(new ReviewSettings(null, null, false, null, null, null, null));
        assertThat(off.reasonsFor(withDuplicate(ticket, DuplicateVerdict.POSSIBLE_DUPLICATE)))
                .isEmpty();
    }

    @Test
    void shouldRouteTicketToReviewWhenTriageFlaggedTheAiUnavailable() {
        TicketEnriched untriaged = ingested()
                .withStage(ModelFailures.unavailable(
                        TriageCall.STAGE, "m", new ModelException(ModelException.Kind.UNAVAILABLE, "down"), NOW));

        assertThat(defaults.reasonsFor(untriaged)).containsExactly(ReviewReason.AI_UNAVAILABLE);
        ReviewPolicy off = new ReviewPolicy(new ReviewSettings(null, null, null, false, null, null, null));
        assertThat(off.reasonsFor(untriaged)).isEmpty();
    }

    @Test
    void shouldRouteConfiguredCategoriesAndTenantsToReview() {
        ReviewPolicy rules =
                new ReviewPolicy(new ReviewSettings(null, null, null, null, Set.of("Security"), Set.of("acme"), null));

        assertThat(rules.reasonsFor(triaged(Priority.P3, "Security", 0.9)))
                .containsExactly(ReviewReason.CATEGORY_RULE, ReviewReason.TENANT_RULE);
        assertThat(new ReviewPolicy(new ReviewSettings(null, null, null, null, Set.of("Security"), null, null))
                        .reasonsFor(triaged(Priority.P3, "Network", 0.9)))
                .isEmpty();
    }

    @Test
    void shouldGiveEveryReasonThatApplies() {
        ReviewPolicy rules =
                new ReviewPolicy(new ReviewSettings(0.95, null, null, null, Set.of("Network"), Set.of("acme"), null));

        assertThat(rules.reasonsFor(
                        withDuplicate(triaged(Priority.P1, "Network", 0.9), DuplicateVerdict.POSSIBLE_DUPLICATE)))
                .containsExactly(
                        ReviewReason.LOW_CONFIDENCE,
                        ReviewReason.HIGH_PRIORITY,
                        ReviewReason.POSSIBLE_DUPLICATE,
                        ReviewReason.CATEGORY_RULE,
                        ReviewReason.TENANT_RULE);
    }

    @Test
    void shouldAutoApproveEverythingWhenEveryRuleIsOff() {
        ReviewPolicy none = new ReviewPolicy(new ReviewSettings(0.0, Set.of(), false, false, null, null, null));

        assertThat(none.reasonsFor(triaged(Priority.P1, "Network", 0.0))).isEmpty();
        assertThat(none.reasonsFor(ingested())).isEmpty();
    }

    @Test
    void shouldDefaultToTheDocumentedSettings() {
        ReviewSettings settings = ReviewSettings.defaults();

        assertThat(settings.confidenceThreshold()).isEqualTo(0.7);
        assertThat(settings.priorities()).containsExactly(Priority.P1);
        assertThat(settings.possibleDuplicates()).isTrue();
        assertThat(settings.aiUnavailable()).isTrue();
        assertThat(settings.categories()).isEmpty();
        assertThat(settings.tenants()).isEmpty();
        assertThat(settings.approvalTtl()).isEqualTo(Duration.ofHours(24));
    }

    private static TicketEnriched ingested() {
        return TicketEnriched.entering(Tickets.ticket("T-1"), StageRecord.passed("ingest", NOW));
    }

    static TicketEnriched triaged(Priority priority, String category, double confidence) {
        return ingested()
                .withTriage(new Triage(
                        priority,
                        category,
                        confidence,
                        "summary",
                        List.of(),
                        null,
                        TriageSource.MODEL,
                        "m",
                        TokenUsage.NONE))
                .withStage(StageRecord.passed(TriageCall.STAGE, NOW));
    }

    private static TicketEnriched withDuplicate(TicketEnriched ticket, DuplicateVerdict verdict) {
        DuplicateLink link =
                new DuplicateLink(verdict, "T-0", 0.88, List.of(new DuplicateCandidate("T-0", 0.88, "VPN drops")));
        return new TicketEnriched(
                TicketEnriched.CURRENT_SCHEMA_VERSION,
                ticket.ticket(),
                ticket.triage(),
                link,
                null,
                ticket.audit(),
                null);
    }
}
