package io.ticketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CategoryAccuracyOptionsTest {

    private static final Path ROOT = Path.of("/work/project");

    @Test
    void shouldDefaultToTheSharedDataBesideTheProjectAndTheModelDefaults() {
        var options = CategoryAccuracyOptions.parse(new String[0], ROOT);

        assertThat(options.dataDir()).isEqualTo(Path.of("/work/shared/data/it-tickets"));
        assertThat(options.workDir()).isEqualTo(Path.of("/work/project/benchmarks/target"));
        assertThat(options.settings().neighbours()).isEqualTo(30);
        assertThat(options.exportTo()).isNull();
    }

    @Test
    void shouldTakeADataFolderAndModelOptions() {
        var options = CategoryAccuracyOptions.parse(
                new String[] {"/data/tickets", "--neighbours", "7", "--weighting", "uniform", "--max-chunks", "1"},
                ROOT);

        assertThat(options.dataDir()).isEqualTo(Path.of("/data/tickets"));
        assertThat(options.settings().neighbours()).isEqualTo(7);
        assertThat(options.settings().weighting()).isEqualTo("uniform");
        assertThat(options.settings().maxChunks()).isEqualTo(1);
    }

    @Test
    void shouldRefuseUnknownOptionsAndBadValues() {
        assertThatThrownBy(() -> CategoryAccuracyOptions.parse(new String[] {"--fast"}, ROOT))
                .hasMessageContaining("--fast");
        assertThatThrownBy(() -> CategoryAccuracyOptions.parse(new String[] {"--neighbours", "many"}, ROOT))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> CategoryAccuracyOptions.parse(new String[] {"--neighbours"}, ROOT))
                .hasMessageContaining("needs a value");
    }
}
