package io.ticketflow.topology.ai.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ticketflow.topology.ai.local.NearestNeighbourClassifier.Weighting;
import org.junit.jupiter.api.Test;

class NearestNeighbourClassifierTest {

    /** Unit vectors in the plane at the given angle, in degrees. */
    private static float[] at(double degrees) {
        double radians = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(radians), (float) Math.sin(radians)};
    }

    private static final LabelledExamples EXAMPLES = LabelledExamples.builder("test-model", 2)
            .add("Hardware", at(0))
            .add("Hardware", at(10))
            .add("Hardware", at(20))
            .add("Access", at(80))
            .add("Access", at(90))
            .add("Storage", at(180))
            .build();

    @Test
    void shouldTakeTheCategoryMostNearestExamplesHave() {
        var classifier = new NearestNeighbourClassifier(EXAMPLES, 3, Weighting.UNIFORM, 1);

        CategoryVote vote = classifier.classify(at(5));

        assertThat(vote.category()).isEqualTo("Hardware");
        assertThat(vote.confidence()).isEqualTo(1.0);
        assertThat(vote.nearestSimilarity()).isCloseTo(Math.cos(Math.toRadians(5)), within(1e-6));
    }

    @Test
    void shouldGiveTheVoteMarginAsConfidence() {
        var classifier = new NearestNeighbourClassifier(EXAMPLES, 5, Weighting.UNIFORM, 1);

        // Neighbours of 60°: Access 80, 90 and Hardware 20, 10, 0: three votes against two.
        CategoryVote vote = classifier.classify(at(60));

        assertThat(vote.category()).isEqualTo("Hardware");
        assertThat(vote.confidence()).isCloseTo((3 - 2) / 5.0, within(1e-9));
    }

    @Test
    void shouldLetNearerNeighboursWeighMoreWhenWeightedBySimilarity() {
        var uniform = new NearestNeighbourClassifier(EXAMPLES, 5, Weighting.UNIFORM, 1);
        var weighted = new NearestNeighbourClassifier(EXAMPLES, 5, Weighting.SIMILARITY, 1);

        // At 70°: Access examples at cos 10° and cos 20° (1.924) outweigh Hardware at cos 50°, 60°, 70° (1.485).
        assertThat(uniform.classify(at(70)).category()).isEqualTo("Hardware");
        assertThat(weighted.classify(at(70)).category()).isEqualTo("Access");
    }

    @Test
    void shouldLetTheNearestNeighboursDominateUnderASoftmaxOfLowTemperature() {
        var similarity = new NearestNeighbourClassifier(EXAMPLES, 5, Weighting.SIMILARITY, 1);
        var softmax = new NearestNeighbourClassifier(EXAMPLES, 5, Weighting.SOFTMAX, 0.01);

        // At 60°: Access at 80, 90 (cos 20°, 30°: 1.806) is nearer, Hardware at 20, 10, 0 (cos 40°, 50°, 60°: 1.909)
        // more numerous. By similarity Hardware wins; at temperature 0.01 the two nearest count almost alone.
        assertThat(similarity.classify(at(60)).category()).isEqualTo("Hardware");
        CategoryVote vote = softmax.classify(at(60));
        assertThat(vote.category()).isEqualTo("Access");
        assertThat(vote.confidence()).isGreaterThan(0.99);
    }

    @Test
    void shouldBreakTiesTowardsTheNearerNeighbourWhateverTheExampleOrder() {
        var classifier = new NearestNeighbourClassifier(EXAMPLES, 2, Weighting.UNIFORM, 1);

        // The two nearest to 52° are Access at 80 (28° away) and Hardware at 20 (32° away): one vote each.
        CategoryVote vote = classifier.classify(at(52));

        assertThat(vote.category()).isEqualTo("Access");
        assertThat(vote.confidence()).isZero();
        assertThat(classifier.classify(at(52))).isEqualTo(vote);
    }

    @Test
    void shouldUseEveryExampleWhenKIsLargerThanTheSet() {
        var classifier = new NearestNeighbourClassifier(EXAMPLES, 100, Weighting.UNIFORM, 1);

        assertThat(classifier.classify(at(0)).category()).isEqualTo("Hardware");
        assertThat(classifier.categories()).containsExactly("Access", "Hardware", "Storage");
    }

    @Test
    void shouldRefuseAVectorOfAnotherDimensionAndAZeroK() {
        var classifier = new NearestNeighbourClassifier(EXAMPLES, 3, Weighting.SIMILARITY, 1);

        assertThatThrownBy(() -> classifier.classify(new float[] {1, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 components");
        assertThatThrownBy(() -> new NearestNeighbourClassifier(EXAMPLES, 0, Weighting.SIMILARITY, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NearestNeighbourClassifier(EXAMPLES, 3, Weighting.SOFTMAX, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
