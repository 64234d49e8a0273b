package io.ticketflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.schemas.contract.EventContract;
import io.ticketflow.schemas.serde.EventJson;
import io.ticketflow.schemas.serde.JsonSerde;
import io.ticketflow.schemas.validation.EventSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventRoundTripTest {

    static Stream<Arguments> events() {
        return Arrays.stream(EventContract.values())
                .flatMap(contract -> Stream.of(
                        Arguments.of(
                                contract.eventName() + " fully populated", EventFixtures.full(contract.eventType())),
                        Arguments.of(contract.eventName() + " minimal", EventFixtures.minimal(contract.eventType()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void shouldReadBackAnEqualRecordThroughJsonSerde(String name, Record event) {
        JsonSerde<Record> serde = serdeOf(event);

        Record readBack = serde.deserialize("any-topic", serde.serialize("any-topic", event));

        assertThat(readBack).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void shouldWriteJsonThatTheEventSchemaAccepts(String name, Record event) {
        JsonNode json = EventJson.mapper().readTree(serdeOf(event).serialize("any-topic", event));

        assertThat(EventSchemas.forEvent(event.getClass()).validate(json)).isEmpty();
    }

    @Test
    void shouldOmitAbsentOptionalComponentsButWriteEmptyCollections() {
        JsonNode json = EventJson.mapper().valueToTree(EventFixtures.minimalEnriched());

        assertThat(json.propertyNames()).containsExactlyInAnyOrder("schemaVersion", "ticket", "audit");
        assertThat(json.get("audit").isArray()).isTrue();
        assertThat(json.at("/ticket/reporter").propertyNames()).containsExactly("id");
        assertThat(json.at("/ticket/attributes").isObject()).isTrue();
    }

    @Test
    void shouldWriteInstantsAsIsoStrings() {
        JsonNode json = EventJson.mapper().valueToTree(EventFixtures.fullTicket());

        assertThat(json.get("createdAt").stringValue()).isEqualTo("2026-11-03T15:10:00.123456789Z");
    }

    @Test
    void shouldReadInstantsWrittenWithAnOffset() {
        ObjectNode json = EventJson.mapper().valueToTree(EventFixtures.fullTicket());
        json.put("createdAt", "2026-11-03T16:10:00+01:00");

        TicketIngested ticket = JsonSerde.of(TicketIngested.class).deserialize("any-topic", bytes(json));

        assertThat(ticket.createdAt()).isEqualTo(Instant.parse("2026-11-03T15:10:00Z"));
    }

    @Test
    void shouldIgnoreUnknownFieldsWhenReading() {
        ObjectNode json = EventJson.mapper().valueToTree(EventFixtures.fullTicket());
        json.put("severityHint", "high");

        TicketIngested ticket = JsonSerde.of(TicketIngested.class).deserialize("any-topic", bytes(json));

        assertThat(ticket).isEqualTo(EventFixtures.fullTicket());
    }

    @Test
    void shouldRejectPayloadWithoutARequiredComponent() {
        ObjectNode json = EventJson.mapper().valueToTree(EventFixtures.fullTicket());
        json.remove("title");

        assertThatThrownBy(() -> JsonSerde.of(TicketIngested.class).deserialize("tickets.ingested", bytes(json)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("title");
    }

    @Test
    void shouldRejectApprovalRequestWithoutReasons() {
        ApprovalRequested valid = EventFixtures.minimalApprovalRequested();

        assertThatThrownBy(() -> new ApprovalRequested(
                        valid.schemaVersion(),
                        valid.approvalId(),
                        valid.ticketId(),
                        valid.tenant(),
                        valid.ticket(),
                        null,
                        null,
                        null,
                        valid.requestedAt(),
                        valid.expiresAt()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason");
    }

    private static byte[] bytes(JsonNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static JsonSerde<Record> serdeOf(Record event) {
        return JsonSerde.of((Class<Record>) event.getClass());
    }
}
