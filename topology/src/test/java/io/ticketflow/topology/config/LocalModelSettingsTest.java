package io.ticketflow.topology.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.schemas.Priority;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalModelSettingsTest {

    @Test
    void shouldDefaultToOneThreadPerCoreAndTheShippedResources() {
        var settings = LocalModelSettings.defaults();

        assertThat(settings.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(settings.chunkWords()).isEqualTo(48);
        assertThat(settings.classifier()).isEqualTo(LocalModelSettings.DEFAULT_CLASSIFIER);
        assertThat(settings.priorityRules()).isEqualTo(LocalModelSettings.DEFAULT_PRIORITY_RULES);
        assertThat(settings.resolutionMinutes()).containsEntry(Priority.P1, 240).containsEntry(Priority.P4, 4320);
    }

    @Test
    void shouldKeepDefaultMinutesForPrioritiesLeftOut() {
        var settings = new LocalModelSettings(null, null, null, null, null, null, null, Map.of(Priority.P1, 60));

        assertThat(settings.resolutionMinutes()).containsEntry(Priority.P1, 60).containsEntry(Priority.P2, 480);
    }

    @Test
    void shouldRejectSettingsOutOfRangeNamingTheSetting() {
        assertThatThrownBy(() -> new LocalModelSettings(0, null, null, null, null, null, null, null))
                .hasMessageContaining("ticketflow.model.local.threads");
        assertThatThrownBy(() -> new LocalModelSettings(null, null, 0, null, null, null, null, null))
                .hasMessageContaining("ticketflow.model.local.chunk-words");
        assertThatThrownBy(() -> new LocalModelSettings(null, null, null, null, " ", null, null, null))
                .hasMessageContaining("ticketflow.model.local.classifier");
        assertThatThrownBy(
                        () -> new LocalModelSettings(null, null, null, null, null, null, null, Map.of(Priority.P3, 0)))
                .hasMessageContaining("ticketflow.model.local.resolution-minutes.P3");
    }
}
