package io.ticketflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {

    @TempDir
    Path folder;

    @Test
    void shouldKeepVectorsAcrossRuns() throws IOException {
        try (EmbeddingCache cache = EmbeddingCache.open(folder, "model-a", 2)) {
            cache.put("printer jammed", new float[] {0.6f, 0.8f});
        }

        try (EmbeddingCache reopened = EmbeddingCache.open(folder, "model-a", 2)) {
            assertThat(reopened.get("printer jammed")).containsExactly(0.6f, 0.8f);
            assertThat(reopened.get("something else")).isNull();
        }
        try (EmbeddingCache otherModel = EmbeddingCache.open(folder, "model-b", 2)) {
            assertThat(otherModel.get("printer jammed")).isNull();
        }
    }

    @Test
    void shouldDropARecordTornByAnInterruptedRunAndKeepAppending() throws IOException {
        try (EmbeddingCache cache = EmbeddingCache.open(folder, "model-a", 2)) {
            cache.put("first", new float[] {1, 0});
        }
        Files.write(folder.resolve("model-a.bin"), new byte[] {1, 2, 3}, StandardOpenOption.APPEND);

        try (EmbeddingCache cache = EmbeddingCache.open(folder, "model-a", 2)) {
            assertThat(cache.size()).isEqualTo(1);
            cache.put("second", new float[] {0, 1});
        }
        try (EmbeddingCache cache = EmbeddingCache.open(folder, "model-a", 2)) {
            assertThat(cache.get("first")).containsExactly(1, 0);
            assertThat(cache.get("second")).containsExactly(0, 1);
        }
    }
}
