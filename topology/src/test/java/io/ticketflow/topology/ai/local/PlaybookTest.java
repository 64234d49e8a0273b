package io.ticketflow.topology.ai.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybookTest {

    @Test
    void shouldGiveACategoryItsStepsInOrderAndOthersTheFallback() {
        var playbook = Playbook.parse(
                "test",
                List.of("# steps", "[Hardware]", "- Check the cable.", "- Restart it.", "", "[*]", "- Ask the user."));

        assertThat(playbook.stepsFor("Hardware")).containsExactly("Check the cable.", "Restart it.");
        assertThat(playbook.stepsFor("Purchase")).containsExactly("Ask the user.");
        assertThat(playbook.covers("Purchase")).isTrue();
    }

    @Test
    void shouldNotCoverACategoryWithoutStepsOrFallback() {
        var playbook = Playbook.parse("test", List.of("[Hardware]", "- Restart it."));

        assertThat(playbook.covers("Access")).isFalse();
        assertThatThrownBy(() -> playbook.stepsFor("Access")).hasMessageContaining("Access");
    }

    @Test
    void shouldNameTheLineOfAMalformedEntry() {
        assertThatThrownBy(() -> Playbook.parse("playbook.txt", List.of("- orphan step")))
                .hasMessageContaining("playbook.txt line 1");
        assertThatThrownBy(() -> Playbook.parse("playbook.txt", List.of("[Access]", "[Storage]", "- a")))
                .hasMessageContaining("[Access] has no steps");
    }
}
