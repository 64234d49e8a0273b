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

    private static final double SHARED_WORDS = 0.4;

    private final DuplicateDecision decision = new DuplicateDecision(0.3, 0.15);

    @Test
    void shouldCallADistinctiveBestMatchWithSharedWordsADuplicate() {
        DuplicateLink link = decision.decide(List.of(match("A", 0.8, 0.3, SHARED_WORDS), match("B", 0.6, 0.1, 0.2)))
                .orElseThrow();

        assertThat(link.verdict()).isEqualTo(DuplicateVerdict.DUPLICATE);
        assertThat(link.duplicateOf()).isEqualTo("A");
        assertThat(link.similarity()).isEqualTo(0.3);
        assertThat(link.candidates()).extracting(DuplicateCandidate::ticketId).containsExactly("A", "B");
        assertThat(link.candidates()).extracting(DuplicateCandidate::similarity).containsExactly(0.8, 0.6);
    }

    @Test
    void shouldLeaveADistinctiveMatchThatSharesAlmostNoWordToAHuman() {
        DuplicateIndex.Match embeddingOnly = match("A", 0.5, 0.9, DuplicateDecision.DUPLICATE_MIN_LEXICAL - 0.01);

        assertThat(decision.decide(List.of(embeddingOnly)).orElseThrow().verdict())
                .isEqualTo(DuplicateVerdict.POSSIBLE_DUPLICATE);
    }

    @Test
    void shouldCallABestMatchBetweenTheThresholdsAPossibleDuplicate() {
        assertThat(decision.verdictOn(match("A", 0.9, 0.29, SHARED_WORDS)))
                .contains(DuplicateVerdict.POSSIBLE_DUPLICATE);
        assertThat(decision.verdictOn(match("A", 0.9, 0.15, SHARED_WORDS)))
                .contains(DuplicateVerdict.POSSIBLE_DUPLICATE);
    }

    @Test
    void shouldJudgeByDistinctivenessNotByTheRankingScore() {
        // A high score inside a crowd of equally similar tickets (one template) is no evidence of a duplicate.
        assertThat(decision.decide(List.of(match("A", 0.95, 0.14, SHARED_WORDS))))
                .isEmpty();
    }

    @Test
    void shouldCallATicketWithoutMatchesNew() {
        assertThat(decision.decide(List.of())).isEmpty();
    }

    private static DuplicateIndex.Match match(String id, double score, double distinctiveness, double lexical) {
        StoredTicket ticket =
                new StoredTicket(id, "acme", Instant.EPOCH, "title " + id, new float[] {1, 0}, Map.of(), null);
        return new DuplicateIndex.Match(ticket, score, score, lexical, distinctiveness);
    }
}
