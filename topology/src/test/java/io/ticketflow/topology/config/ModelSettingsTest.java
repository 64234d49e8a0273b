package io.ticketflow.topology.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSettingsTest {

    @Test
    void shouldDefaultToTheLocalProviderAndTheLocalClassifiersCategories() {
        ModelSettings settings = ModelSettings.defaults();

        assertThat(settings.provider()).isEqualTo("local");
        assertThat(settings.categories())
                .hasSize(8)
                .startsWith("Access", "Administrative rights")
                .contains("Miscellaneous")
                .isSorted();
    }

    @Test
    void shouldAcceptTheProvidersTheIssueNames() {
        assertThat(ModelSettings.PROVIDERS).containsExactlyInAnyOrder("local", "bedrock", "simulator");
        assertThat(withProvider("Simulator").provider()).isEqualTo("simulator");
        assertThatThrownBy(() -> withProvider("simulated"))
                .hasMessage("ticketflow.model.provider must be one of " + ModelSettings.PROVIDERS + ", was simulated");
    }

    @Test
    void shouldKeepConfiguredCategoriesInOrderWithoutSurroundingBlanks() {
        assertThat(withCategories(List.of(" Hardware ", "Access")).categories()).containsExactly("Hardware", "Access");
    }

    @Test
    void shouldRefuseEmptyBlankOrRepeatedCategories() {
        assertThatThrownBy(() -> withCategories(List.of()))
                .hasMessage("ticketflow.model.categories must name at least one category");
        assertThatThrownBy(() -> withCategories(List.of("Hardware", " ")))
                .hasMessage("ticketflow.model.categories must not contain a blank name");
        assertThatThrownBy(() -> withCategories(List.of("Hardware", "hardware ")))
                .hasMessage("ticketflow.model.categories names 'hardware' twice");
    }

    private static ModelSettings withProvider(String provider) {
        return new ModelSettings(provider, null, null, null, null, null, null, null);
    }

    private static ModelSettings withCategories(List<String> categories) {
        return new ModelSettings(null, null, null, null, null, null, null, categories);
    }
}
