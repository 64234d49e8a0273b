package io.ticketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResultLineTest {

    @Test
    void shouldPrintPlainNumbersInTheOrderAdded() {
        var line = new ResultLine("category-accuracy")
                .add("accuracy", 0.81234, 4)
                .add("embeddings_per_s", 97.25, 1)
                .add("test_rows", 9568);

        assertThat(line).hasToString("RESULT category-accuracy accuracy=0.8123 embeddings_per_s=97.3 test_rows=9568");
    }

    @Test
    void shouldRefuseNamesAndNumbersThatWouldBreakTheLine() {
        assertThatThrownBy(() -> new ResultLine("Category Accuracy")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResultLine("x").add("a=b", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResultLine("x").add("rate", Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
