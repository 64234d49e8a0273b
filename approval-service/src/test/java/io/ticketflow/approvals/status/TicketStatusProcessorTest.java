package io.ticketflow.approvals.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.schemas.serde.JsonSerde;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class TicketStatusProcessorTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private final KeyValueStore<String, TicketWhereabouts> statuses = Stores.keyValueStoreBuilder(
                    Stores.inMemoryKeyValueStore(TicketStatusProcessor.STORE),
                    Serdes.String(),
                    JsonSerde.of(TicketWhereabouts.class))
            .withLoggingDisabled()
            .build();
    private final MockProcessorContext<Void, Void> context = new MockProcessorContext<>();

    TicketStatusProcessorTest() {
        statuses.init(context.getStateStoreContext(), statuses);
        context.addStateStore(statuses);
    }

    @Test
    void shouldKeepADeadLetteredTicketDeadLetteredWhenItsIngestionIsReadAfterwards() {
        arrive(TicketStage.DEAD_LETTERED, "TCK-1", T0.plusMillis(3));
        arrive(TicketStage.IN_FLIGHT, "TCK-1", T0);

        assertThat(statuses.get("TCK-1").stage()).isEqualTo(TicketStage.DEAD_LETTERED);
    }

    @Test
    void shouldStartOverWhenATicketIsSentAgainAfterItLeft() {
        arrive(TicketStage.IN_FLIGHT, "TCK-2", T0);
        arrive(TicketStage.ENRICHED, "TCK-2", T0.plusSeconds(1));
        arrive(TicketStage.IN_FLIGHT, "TCK-2", T0.plusSeconds(60));

        assertThat(statuses.get("TCK-2"))
                .isEqualTo(new TicketWhereabouts("TCK-2", TicketStage.IN_FLIGHT, T0.plusSeconds(60)));
    }

    @Test
    void shouldNeverGoBackOtherwise() {
        arrive(TicketStage.DECIDED, "TCK-3", T0.plusSeconds(5));
        arrive(TicketStage.AWAITING_REVIEW, "TCK-3", T0.plusSeconds(9));
        arrive(TicketStage.IN_FLIGHT, "TCK-3", T0.plusSeconds(9));

        assertThat(statuses.get("TCK-3").stage()).isEqualTo(TicketStage.DECIDED);
    }

    /** A record keyed by {@code ticketId} with timestamp {@code at} on the topic of {@code stage}. */
    private void arrive(TicketStage stage, String ticketId, Instant at) {
        TicketStatusProcessor processor = new TicketStatusProcessor(stage);
        processor.init(context);
        processor.process(new Record<>(ticketId, new Object(), at.toEpochMilli()));
    }
}
