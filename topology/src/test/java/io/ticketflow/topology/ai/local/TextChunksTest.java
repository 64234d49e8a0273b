package io.ticketflow.topology.ai.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextChunksTest {

    @Test
    void shouldSplitIntoRunsOfWordsAndDropWhatIsBeyondTheLastPiece() {
        var chunks = new TextChunks(3, 2);

        assertThat(chunks.split("  one two\tthree\nfour five six seven  "))
                .containsExactly("one two three", "four five six");
    }

    @Test
    void shouldKeepAShortTextWholeAndGiveNothingForABlankOne() {
        var chunks = new TextChunks(48, 8);

        assertThat(chunks.split("printer jammed")).containsExactly("printer jammed");
        assertThat(chunks.split(" \n ")).isEmpty();
        assertThat(TextChunks.wordCount("printer jammed again")).isEqualTo(3);
    }

    @Test
    void shouldRefuseEmptyPieces() {
        assertThatThrownBy(() -> new TextChunks(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
