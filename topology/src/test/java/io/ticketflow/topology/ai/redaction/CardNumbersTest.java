package io.ticketflow.topology.ai.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardNumbersTest {

    @Test
    void shouldPassTheLuhnCheckForValidNumbersOnly() {
        assertThat(CardNumbers.passesLuhn("4111111111111111")).isTrue();
        assertThat(CardNumbers.passesLuhn("79927398713")).isTrue();
        assertThat(CardNumbers.passesLuhn("4111111111111112")).isFalse();
        assertThat(CardNumbers.passesLuhn("79927398710")).isFalse();
    }
}
