package io.ticketflow.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.schemas.DuplicateCandidate;
import io.ticketflow.schemas.DuplicateLink;
import io.ticketflow.schemas.DuplicateVerdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DuplicateDecisionTest {

    private final DuplicateDecision decision = new DuplicateDecision(0.8, 0.5);

    @Test
    void shouldCallABestScoreAtTheDuplicateThresholdADuplicate() {
        DuplicateLink link =
                decision.decide(List.of(match("A", 0.8), match("B", 0.6))).orElseThrow();

        assertThat(link.verdict()).isEqualTo(DuplicateVerdict.DUPLICATE);
        assertThat(link.duplicateOf()).isEqualTo("A");
        assertThat(link.similarity()).isEqualTo(0.8);
        assertThat(link.candidates()).extracting(DuplicateCandidate::ticketId).containsExactly("A", "B");
    }

    @Test
    void shouldCallABestScoreBetweenTheThresholdsAPossibleDuplicate() {
        assertThat(decision.decide(List.of(match("A", 0.79))).orElseThrow().verdict())
                .isEqualTo(DuplicateVerdict.POSSIBLE_DUPLICATE);
        assertThat(decision.decide(List.of(match("A", 0.5))).orElseThrow().verdict())
                .isEqualTo(DuplicateVerdict.POSSIBLE_DUPLICATE);
    }

    @Test
    void shouldCallATicketBelowTheReviewThresholdOrWithoutMatchesNew() {
        assertThat(decision.decide(List.of(match("A", 0.49)))).isEmpty();
        assertThat(decision.decide(List.of())).isEmpty();
    }

    private static DuplicateIndex.Match match(String id, double score) {
        StoredTicket ticket =
                new StoredTicket(id, "acme", Instant.EPOCH, "title " + id, new float[] {1, 0}, Map.of(), null);
        return new DuplicateIndex.Match(ticket, score, score, score);
    }
}
