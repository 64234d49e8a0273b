package io.ticketflow.topology.ai.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.schemas.Triage;
import io.ticketflow.topology.Tickets;
import io.ticketflow.topology.ai.TriageRequest;
import io.ticketflow.topology.config.LocalModelSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalModelsTest {

    private static final List<String> IT_TICKET_LABELS = List.of(
            "Access",
            "Administrative rights",
            "HR Support",
            "Hardware",
            "Internal Project",
            "Miscellaneous",
            "Purchase",
            "Storage");

    @Test
    void shouldTriageWithTheShippedExampleSetByDefault() {
        try (LocalModels models = LocalModels.create(LocalModelSettings.defaults())) {
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
            assertThat(IT_TICKET_LABELS).contains(triage.category());
            assertThat(models.embedding().modelId()).isEqualTo(LocalEmbeddingModel.MODEL_ID);
        }
    }

    @Test
    void shouldNameTheSettingOfAMissingResource() {
        var settings = new LocalModelSettings(
                1, null, null, null, null, null, null, null, null, "no/such/rules.txt", null, null);

        assertThatThrownBy(() -> LocalModels.create(settings))
                .hasMessageContaining("ticketflow.model.local.priority-rules")
                .hasMessageContaining("no/such/rules.txt");
    }
}
