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
        assertThat(options.settings().chunkWords()).isEqualTo(48);
        assertThat(options.exportTo()).isNull();
    }

    @Test
    void shouldTakeADataFolderModelOptionsAndAnExportFile() {
        var options = CategoryAccuracyOptions.parse(
                new String[] {"/data/tickets", "--max-chunks", "1", "--export-classifier", "/tmp/c.bin"}, ROOT);

        assertThat(options.dataDir()).isEqualTo(Path.of("/data/tickets"));
        assertThat(options.settings().maxChunks()).isEqualTo(1);
        assertThat(options.exportTo()).isEqualTo(Path.of("/tmp/c.bin"));
    }

    @Test
    void shouldRefuseUnknownOptionsAndBadValues() {
        assertThatThrownBy(() -> CategoryAccuracyOptions.parse(new String[] {"--fast"}, ROOT))
                .hasMessageContaining("--fast");
        assertThatThrownBy(() -> CategoryAccuracyOptions.parse(new String[] {"--threads", "many"}, ROOT))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> CategoryAccuracyOptions.parse(new String[] {"--threads"}, ROOT))
                .hasMessageContaining("needs a value");
    }
}
