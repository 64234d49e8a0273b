package io.ticketflow.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.schemas.ApprovalDecided;
import io.ticketflow.schemas.ApprovalRequested;
import io.ticketflow.schemas.EventFixtures;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.serde.EventJson;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventSchemasTest {

    private static final EventSchemas TICKETS = EventSchemas.forEvent(TicketIngested.class);

    private static ObjectNode validTicket() {
        return EventJson.mapper().valueToTree(EventFixtures.fullTicket());
    }

    @Nested
    class TicketIngestedContract {

        @Test
        void shouldAcceptValidTicket() {
            assertThat(TICKETS.validate(validTicket())).isEmpty();
        }

        @Test
        void shouldRejectTicketWithoutTitle() {
            ObjectNode ticket = validTicket();
            ticket.remove("title");

            assertThat(TICKETS.validate(ticket)).containsExactly("$.title: is required but missing");
        }

        @Test
        void shouldRejectTicketWithEmptyTitle() {
            ObjectNode ticket = validTicket().put("title", "");

            assertThat(TICKETS.validate(ticket)).contains("$.title: must be at least 1 characters long");
        }

        @Test
        void shouldRejectTicketWithBlankTitle() {
            ObjectNode ticket = validTicket().put("title", " \t\u00A0\u3000 ");

            assertThat(TICKETS.validate(ticket)).containsExactly("$.title: must not be blank");
        }

        @Test
        void shouldRejectTicketWithTitleOfOnlyControlCharacters() {
            // The ingest stage strips control characters; such a title would end up empty.
            ObjectNode ticket = validTicket().put("title", "\u0001\u007F ");

            assertThat(TICKETS.validate(ticket)).containsExactly("$.title: must not be blank");
        }

        @Test
        void shouldRejectTicketWithBadCreatedAt() {
            ObjectNode ticket = validTicket().put("createdAt", "2026-11-03 15:10");

            assertThat(TICKETS.validate(ticket))
                    .singleElement()
                    .asString()
                    .startsWith("$.createdAt: does not match the date-time pattern");
        }

        @Test
        void shouldRejectTicketWithImpossibleCreatedAt() {
            ObjectNode ticket = validTicket().put("createdAt", "2026-02-30T10:00:00Z");

            assertThat(TICKETS.validate(ticket)).singleElement().asString().startsWith("$.createdAt:");
        }

        @Test
        void shouldAcceptCreatedAtWithAnOffset() {
            ObjectNode ticket = validTicket().put("createdAt", "2026-11-03T16:10:00+01:00");

            assertThat(TICKETS.validate(ticket)).isEmpty();
        }

        @Test
        void shouldRejectSchemaVersionThisCodeDoesNotKnow() {
            ObjectNode ticket = validTicket().put("schemaVersion", 2);

            assertThat(TICKETS.validate(ticket))
                    .containsExactly(
                            "$.schemaVersion: is not a version of this contract that this code knows (it knows 1)");
        }

        @Test
        void shouldRejectSchemaVersionWrittenAsString() {
            ObjectNode ticket = validTicket().put("schemaVersion", "1");

            assertThat(TICKETS.validate(ticket)).contains("$.schemaVersion: string found, integer expected");
        }

        @Test
        void shouldRejectIdWithASpace() {
            ObjectNode ticket = validTicket().put("id", "TCK 1001");

            assertThat(TICKETS.validate(ticket))
                    .containsExactly("$.id: must not contain whitespace or control characters");
        }

        @Test
        void shouldRejectIdWithATrailingNewline() {
            ObjectNode ticket = validTicket().put("id", "TCK-1001\n");

            assertThat(TICKETS.validate(ticket))
                    .containsExactly("$.id: must not contain whitespace or control characters");
        }

        @Test
        void shouldRejectIdWithAControlCharacter() {
            ObjectNode ticket = validTicket().put("id", "TCK\u00001001");

            assertThat(TICKETS.validate(ticket))
                    .containsExactly("$.id: must not contain whitespace or control characters");
        }

        @Test
        void shouldRejectIdLongerThan128Characters() {
            ObjectNode ticket = validTicket().put("id", "x".repeat(129));

            assertThat(TICKETS.validate(ticket)).containsExactly("$.id: must be at most 128 characters long");
        }

        @Test
        void shouldRejectAttributesThatAreNotStrings() {
            ObjectNode ticket = validTicket();
            ((ObjectNode) ticket.get("attributes")).put("retries", 3);

            assertThat(TICKETS.validate(ticket))
                    .containsExactly("$.attributes.retries: integer found, string expected");
        }

        @Test
        void shouldRejectMoreThan50Attributes() {
            ObjectNode ticket = validTicket();
            ObjectNode attributes = ticket.putObject("attributes");
            IntStream.rangeClosed(1, 51).forEach(i -> attributes.put("key" + i, "value"));

            assertThat(TICKETS.validate(ticket)).containsExactly("$.attributes: must have at most 50 properties");
        }

        @Test
        void shouldRejectAttributeNameLongerThan64Characters() {
            ObjectNode ticket = validTicket();
            ((ObjectNode) ticket.get("attributes")).put("k".repeat(65), "value");

            assertThat(TICKETS.validate(ticket)).singleElement().asString().startsWith("$.attributes: property 'kkk");
        }

        @Test
        void shouldRejectTenantWithASlash() {
            ObjectNode ticket = validTicket().put("tenant", "acme/eu");

            assertThat(TICKETS.validate(ticket))
                    .containsExactly(
                            "$.tenant: must start with a letter or digit and contain only letters, digits, '.', '_' and '-'");
        }

        @Test
        void shouldRejectTenantWithATrailingNewline() {
            // Java's $ also matches before a final line break; the validator must anchor at the very end.
            ObjectNode ticket = validTicket().put("tenant", "acme\n");

            assertThat(TICKETS.validate(ticket)).hasSize(1);
        }

        @Test
        void shouldRejectReporterWithoutId() {
            ObjectNode ticket = validTicket();
            ((ObjectNode) ticket.get("reporter")).remove("id");

            assertThat(TICKETS.validate(ticket)).containsExactly("$.reporter.id: is required but missing");
        }

        @Test
        void shouldAcceptMessyEmailAndEmptyDescription() {
            ObjectNode ticket = validTicket().put("description", "");
            ((ObjectNode) ticket.get("reporter")).put("email", "not really an address");

            assertThat(TICKETS.validate(ticket)).isEmpty();
        }

        @Test
        void shouldAcceptTicketWithoutAttributes() {
            ObjectNode ticket = validTicket();
            ticket.remove("attributes");

            assertThat(TICKETS.validate(ticket)).isEmpty();
        }

        @Test
        void shouldIgnoreUnknownProperties() {
            ObjectNode ticket = validTicket().put("severityHint", "high");
            ((ObjectNode) ticket.get("reporter")).put("department", "finance");

            assertThat(TICKETS.validate(ticket)).isEmpty();
        }

        @Test
        void shouldReportEveryProblemAtOnce() {
            ObjectNode ticket = validTicket().put("title", "").put("tenant", "acme/eu");
            ticket.remove("source");

            assertThat(TICKETS.validate(ticket)).hasSizeGreaterThanOrEqualTo(3);
        }

        @Test
        void shouldRejectANonObjectPayload() {
            JsonNode payload = EventJson.mapper().readTree("\"just a string\"");

            assertThat(TICKETS.validate(payload)).containsExactly("$: string found, object expected");
        }
    }

    @Nested
    class OtherEvents {

        @Test
        void shouldApplyTheTicketContractInsideAnEnrichedTicket() {
            ObjectNode enriched = EventJson.mapper().valueToTree(EventFixtures.fullEnriched());
            ((ObjectNode) enriched.get("ticket")).put("createdAt", "yesterday");

            assertThat(EventSchemas.forEvent(TicketEnriched.class).validate(enriched))
                    .singleElement()
                    .asString()
                    .startsWith("$.ticket.createdAt: does not match the date-time pattern");
        }

        @Test
        void shouldRejectConfidenceAboveOne() {
            ObjectNode enriched = EventJson.mapper().valueToTree(EventFixtures.fullEnriched());
            ((ObjectNode) enriched.get("triage")).put("confidence", 1.5);

            assertThat(EventSchemas.forEvent(TicketEnriched.class).validate(enriched))
                    .containsExactly("$.triage.confidence: must have a maximum value of 1");
        }

        @Test
        void shouldRejectNegativeTokenCount() {
            ObjectNode enriched = EventJson.mapper().valueToTree(EventFixtures.fullEnriched());
            ((ObjectNode) enriched.at("/triage/usage")).put("inputTokens", -1);

            assertThat(EventSchemas.forEvent(TicketEnriched.class).validate(enriched))
                    .containsExactly("$.triage.usage.inputTokens: must have a minimum value of 0");
        }

        @Test
        void shouldRejectSimilarityBelowMinusOne() {
            ObjectNode requested = EventJson.mapper().valueToTree(EventFixtures.fullApprovalRequested());
            ((ObjectNode) requested.at("/duplicate/candidates/0")).put("similarity", -1.01);

            assertThat(EventSchemas.forEvent(ApprovalRequested.class).validate(requested))
                    .containsExactly("$.duplicate.candidates[0].similarity: must have a minimum value of -1");
        }

        @Test
        void shouldRejectApprovalRequestWithoutReasons() {
            ObjectNode requested = EventJson.mapper().valueToTree(EventFixtures.fullApprovalRequested());
            requested.putArray("reasons");

            assertThat(EventSchemas.forEvent(ApprovalRequested.class).validate(requested))
                    .containsExactly("$.reasons: must have at least 1 items but found 0");
        }

        @Test
        void shouldRejectDecisionOutsideTheEnumeration() {
            ObjectNode decided = EventJson.mapper().valueToTree(EventFixtures.fullApprovalDecided());
            decided.put("decision", "MAYBE");

            assertThat(EventSchemas.forEvent(ApprovalDecided.class).validate(decided))
                    .singleElement()
                    .asString()
                    .startsWith("$.decision: does not have a value in the enumeration");
        }
    }

    @Test
    void shouldShareOneCompiledSchemaPerEvent() {
        assertThat(EventSchemas.forEvent(TicketIngested.class)).isSameAs(TICKETS);
        assertThat(TICKETS.contract().eventType()).isEqualTo(TicketIngested.class);
    }

    @Test
    void shouldRefuseATypeThatIsNotAnEvent() {
        assertThatThrownBy(() -> EventSchemas.forEvent(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void shouldGiveTheSameAnswersWhenValidatingFromManyThreads() throws Exception {
        ObjectNode invalid = validTicket().put("tenant", "acme/eu");
        ObjectNode valid = validTicket();
        List<String> expectedForInvalid = TICKETS.validate(invalid);
        Callable<Boolean> validateBoth = () -> IntStream.range(0, 200)
                .allMatch(i -> TICKETS.validate(valid).isEmpty()
                        && TICKETS.validate(invalid).equals(expectedForInvalid));

        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> results = threads.invokeAll(List.of(
                    validateBoth,
                    validateBoth,
                    validateBoth,
                    validateBoth,
                    validateBoth,
                    validateBoth,
                    validateBoth,
                    validateBoth));
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        }
    }
}
