package io.ticketflow.topology.ai.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CategoryClassifierTest {

    /** Tickets of three categories; each category's vectors point along its own axis. */
    private static final List<String> TEXTS = List.of(
            "printer jammed paper",
            "printer offline again",
            "laptop screen cracked",
            "password reset needed",
            "password expired account locked",
            "account locked after password change",
            "invoice for new monitors",
            "order new monitors invoice",
            "purchase order for headsets");

    private static final List<String> LABELS = List.of(
            "Hardware", "Hardware", "Hardware", "Access", "Access", "Access", "Purchase", "Purchase", "Purchase");

    private static final CategoryClassifier CLASSIFIER = train();

    @Test
    void shouldLearnTheCategoriesFromWordsAndVectors() {
        assertThat(CLASSIFIER.categories()).containsExactly("Access", "Hardware", "Purchase");
        assertThat(CLASSIFIER.classify("the printer is jammed", axis(1)).category())
                .isEqualTo("Hardware");
        assertThat(CLASSIFIER.classify("my account is locked", axis(0)).category())
                .isEqualTo("Access");
        assertThat(CLASSIFIER.classify("invoice please", axis(2)).category()).isEqualTo("Purchase");
    }

    @Test
    void shouldBeLessConfidentWhenTwoCategoriesComeClose() {
        CategoryPrediction clear = CLASSIFIER.classify("printer jammed paper", axis(1));
        CategoryPrediction torn = CLASSIFIER.classify("printer password", mixed(0, 1));

        assertThat(clear.confidence()).isGreaterThan(torn.confidence());
        assertThat(clear.confidence()).isLessThanOrEqualTo(clear.probability());
        assertThat(torn.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void shouldTrainTheSameBytesFromTheSameRowsAndAnswerAlikeWhenReadBack() throws IOException {
        byte[] first = bytesOf(CLASSIFIER);
        byte[] second = bytesOf(train());

        CategoryClassifier read = CategoryClassifier.readFrom(new ByteArrayInputStream(first));

        assertThat(second).isEqualTo(first);
        assertThat(read.categories()).isEqualTo(CLASSIFIER.categories());
        assertThat(read.classify("printer password", mixed(0, 1)))
                .isEqualTo(CLASSIFIER.classify("printer password", mixed(0, 1)));
    }

    @Test
    void shouldAnswerOnlyTheCategoriesItIsRestrictedTo() {
        CategoryClassifier restricted = CLASSIFIER.restrictedTo(List.of("Access", "Purchase"));

        CategoryPrediction prediction = restricted.classify("printer jammed paper", axis(1));

        assertThat(prediction.category()).isIn("Access", "Purchase");
        assertThat(prediction.probability()).isBetween(0.5, 1.0);
    }

    @Test
    void shouldRefuseCategoriesItHasNoExamplesFor() {
        assertThatThrownBy(() -> CLASSIFIER.restrictedTo(List.of("Access", "Network", "Email")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no training examples for categories [Email, Network]");
        assertThatThrownBy(() -> CLASSIFIER.restrictedTo(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseWhatIsNotAClassifier() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream zipped = new GZIPOutputStream(bytes)) {
            zipped.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }

        assertThatThrownBy(() -> CategoryClassifier.readFrom(new ByteArrayInputStream(bytes.toByteArray())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a ticketflow category classifier");
    }

    @Test
    void shouldRefuseMismatchedTrainingRowsAndVectorsOfTheWrongLength() {
        assertThatThrownBy(() -> CategoryClassifier.train("m", TEXTS, LABELS.subList(0, 3), vectors()))
                .hasMessageContaining("as many labels and vectors as texts");
        assertThatThrownBy(() -> CLASSIFIER.classify("printer", new float[2]))
                .hasMessageContaining("the vector has 2 components, the classifier reads 4");
    }

    private static CategoryClassifier train() {
        return CategoryClassifier.train("test-model", TEXTS, LABELS, vectors());
    }

    private static List<float[]> vectors() {
        List<float[]> vectors = new ArrayList<>();
        for (String label : LABELS) {
            vectors.add(axis(List.of("Access", "Hardware", "Purchase").indexOf(label)));
        }
        return vectors;
    }

    private static float[] axis(int axis) {
        float[] vector = new float[4];
        vector[axis] = 1;
        return vector;
    }

    private static float[] mixed(int a, int b) {
        float[] vector = new float[4];
        vector[a] = (float) Math.sqrt(0.5);
        vector[b] = (float) Math.sqrt(0.5);
        return vector;
    }

    private static byte[] bytesOf(CategoryClassifier classifier) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        classifier.writeTo(bytes);
        return bytes.toByteArray();
    }
}
