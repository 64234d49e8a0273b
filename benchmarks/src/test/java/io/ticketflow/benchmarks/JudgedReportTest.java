package io.ticketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.topology.dedup.DuplicateIndex;
import io.ticketflow.topology.dedup.StoredTicket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgedReportTest {

    private static final Map<String, Integer> TITLE = Map.of("namenod", 1, "crash", 1, "restart", 1);

    @Test
    void shouldWriteTheBestMatchAndByHowMuchItLeadsTheRunnerUp() {
        JudgedReport judged = JudgedReport.of(
                "Q", true, 0, List.of(match("A", 0.7, 0.8, 0.5, 0.4), match("B", 0.6, 0.9, 0.25, 0.1)), TITLE, TITLE);

        assertThat(judged.csvLine())
                .isEqualTo("Q,true,0,A,0.80000,0.50000,0.70000,0.40000,0.10000,-0.10000,0.25000,1.00000");
        assertThat(judged.csvLine().split(",")).hasSameSizeAs(JudgedReport.CSV_HEADER.split(","));
    }

    @Test
    void shouldMeasureHowFarTheTitlesAgreeByTheirAnalysedWords() {
        Map<String, Integer> otherTitle = Map.of("namenod", 2, "crash", 1, "upgrad", 1);

        JudgedReport judged =
                JudgedReport.of("Q", false, -1, List.of(match("A", 0.7, 0.8, 0.5, 0.4)), TITLE, otherTitle);

        // {namenod, crash} shared of {namenod, crash, restart, upgrad}; counts do not matter.
        assertThat(judged.titleOverlap()).isEqualTo(0.5);
        assertThat(judged.sameTitle()).isFalse();
        assertThat(JudgedReport.of("Q", false, -1, List.of(match("A", 0.7, 0.8, 0.5, 0.4)), TITLE, TITLE)
                        .sameTitle())
                .isTrue();
    }

    @Test
    void shouldTellWhereAQuerysOriginalRanked() {
        List<DuplicateIndex.Match> one = List.of(match("A", 0.7, 0.8, 0.5, 0.4));

        assertThat(JudgedReport.of("Q", true, 0, one, TITLE, TITLE).bestIsOriginal())
                .isTrue();
        assertThat(JudgedReport.of("Q", true, 2, one, TITLE, TITLE).bestIsOriginal())
                .isFalse();
        assertThat(JudgedReport.of("Q", true, 2, one, TITLE, TITLE).originalInTop3())
                .isTrue();
        assertThat(JudgedReport.of("Q", true, 3, one, TITLE, TITLE).originalInTop3())
                .isFalse();
        assertThat(JudgedReport.of("Q", true, -1, one, TITLE, TITLE).originalInTop3())
                .isFalse();
    }

    @Test
    void shouldLeaveTheEvidenceEmptyForAReportWithNothingBeforeIt() {
        JudgedReport first = JudgedReport.of("Q", false, -1, List.of(), TITLE, Map.of());

        assertThat(first.distinctiveness()).isEqualTo(-1);
        assertThat(first.titleOverlap()).isZero();
        assertThat(first.csvLine()).isEqualTo("Q,false,-1,,,,,,,,,");
    }

    private static DuplicateIndex.Match match(
            String id, double score, double cosine, double lexical, double distinctiveness) {
        StoredTicket ticket =
                new StoredTicket(id, "eval", Instant.EPOCH, "title " + id, new float[] {1, 0}, Map.of(), null);
        return new DuplicateIndex.Match(ticket, score, cosine, lexical, distinctiveness);
    }
}
