package io.ticketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {

    // Worked example: A has 3 items (2 right), B has 1 (right); one A was called B.
    private final ClassificationReport report =
            ClassificationReport.of(List.of("A", "A", "A", "B"), List.of("A", "A", "B", "B"));

    @Test
    void shouldComputeAccuracyAndPerClassScores() {
        assertThat(report.accuracy()).isEqualTo(0.75);
        // A: precision 2/2, recall 2/3, F1 0.8. B: precision 1/2, recall 1/1, F1 2/3.
        assertThat(report.f1(0)).isCloseTo(0.8, within(1e-12));
        assertThat(report.f1(1)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(report.macroF1()).isCloseTo((0.8 + 2.0 / 3) / 2, within(1e-12));
        assertThat(report.weightedF1()).isCloseTo((0.8 * 3 + 2.0 / 3) / 4, within(1e-12));
    }

    @Test
    void shouldCountAClassOnlyPredictedAsZeroF1() {
        var withFalseClass = ClassificationReport.of(List.of("A", "A"), List.of("A", "C"));

        assertThat(withFalseClass.classes()).containsExactly("A", "C");
        assertThat(withFalseClass.f1(1)).isZero();
        assertThat(withFalseClass.macroF1()).isCloseTo((2.0 / 3) / 2, within(1e-12));
    }

    @Test
    void shouldPrintATableWithEveryClass() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("class", "A ", "B ", "0.8000", "accuracy 0.7500");
    }
}
