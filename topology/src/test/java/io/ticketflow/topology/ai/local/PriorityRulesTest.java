package io.ticketflow.topology.ai.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.schemas.Priority;
import io.ticketflow.topology.config.LocalModelSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorityRulesTest {

    private static PriorityRules shipped;

    @BeforeAll
    static void loadShippedRules() throws IOException {
        try (InputStream in = PriorityRulesTest.class
                .getClassLoader()
                .getResourceAsStream(LocalModelSettings.DEFAULT_PRIORITY_RULES)) {
            shipped = PriorityRules.parse(
                    "priority-rules.txt",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .lines()
                            .toList());
        }
    }

    @ParameterizedTest(name = "{0} / {1} -> {2} ({3})")
    @CsvSource(
            delimiter = '|',
            value = {
                "Email outage in Berlin | Nobody receives mail since 9:00 | P1 | outage",
                "Shared drive | The file server is down for everyone on floor 3 | P1 | outage",
                "Possible security breach | Unknown admin logins on the HR server overnight | P1 | security-breach",
                "Lost files | All files on the project share were deleted this morning | P1 | data-loss",
                "Cannot log in | I cannot log in to SAP since the password change | P2 | blocked-user",
                "Account locked | I am locked out after three attempts | P2 | blocked-user",
                "How do I add a shared calendar? | Just curious | P4 | question",
                "Typo on the intranet home page | Wellcome should be Welcome | P4 | cosmetic",
                "New mouse | My mouse wheel is sticky, please replace it | P3 | default",
            })
    void shouldPrioritiseByTheShippedRules(String title, String description, Priority priority, String rule) {
        assertThat(shipped.assess(title, description)).isEqualTo(new PriorityRules.Assessment(priority, rule));
    }

    @Test
    void shouldLetTheFirstMatchingRuleDecide() {
        // An outage reported as a question is still an outage: P1 rules come first.
        assertThat(shipped.assess("Is the VPN down for everyone?", "").priority())
                .isEqualTo(Priority.P1);
    }

    @Test
    void shouldReadRulesAndTheDefaultFromTheirFormat() {
        var rules = PriorityRules.parse(
                "test", List.of("# comment", "", "default P4", "P2 vip \\bceo\\b", "P1 fire (fire|smoke)"));

        assertThat(rules.assess("The CEO's laptop", "").priority()).isEqualTo(Priority.P2);
        assertThat(rules.assess("Smoke from the printer", "").priority()).isEqualTo(Priority.P1);
        assertThat(rules.assess("Anything else", "").priority()).isEqualTo(Priority.P4);
    }

    @Test
    void shouldNameTheLineOfAMalformedRule() {
        assertThatThrownBy(() -> PriorityRules.parse("rules.txt", List.of("default P3", "P9 x y")))
                .hasMessageContaining("rules.txt line 2")
                .hasMessageContaining("P9");
        assertThatThrownBy(() -> PriorityRules.parse("rules.txt", List.of("default P3", "P1 broken (unclosed")))
                .hasMessageContaining("rules.txt line 2")
                .hasMessageContaining("regular expression");
        assertThatThrownBy(() -> PriorityRules.parse("rules.txt", List.of("P1 outage outage")))
                .hasMessageContaining("default");
    }
}
