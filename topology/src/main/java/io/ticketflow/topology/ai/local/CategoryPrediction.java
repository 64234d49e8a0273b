package io.ticketflow.topology.ai.local;

import java.util.Objects;

/**
 * The {@link CategoryClassifier}'s verdict on a ticket's category.
 *
 * @param category the most probable category, one of the classifier's
 * @param probability the model's probability of that category, in (0, 1]
 * @param confidence the margin between the two most probable categories' probabilities, in [0, 1]: near 1 when the
 *     model sees one category only, 0 on a tie. Unlike the probability alone, it is low whenever a second category
 *     comes close, which is when a human should look
 */
public record CategoryPrediction(String category, double probability, double confidence) {
    public CategoryPrediction {
        Objects.requireNonNull(category, "category");
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be within (0, 1], was " + probability);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within [0, 1], was " + confidence);
        }
    }
}
