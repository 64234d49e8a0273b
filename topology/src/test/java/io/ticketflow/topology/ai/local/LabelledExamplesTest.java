package io.ticketflow.topology.ai.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LabelledExamplesTest {

    @Test
    void shouldKeepLabelsAndDirectionsThroughTheCompactForm() throws IOException {
        Random random = new Random(7);
        LabelledExamples.Builder builder = LabelledExamples.builder(LocalEmbeddingModel.MODEL_ID, 384);
        float[][] vectors = new float[20][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = new float[384];
            for (int d = 0; d < 384; d++) {
                vectors[i][d] = (float) random.nextGaussian();
            }
            builder.add(i % 3 == 0 ? "Storage" : "Access", Vectors.normalise(vectors[i]));
        }
        LabelledExamples original = builder.build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        original.writeTo(bytes);
        LabelledExamples read = LabelledExamples.readFrom(new ByteArrayInputStream(bytes.toByteArray()));

        assertThat(read.embeddingModel()).isEqualTo(LocalEmbeddingModel.MODEL_ID);
        assertThat(read.categories()).containsExactly("Access", "Storage");
        assertThat(read.size()).isEqualTo(20);
        assertThat(bytes.size()).isLessThan(20 * 400 + 200);
        for (int i = 0; i < vectors.length; i++) {
            assertThat(read.label(i)).isEqualTo(original.label(i));
            assertThat(Vectors.dot(vectors[i], read.vectors(), i * 384)).isGreaterThan(0.999f);
        }
    }

    @Test
    void shouldRefuseWhatIsNotAnExampleSet() {
        assertThatThrownBy(() -> LabelledExamples.readFrom(new ByteArrayInputStream("text,category\n".getBytes())))
                .isInstanceOf(IOException.class);
    }

    @Test
    void shouldRefuseExamplesWithoutCategoryOrOfTheWrongLength() {
        LabelledExamples.Builder builder = LabelledExamples.builder("m", 2);

        assertThatThrownBy(() -> builder.add(" ", new float[] {1, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.add("Access", new float[] {1, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class);
    }
}
