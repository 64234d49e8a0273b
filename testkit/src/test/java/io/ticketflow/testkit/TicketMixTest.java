package io.ticketflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ticketflow.testkit.GeneratedTicket.Kind;
import org.junit.jupiter.api.Test;

class TicketMixTest {

    private final TicketMix mix = new TicketMix(0.1, 0.2, 0.3, 0.05);

    @Test
    void shouldLeaveTheRestToNewTickets() {
        assertThat(mix.newTickets()).isCloseTo(0.35, within(1e-9));
        assertThat(TicketMix.DEFAULT.newTickets()).isCloseTo(0.82, within(1e-9));
    }

    @Test
    void shouldMapDrawsToKindsInProportionToTheirShares() {
        assertThat(mix.kindAt(0.0)).isEqualTo(Kind.INVALID);
        assertThat(mix.kindAt(0.04)).isEqualTo(Kind.INVALID);
        assertThat(mix.kindAt(0.06)).isEqualTo(Kind.EXACT_REPEAT);
        assertThat(mix.kindAt(0.14)).isEqualTo(Kind.EXACT_REPEAT);
        assertThat(mix.kindAt(0.16)).isEqualTo(Kind.SAME_TEXT_NEW_ID);
        assertThat(mix.kindAt(0.34)).isEqualTo(Kind.SAME_TEXT_NEW_ID);
        assertThat(mix.kindAt(0.36)).isEqualTo(Kind.REWORDING);
        assertThat(mix.kindAt(0.64)).isEqualTo(Kind.REWORDING);
        assertThat(mix.kindAt(0.66)).isEqualTo(Kind.NEW);
        assertThat(mix.kindAt(0.999)).isEqualTo(Kind.NEW);
    }

    @Test
    void shouldNeverPickAKindWithoutShare() {
        assertThat(TicketMix.NEW_ONLY.kindAt(0.0)).isEqualTo(Kind.NEW);
    }

    @Test
    void shouldRefuseSharesOutsideZeroToOneOrAddingUpToMoreThanOne() {
        assertThatThrownBy(() -> new TicketMix(-0.1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TicketMix(0, Double.NaN, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TicketMix(0.5, 0.3, 0.2, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 1");
    }
}
