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
    void shouldNeverMakeAPieceTheModelWouldSeeAsBlank() {
        var chunks = new TextChunks(2, 8);

        // An em space and U+001F between words: blank to the model, so never a piece of their own.
        assertThat(chunks.split("crash on\u2003\u2003start \u001f \u001f again"))
                .containsExactly("crash on", "start \u001f", "\u001f again")
                .noneMatch(String::isBlank);
        assertThat(chunks.split("a b \u001f")).containsExactly("a b");
    }

    @Test
    void shouldRefuseEmptyPieces() {
        assertThatThrownBy(() -> new TextChunks(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
