package io.ticketflow.topology.ai.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummariesTest {

    @Test
    void shouldSummariseByTheTitleWithWhitespaceCollapsed() {
        assertThat(Summaries.summarise("  Printer   jammed\n on floor 3 ", "Paper stuck."))
                .isEqualTo("Printer jammed on floor 3");
    }

    @Test
    void shouldTakeTheFirstSentenceOfTheDescriptionWhenTheTitleIsBlank() {
        assertThat(Summaries.summarise(" ", "The VPN drops every 5 min. It started today."))
                .isEqualTo("The VPN drops every 5 min.");
    }

    @Test
    void shouldCutALongSummaryAtAWordBoundary() {
        String summary = Summaries.summarise("word ".repeat(100), "");

        assertThat(summary.codePointCount(0, summary.length())).isLessThanOrEqualTo(Summaries.MAX_LENGTH);
        assertThat(summary).endsWith("word…");
    }
}
