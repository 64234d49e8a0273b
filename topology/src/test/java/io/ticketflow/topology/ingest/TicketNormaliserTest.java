package io.ticketflow.topology.ingest;

import static io.ticketflow.topology.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.topology.config.IngestSettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TicketNormaliserTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final TicketNormaliser normaliser = new TicketNormaliser(new IngestSettings(null, 10, 5));

    @Test
    void shouldTrimTextAndDropControlCharactersButKeepLineBreaks() {
        var normalised = normaliser.normalise(ticket("T-1", "\t Printer\u0000 \n", " a\u001bb\nc "), NOW);

        assertThat(normalised.ticket().title()).isEqualTo("Printer");
        assertThat(normalised.ticket().description()).isEqualTo("ab\nc");
        assertThat(normalised.stage().flags()).isEmpty();
    }

    @Test
    void shouldTruncateDescriptionOnACharacterBoundaryAndFlagIt() {
        // Four emoji are eight UTF-16 units: a naive cut at five units would split the third one.
        var normalised = normaliser.normalise(ticket("T-2", "Emoji", "😀😀😀😀😀😀"), NOW);

        assertThat(normalised.ticket().description()).isEqualTo("😀😀😀😀😀");
        assertThat(normalised.stage().flags()).containsExactly(TicketNormaliser.DESCRIPTION_TRUNCATED);
        assertThat(normalised.stage().details()).containsEntry("originalDescriptionLength", "6");
        assertThat(normalised.stage().at()).isEqualTo(NOW);
    }

    @Test
    void shouldAcceptTitleOfExactlyTheLimitAfterTrimming() {
        var normalised = normaliser.normalise(ticket("T-3", "  0123456789  ", ""), NOW);

        assertThat(normalised.ticket().title()).isEqualTo("0123456789");
    }

    @Test
    void shouldRejectTitleLongerThanTheLimit() {
        assertThatThrownBy(() -> normaliser.normalise(ticket("T-4", "01234567890", ""), NOW))
                .isInstanceOfSatisfying(
                        RejectedTicketException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.TITLE_TOO_LONG))
                .hasMessageContaining("11 characters")
                .hasMessageContaining("limit of 10");
    }

    @Test
    void shouldKeepEverythingButTheText() {
        var original = ticket("T-5", "Mouse", "dead");

        var normalised = normaliser.normalise(original, NOW).ticket();

        assertThat(normalised).isEqualTo(original);
    }
}
