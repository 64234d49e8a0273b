package io.ticketflow.topology.ingest;

import static io.ticketflow.topology.Tickets.bytes;
import static io.ticketflow.topology.Tickets.json;
import static io.ticketflow.topology.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class TicketParserTest {

    private final TicketParser parser = new TicketParser(4096);

    @Test
    void shouldParseValidTicket() {
        var ticket = ticket("INC-1");

        assertThat(parser.parse(bytes(ticket))).isEqualTo(ticket);
    }

    @Test
    void shouldRejectEmptyAndMissingValues() {
        assertRejected(() -> parser.parse(null), RejectionReason.UNREADABLE_JSON);
        assertRejected(() -> parser.parse(new byte[0]), RejectionReason.UNREADABLE_JSON);
    }

    @Test
    void shouldRejectTextThatIsNotJson() {
        assertRejected(() -> parser.parse(json("ticket: printer broken")), RejectionReason.UNREADABLE_JSON);
    }

    @Test
    void shouldRejectRecordOverTheSizeLimitBeforeParsingIt() {
        byte[] oversized = new byte[4097];

        assertThatThrownBy(() -> parser.parse(oversized))
                .isInstanceOfSatisfying(
                        RejectedTicketException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.OVERSIZED_RECORD))
                .hasMessageContaining("4097 bytes");
    }

    @Test
    void shouldRejectWrongTypesNamingTheField() {
        byte[] wrongType = json("""
                {"schemaVersion":1,"id":"T-1","tenant":"acme","source":"webform","title":42,"description":"",
                 "reporter":{"id":"u-1"},"createdAt":"2026-11-20T08:15:30Z"}""");

        assertThatThrownBy(() -> parser.parse(wrongType))
                .isInstanceOfSatisfying(
                        RejectedTicketException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.SCHEMA_VIOLATION))
                .hasMessageContaining("title");
    }

    @Test
    void shouldRejectUnparseableTimestamp() {
        byte[] badDate = json("""
                {"schemaVersion":1,"id":"T-1","tenant":"acme","source":"webform","title":"t","description":"",
                 "reporter":{"id":"u-1"},"createdAt":"yesterday"}""");

        assertThatThrownBy(() -> parser.parse(badDate))
                .isInstanceOfSatisfying(
                        RejectedTicketException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.SCHEMA_VIOLATION))
                .hasMessageContaining("createdAt");
    }

    @Test
    void shouldRejectJsonThatIsNotAnObject() {
        assertRejected(() -> parser.parse(json("[1,2,3]")), RejectionReason.SCHEMA_VIOLATION);
    }

    private static void assertRejected(ThrowingCallable call, RejectionReason reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RejectedTicketException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    }
}
