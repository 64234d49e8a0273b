package io.ticketflow.topology.ai.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.schemas.Triage;
import io.ticketflow.topology.Tickets;
import io.ticketflow.topology.ai.TriageRequest;
import io.ticketflow.topology.config.LocalModelSettings;
import io.ticketflow.topology.config.ModelSettings;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalModelsTest {

    @Test
    void shouldShipAClassifierTrainedOnExactlyTheDefaultCategories() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(LocalModelSettings.DEFAULT_CLASSIFIER)) {
            CategoryClassifier shipped = CategoryClassifier.readFrom(in);

            assertThat(shipped.categories()).containsExactlyInAnyOrderElementsOf(ModelSettings.DEFAULT_CATEGORIES);
            assertThat(shipped.embeddingModel()).isEqualTo(LocalEmbeddingModel.MODEL_ID);
        }
    }

    @Test
    void shouldTriageWithTheShippedClassifierByDefault() {
        try (LocalModels models = LocalModels.create(LocalModelSettings.defaults(), ModelSettings.DEFAULT_CATEGORIES)) {
            Triage triage = models.triage()
                    .triage(new TriageRequest(
                            Tickets.ticket(
                                    "T-1",
                                    "Laptop does not start",
                                    "My laptop will not power on, the charger light is off."),
                            List.of()))
                    .toCompletableFuture()
                    .join();

            assertThat(triage.category()).isEqualTo("Hardware");
            assertThat(models.embedding().modelId()).isEqualTo(LocalEmbeddingModel.MODEL_ID);
        }
    }

    @Test
    void shouldNameTheSettingOfAMissingResource() {
        var settings = new LocalModelSettings(1, null, null, null, null, "no/such/rules.txt", null, null);

        assertThatThrownBy(() -> LocalModels.create(settings, ModelSettings.DEFAULT_CATEGORIES))
                .hasMessageContaining("ticketflow.model.local.priority-rules")
                .hasMessageContaining("no/such/rules.txt");
    }
}
