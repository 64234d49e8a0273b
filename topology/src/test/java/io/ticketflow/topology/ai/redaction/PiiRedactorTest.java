package io.ticketflow.topology.ai.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.schemas.DuplicateCandidate;
import io.ticketflow.schemas.Reporter;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.topology.ai.EmbeddingRequest;
import io.ticketflow.topology.ai.TriageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiRedactorTest {

    private final PiiRedactor redactor = new PiiRedactor(RedactionSettings.defaults());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jane.doe@example.com",
                "jane.doe+it@example.co.uk",
                "J_Smith-2@mail.sub-domain.example.org",
                "müller@beispiel.de"
            })
    void shouldRedactEmailAddresses(String address) {
        assertThat(redactor.redact("Mail " + address + ", thanks")).isEqualTo("Mail [EMAIL], thanks");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+44 20 7946 0958",
                "+44 (0)20 7946 0958",
                "+1 (555) 123-4567",
                "+1-555-123-4567",
                "+31612345678",
                "+49 30 1234567",
                "(555) 123-4567",
                "(020) 7946 0958",
                "555-123-4567",
                "555.123.4567",
                "555 123 4567",
                "020 7946 0958",
                "0800 123 4567",
                "06-12345678",
                "030 1234567",
                "01 23 45 67 89",
                "00 44 20 7946 0958"
            })
    void shouldRedactPhoneNumbers(String number) {
        assertThat(redactor.redact("Call me on " + number + " today")).isEqualTo("Call me on [PHONE] today");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "192.168.1.20", "255.255.255.255", "0.0.0.0"})
    void shouldRedactIpv4Addresses(String address) {
        assertThat(redactor.redact("Host " + address + " is down")).isEqualTo("Host [IP] is down");
    }

    @Test
    void shouldRedactIpv4AddressesWithPortPrefixLengthOrAtTheEndOfASentence() {
        assertThat(redactor.redact("Proxy 10.1.2.3:8080 and net 10.0.0.0/8 fail, also 172.16.0.9."))
                .isEqualTo("Proxy [IP]:8080 and net [IP]/8 fail, also [IP].");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2001:db8:85a3::8a2e:370:7334",
                "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
                "fe80::1",
                "::1",
                "::ffff:192.0.2.128",
                "2001:DB8::"
            })
    void shouldRedactIpv6Addresses(String address) {
        assertThat(redactor.redact("Host " + address + " is down")).isEqualTo("Host [IP] is down");
    }

    @Test
    void shouldRedactAnIpv6AddressInBracketsWithAPort() {
        assertThat(redactor.redact("URL http://[2001:db8::1]:8080/health")).isEqualTo("URL http://[[IP]]:8080/health");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4111 1111 1111 1111",
                "4111-1111-1111-1111",
                "4111111111111111",
                "5555 5555 5555 4444",
                "3782 822463 10005",
                "6011000990139424"
            })
    void shouldRedactLuhnValidCardNumbers(String number) {
        assertThat(redactor.redact("Card " + number + " was charged twice")).isEqualTo("Card [CARD] was charged twice");
    }

    @Test
    void shouldFindACardNumberFollowedByAnotherNumber() {
        assertThat(redactor.redact("Card 4111 1111 1111 1111 2027 expired")).isEqualTo("Card [CARD] 2027 expired");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Ticket INC0012345 is a repeat of INC0012344",
                "See REQ-0012345 and CHG0034567",
                "Since 2024-01-15 the sync fails",
                "Since 15.01.2024 the sync fails",
                "Since 01/02/2024 the sync fails",
                "Since 2024-01-15 10:30 the sync fails",
                "Since 01.02.2024 10:30 the sync fails",
                "Upgraded to 10.2.3 and then v1.2.3.4, Java 21.0.4",
                "Backup ran from 10:30:45 to 11:02:10",
                "NIC 00:1A:2B:3C:4D:5E shows link down",
                "std::vector throws in Foo::bar",
                "Card 4111 1111 1111 1112 fails the Luhn check",
                "Order 12345678 arrived",
                "Error 0x80070005 and HTTP 503, code 404",
                "Quota is 1 234 567 bytes, price € 1,234.56",
                "Order 0612345678 is late",
                "Host 1.2.3.4.5 is no address",
                "Mail admin@intranet for access"
            })
    void shouldLeaveIdsDatesVersionsTimesAndOtherNumbersAlone(String text) {
        assertThat(redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void shouldRedactEveryKindInOneText() {
        String text = "From jane@example.com (+44 20 7946 0958): card 4111 1111 1111 1111 declined on 10.0.0.7, "
                + "ticket INC0012345";

        assertThat(redactor.redact(text))
                .isEqualTo("From [EMAIL] ([PHONE]): card [CARD] declined on [IP], ticket INC0012345");
    }

    @Test
    void shouldRedactOnlyTheConfiguredKinds() {
        PiiRedactor onlyEmailAndCard = new PiiRedactor(new RedactionSettings(Set.of(PiiKind.EMAIL, PiiKind.CARD)));
        String text = "jane@example.com on 10.0.0.7, phone 020 7946 0958, card 4111111111111111";

        assertThat(onlyEmailAndCard.redact(text)).isEqualTo("[EMAIL] on 10.0.0.7, phone 020 7946 0958, card [CARD]");
        assertThat(new PiiRedactor(new RedactionSettings(Set.of())).redact(text))
                .isEqualTo(text);
    }

    @Test
    void shouldDefaultToEveryKind() {
        assertThat(RedactionSettings.defaults().kinds()).containsExactlyInAnyOrder(PiiKind.values());
        assertThat(new PiiRedactor(RedactionSettings.defaults()).kinds()).containsExactlyInAnyOrder(PiiKind.values());
    }

    @Test
    void shouldRedactTitleAndDescriptionAndKeepEverythingElse() {
        TicketIngested ticket = ticket("Call 020 7946 0958", "Mail jane@example.com");

        TicketIngested redacted = redactor.redact(ticket);

        assertThat(redacted.title()).isEqualTo("Call [PHONE]");
        assertThat(redacted.description()).isEqualTo("Mail [EMAIL]");
        assertThat(redacted.withText(ticket.title(), ticket.description())).isEqualTo(ticket);
        assertThat(ticket.description()).isEqualTo("Mail jane@example.com");
    }

    @Test
    void shouldRedactTheTextOfModelRequestsIncludingCandidateTitles() {
        TriageRequest request = new TriageRequest(
                ticket("VPN down", "From 10.0.0.7"),
                List.of(new DuplicateCandidate("INC-1", 0.91, "VPN down for jane@example.com")));

        TriageRequest redacted = redactor.redact(request);

        assertThat(redacted.ticket().description()).isEqualTo("From [IP]");
        assertThat(redacted.candidates())
                .containsExactly(new DuplicateCandidate("INC-1", 0.91, "VPN down for [EMAIL]"));
        assertThat(redactor.redact(new EmbeddingRequest("INC-2", "Call +31612345678")))
                .isEqualTo(new EmbeddingRequest("INC-2", "Call [PHONE]"));
    }

    private static TicketIngested ticket(String title, String description) {
        return new TicketIngested(
                1,
                "INC-2",
                "acme",
                "servicedesk",
                title,
                description,
                new Reporter("u1", "Jane", "jane@example.com"),
                Instant.parse("2026-11-23T09:00:00Z"),
                Map.of());
    }
}
