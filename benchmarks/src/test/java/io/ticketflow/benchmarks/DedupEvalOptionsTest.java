package io.ticketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DedupEvalOptionsTest {

    private static final Path ROOT = Path.of("/work/project");

    @Test
    void shouldDefaultToTheSharedHadoopSetWithoutRetention() {
        DedupEvalOptions options = DedupEvalOptions.parse(new String[0], ROOT);

        assertThat(options.folder()).isEqualTo(Path.of("/work/shared/data/dedup/gitbugs-hadoop"));
        assertThat(options.sweep()).isFalse();
        assertThat(options.features()).isNull();
        assertThat(options.retention()).isNull();
    }

    @Test
    void shouldReadEveryOptionInAnyOrder() {
        DedupEvalOptions options = DedupEvalOptions.parse(
                new String[] {"--retention", "30", "data/mine", "--features", "out.csv", "--sweep"}, ROOT);

        assertThat(options.folder()).isEqualTo(Path.of("data/mine"));
        assertThat(options.sweep()).isTrue();
        assertThat(options.features()).isEqualTo(Path.of("out.csv"));
        assertThat(options.retention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void shouldRefuseBadCommandLines() {
        assertThatThrownBy(() -> DedupEvalOptions.parse(new String[] {"--retention", "0"}, ROOT))
                .hasMessageContaining("at least 1 day");
        assertThatThrownBy(() -> DedupEvalOptions.parse(new String[] {"--retention", "30d"}, ROOT))
                .hasMessageContaining("--retention needs a whole number, was '30d'");
        assertThatThrownBy(() -> DedupEvalOptions.parse(new String[] {"--features"}, ROOT))
                .hasMessageContaining("--features needs a value");
        assertThatThrownBy(() -> DedupEvalOptions.parse(new String[] {"a", "b"}, ROOT))
                .hasMessageContaining("unexpected argument 'b'");
        assertThatThrownBy(() -> DedupEvalOptions.parse(new String[] {"--sweeps"}, ROOT))
                .hasMessageContaining("unexpected argument '--sweeps'");
    }
}
