package io.ticketflow.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.schemas.serde.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StoredTicketJsonTest {

    private static final String TOPIC = "dedup-tickets-changelog";
    private final JsonSerde<StoredTicket> serde = JsonSerde.of(StoredTicket.class);

    @Test
    void shouldKeepEveryEmbeddingComponentExactlyThroughTheStore() {
        float[] embedding = {0.1f, -0.2f, Float.MIN_VALUE, -0.0f, 1e-30f, 0.70710677f};
        StoredTicket ticket = new StoredTicket(
                "T-1",
                "acme",
                Instant.parse("2026-11-23T10:00:00Z"),
                "Login fails",
                embedding,
                Map.of("login", 2),
                null);

        byte[] stored = serde.serialize(TOPIC, ticket);
        StoredTicket read = serde.deserialize(TOPIC, stored);

        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("[0.1");
        assertThat(read.embedding()).containsExactly(embedding);
        assertThat(read.terms()).isEqualTo(Map.of("login", 2));
    }

    @Test
    void shouldStillReadValuesWrittenWithTheEmbeddingAsAnArrayOfNumbers() {
        String earlier = """
                {"id":"T-1","scope":"acme","created":"2026-11-23T10:00:00Z","title":"Login fails",\
                "embedding":[0.6,0.8],"terms":{"login":1}}""";

        StoredTicket read = serde.deserialize(TOPIC, earlier.getBytes(StandardCharsets.UTF_8));

        assertThat(read.embedding()).containsExactly(0.6f, 0.8f);
        assertThat(read.terms()).isEqualTo(Map.of("login", 1));
    }

    @Test
    void shouldWriteWordsAsValuesNotPropertyNames() {
        StoredTicket ticket = new StoredTicket(
                "T-1", "acme", Instant.EPOCH, "Login fails", new float[] {1}, Map.of("login", 2), null);

        String stored = new String(serde.serialize(TOPIC, ticket), StandardCharsets.UTF_8);

        assertThat(stored).contains("\"terms\":[[\"login\",2]]");
    }

    @Test
    void shouldRefuseAnEmbeddingThatIsNotWholeComponents() {
        String broken = """
                {"id":"T-1","scope":"acme","created":"2026-11-23T10:00:00Z","title":"Login fails",\
                "embedding":"AAAA","terms":{}}""";

        assertThatThrownBy(() -> serde.deserialize(TOPIC, broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not whole float components");
    }
}
