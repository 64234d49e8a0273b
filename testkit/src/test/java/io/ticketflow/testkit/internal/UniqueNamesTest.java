package io.ticketflow.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UniqueNamesTest {

    private final UniqueNames names = new UniqueNames();

    @Test
    void shouldNeverReturnTheSameNameTwice() {
        List<String> generated = IntStream.range(0, 10_000)
                .parallel()
                .mapToObj(i -> names.next("tickets"))
                .toList();

        assertThat(generated).doesNotHaveDuplicates().allMatch(name -> name.startsWith("tickets-"));
    }

    @Test
    void shouldReplaceCharactersKafkaDoesNotAllow() {
        String name = names.next("tickets ingested/ü:v2");

        assertThat(name).matches("tickets-ingested---v2-1-[a-z0-9]{6}");
    }

    @Test
    void shouldKeepDotsAndUnderscores() {
        assertThat(names.next("tickets.ingested_dlq")).startsWith("tickets.ingested_dlq-1-");
    }

    @Test
    void shouldCutALongBaseToKafkasLengthLimit() {
        String name = names.next("x".repeat(400));

        assertThat(name).hasSize(UniqueNames.MAX_LENGTH).matches("x+-1-[a-z0-9]{6}");
    }

    @Test
    void shouldRefuseABlankBase() {
        assertThatThrownBy(() -> names.next("  ")).isInstanceOf(IllegalArgumentException.class);
    }
}
