package io.ticketflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.serde.EventJson;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.testkit.GeneratedTicket.Defect;
import io.ticketflow.testkit.GeneratedTicket.Kind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

class TicketGeneratorTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final int SAMPLE_SIZE = 10_000;

    /** One large sample, shared because generating it is the expensive part; every test only reads it. */
    private static List<GeneratedTicket> sample;

    @BeforeAll
    static void generateSample() {
        sample = generator(42).next(SAMPLE_SIZE);
    }

    @Test
    void shouldGenerateTheSameRecordsForTheSameSeedAndClock() {
        assertThat(generator(42).next(500)).isEqualTo(sample.subList(0, 500));
    }

    @Test
    void shouldGenerateOtherRecordsForAnotherSeed() {
        List<GeneratedTicket> other = generator(43).next(50);

        assertThat(other).doesNotContainAnyElementsOf(sample.subList(0, 50));
    }

    @Test
    void shouldHonourTheSharesOfTheMixOverTenThousandRecords() {
        Map<Kind, Long> counts =
                sample.stream().collect(Collectors.groupingBy(GeneratedTicket::kind, Collectors.counting()));
        TicketMix mix = TicketMix.DEFAULT;

        // Five standard deviations of a binomial share at n = 10,000 stay below 1.5 percentage points.
        assertThat(share(counts, Kind.EXACT_REPEAT)).isCloseTo(mix.exactRepeats(), within(0.015));
        assertThat(share(counts, Kind.SAME_TEXT_NEW_ID)).isCloseTo(mix.sameTextNewId(), within(0.015));
        assertThat(share(counts, Kind.REWORDING)).isCloseTo(mix.rewordings(), within(0.015));
        assertThat(share(counts, Kind.INVALID)).isCloseTo(mix.invalid(), within(0.015));
        assertThat(share(counts, Kind.NEW)).isCloseTo(mix.newTickets(), within(0.015));
    }

    @Test
    void shouldWriteValidRecordsThatReadAsTicketsWithTitleAndDescription() {
        List<GeneratedTicket> valid =
                sample.stream().filter(GeneratedTicket::isValid).toList();

        assertThat(valid).isNotEmpty().allSatisfy(generated -> {
            TicketIngested ticket = read(generated);
            assertThat(ticket.id()).isEqualTo(generated.key());
            assertThat(ticket.schemaVersion()).isEqualTo(TicketIngested.CURRENT_SCHEMA_VERSION);
            assertThat(ticket.title()).isNotBlank().doesNotContain("{", "}");
            assertThat(ticket.description()).isNotBlank().doesNotContain("{", "}");
            assertThat(ticket.tenant()).isIn(TicketGenerator.DEFAULT_TENANTS);
            assertThat(ticket.source()).isIn("servicedesk", "webform", "email", "monitoring");
            assertThat(ticket.reporter()).isNotNull();
            assertThat(ticket.createdAt()).isEqualTo(NOW);
            assertThat(generated.category()).isNotBlank();
            assertThat(generated.value()).hasSizeLessThan(TicketGenerator.DEFAULT_MAX_RECORD_BYTES);
        });
    }

    @Test
    void shouldCoverTwelveCategoriesAndEverySource() {
        Set<String> categories = sample.stream()
                .map(GeneratedTicket::category)
                .filter(category -> category != null)
                .collect(Collectors.toSet());
        Set<String> sources = sample.stream()
                .filter(GeneratedTicket::isValid)
                .map(generated -> read(generated).source())
                .collect(Collectors.toSet());

        assertThat(categories)
                .containsExactlyInAnyOrder(
                        "hardware",
                        "access",
                        "network",
                        "email",
                        "software",
                        "storage",
                        "printing",
                        "hr-payroll",
                        "purchasing",
                        "security",
                        "performance",
                        "database");
        assertThat(sources).containsExactlyInAnyOrder("servicedesk", "webform", "email", "monitoring");
    }

    @Test
    void shouldGiveEveryTicketButAnExactRepeatItsOwnId() {
        List<String> ids = sample.stream()
                .filter(generated -> generated.isValid() && generated.kind() != Kind.EXACT_REPEAT)
                .map(generated -> read(generated).id())
                .toList();

        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void shouldRepeatAnEarlierNewTicketByteForByteUnderItsKey() {
        Map<String, GeneratedTicket> newById = newTicketsById();
        List<GeneratedTicket> repeats = ofKind(Kind.EXACT_REPEAT);

        assertThat(repeats).isNotEmpty().allSatisfy(repeat -> {
            GeneratedTicket original = newById.get(repeat.originalId());
            assertThat(original).isNotNull();
            assertThat(sample.indexOf(original)).isLessThan(sample.indexOf(repeat));
            assertThat(repeat.key()).isEqualTo(original.key());
            assertThat(repeat.value()).isEqualTo(original.value());
        });
    }

    @Test
    void shouldSendTheTextOfAnEarlierTicketUnderANewId() {
        Map<String, GeneratedTicket> newById = newTicketsById();

        assertThat(ofKind(Kind.SAME_TEXT_NEW_ID)).isNotEmpty().allSatisfy(copy -> {
            TicketIngested original = read(newById.get(copy.originalId()));
            TicketIngested ticket = read(copy);
            assertThat(ticket.id()).isNotEqualTo(original.id());
            assertThat(ticket.tenant()).isEqualTo(original.tenant());
            assertThat(ticket.title()).isEqualTo(original.title());
            assertThat(ticket.description()).isEqualTo(original.description());
        });
    }

    @Test
    void shouldRewordAnEarlierTicketOfTheSameTenantInOtherWords() {
        Map<String, GeneratedTicket> newById = newTicketsById();

        assertThat(ofKind(Kind.REWORDING)).isNotEmpty().allSatisfy(rewording -> {
            GeneratedTicket earlier = newById.get(rewording.originalId());
            assertThat(earlier).isNotNull();
            assertThat(sample.indexOf(earlier)).isLessThan(sample.indexOf(rewording));
            TicketIngested original = read(earlier);
            TicketIngested ticket = read(rewording);
            assertThat(ticket.id()).isNotEqualTo(original.id());
            assertThat(ticket.tenant()).isEqualTo(original.tenant());
            assertThat(rewording.category()).isEqualTo(earlier.category());
            assertThat(ticket.title()).isNotEqualToIgnoringCase(original.title());
            assertThat(ticket.description()).isNotEqualToIgnoringCase(original.description());
        });
    }

    @Test
    void shouldMakeInvalidRecordsOfEveryDefectThatAreReallyInvalid() {
        Map<Defect, List<GeneratedTicket>> byDefect = new EnumMap<>(Defect.class);
        ofKind(Kind.INVALID)
                .forEach(invalid -> byDefect.computeIfAbsent(invalid.defect(), defect -> new ArrayList<>())
                        .add(invalid));

        assertThat(byDefect).containsOnlyKeys(Defect.values());
        assertThat(byDefect.get(Defect.NOT_JSON))
                .allSatisfy(
                        invalid -> assertThatThrownBy(() -> EventJson.mapper().readTree(invalid.value()))
                                .isInstanceOf(JacksonException.class));
        assertThat(byDefect.get(Defect.MISSING_REQUIRED_FIELD)).allSatisfy(invalid -> {
            JsonNode json = EventJson.mapper().readTree(invalid.value());
            assertThat(json.has("title") && json.has("id")).isFalse();
        });
        assertThat(byDefect.get(Defect.WRONG_TYPE))
                .allSatisfy(
                        invalid -> assertThatThrownBy(() -> read(invalid)).isInstanceOf(SerializationException.class));
        assertThat(byDefect.get(Defect.BAD_CREATED_AT))
                .allSatisfy(invalid -> assertThatThrownBy(() -> read(invalid))
                        .isInstanceOf(SerializationException.class)
                        .hasMessageContaining("createdAt"));
        assertThat(byDefect.get(Defect.OVERSIZED))
                .allSatisfy(invalid ->
                        assertThat(invalid.value()).hasSizeGreaterThan(TicketGenerator.DEFAULT_MAX_RECORD_BYTES));
        assertThat(byDefect.get(Defect.KEY_MISMATCH))
                .allSatisfy(invalid -> assertThat(read(invalid).id()).isNotEqualTo(invalid.key()));
    }

    @Test
    void shouldExceedAConfiguredSizeLimitWithOversizedRecords() {
        TicketGenerator generator = TicketGenerator.builder()
                .seed(7)
                .clock(CLOCK)
                .mix(new TicketMix(0, 0, 0, 1))
                .maxRecordBytes(8_192)
                .build();

        List<GeneratedTicket> oversized = generator.next(300).stream()
                .filter(generated -> generated.defect() == Defect.OVERSIZED)
                .toList();

        assertThat(oversized)
                .isNotEmpty()
                .allSatisfy(invalid ->
                        assertThat(invalid.value()).hasSizeGreaterThan(8_192).hasSizeLessThan(2 * 8_192));
    }

    @Test
    void shouldGenerateOnlyNewTicketsOfTheConfiguredTenantsWhenAskedTo() {
        TicketGenerator generator = TicketGenerator.builder()
                .seed(7)
                .clock(CLOCK)
                .tenants(List.of("northwind"))
                .mix(TicketMix.NEW_ONLY)
                .build();

        assertThat(generator.next(200)).allSatisfy(generated -> {
            assertThat(generated.kind()).isEqualTo(Kind.NEW);
            assertThat(read(generated).tenant()).isEqualTo("northwind");
        });
    }

    @Test
    void shouldRefuseRepeatedOrBlankTenants() {
        TicketGenerator.Builder builder = TicketGenerator.builder();

        assertThatThrownBy(() -> builder.tenants(List.of("acme", "acme"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.tenants(List.of(" "))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.tenants(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static TicketGenerator generator(long seed) {
        return TicketGenerator.builder().seed(seed).clock(CLOCK).build();
    }

    private static TicketIngested read(GeneratedTicket generated) {
        return Topics.TICKETS_INGESTED
                .valueSerde()
                .deserializer()
                .deserialize(Topics.TICKETS_INGESTED.name(), generated.value());
    }

    private static List<GeneratedTicket> ofKind(Kind kind) {
        return sample.stream().filter(generated -> generated.kind() == kind).toList();
    }

    private static Map<String, GeneratedTicket> newTicketsById() {
        Map<String, GeneratedTicket> byId = new HashMap<>();
        ofKind(Kind.NEW).forEach(generated -> byId.put(generated.key(), generated));
        return byId;
    }

    private static double share(Map<Kind, Long> counts, Kind kind) {
        return counts.getOrDefault(kind, 0L) / (double) SAMPLE_SIZE;
    }
}
