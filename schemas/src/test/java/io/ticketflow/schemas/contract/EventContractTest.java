package io.ticketflow.schemas.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.schemas.TicketIngested;
import org.junit.jupiter.api.Test;

class EventContractTest {

    @Test
    void shouldFindTheContractOfAnEventType() {
        assertThat(EventContract.of(TicketIngested.class)).isEqualTo(EventContract.TICKET_INGESTED);
    }

    @Test
    void shouldRefuseATypeThatIsNotAnEvent() {
        assertThatThrownBy(() -> EventContract.of(String.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldMapTheCurrentIdToTheCurrentSchemaFile() {
        assertThat(EventContract.resourceOf("https://ticketflow.io/schemas/TicketIngested/1"))
                .contains("schemas/TicketIngested.schema.json");
    }

    @Test
    void shouldMapNoResourceToUnknownIds() {
        assertThat(EventContract.resourceOf("https://ticketflow.io/schemas/TicketIngested/2"))
                .isEmpty();
        assertThat(EventContract.resourceOf("https://ticketflow.io/schemas/TicketIngested/0"))
                .isEmpty();
        assertThat(EventContract.resourceOf("https://ticketflow.io/schemas/Unknown/1"))
                .isEmpty();
        assertThat(EventContract.resourceOf("https://example.org/schemas/TicketIngested/1"))
                .isEmpty();
    }

    @Test
    void shouldNameReleasedCopiesByVersion() {
        assertThat(EventContract.APPROVAL_DECIDED.releasedResource(3))
                .isEqualTo("schemas/released/ApprovalDecided/v3.schema.json");
    }

    @Test
    void shouldRefuseToReadAMissingSchema() {
        assertThatThrownBy(() -> EventContract.read("schemas/Nope.schema.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schemas/Nope.schema.json");
    }
}
