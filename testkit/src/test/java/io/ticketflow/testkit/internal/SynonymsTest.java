package io.ticketflow.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SynonymsTest {

    private final Synonyms synonyms = new Synonyms(
            List.of(List.of("cannot", "can't"), List.of("laptop", "notebook"), List.of("does not", "doesn't")));

    @Test
    void shouldSwapChosenPairsInBothDirectionsKeepingAnInitialCapital() {
        String text = "Cannot start my laptop. The notebook doesn't charge.";

        assertThat(synonyms.swap(text, Set.of(0, 1, 2)))
                .isEqualTo("Can't start my notebook. The laptop does not charge.");
    }

    @Test
    void shouldLeavePairsThatWereNotChosen() {
        assertThat(synonyms.swap("I cannot use my laptop", Set.of(1))).isEqualTo("I cannot use my notebook");
        assertThat(synonyms.swap("I cannot use my laptop", Set.of())).isEqualTo("I cannot use my laptop");
    }

    @Test
    void shouldSwapWholeWordsOnly() {
        assertThat(synonyms.swap("laptops and laptop-bags", Set.of(1))).isEqualTo("laptops and notebook-bags");
    }

    @Test
    void shouldLeavePlaceholdersAlone() {
        assertThat(synonyms.swap("My {laptop} laptop", Set.of(1))).isEqualTo("My {laptop} notebook");
    }

    @Test
    void shouldRefuseAPhraseInTwoPairs() {
        assertThatThrownBy(() -> new Synonyms(List.of(List.of("issue", "problem"), List.of("problem", "fault"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("problem");
    }
}
