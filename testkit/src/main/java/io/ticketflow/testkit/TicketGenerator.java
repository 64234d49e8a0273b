package io.ticketflow.testkit;

import io.ticketflow.schemas.Reporter;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.topic.Topics;
import io.ticketflow.testkit.GeneratedTicket.Defect;
import io.ticketflow.testkit.GeneratedTicket.Kind;
import io.ticketflow.testkit.internal.InvalidTickets;
import io.ticketflow.testkit.internal.Phrasing;
import io.ticketflow.testkit.internal.ProblemTemplate;
import io.ticketflow.testkit.internal.TicketCatalog;
import io.ticketflow.testkit.internal.TicketText;
import io.ticketflow.testkit.internal.TicketWriter;
import io.ticketflow.testkit.internal.TicketWriter.Layout;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A seeded source of realistic IT support tickets, as upstream systems would write them to {@code tickets.ingested},
 * each with the ground truth tests and benchmarks need ({@link GeneratedTicket}).
 *
 * <p>Tickets cover twelve categories (hardware, access, network, email, software, storage, printing, hr-payroll,
 * purchasing, security, performance, database), several problems each, told in varied words with varied devices,
 * offices, error codes and people; they come from a few tenants and four sources ({@code servicedesk},
 * {@code webform}, {@code email} as letters, {@code monitoring} as alerts). Mixed in, in the shares of a
 * {@link TicketMix}: exact repeats, the same text under a new id, rewordings of an earlier ticket, and invalid records.
 * Valid values are written with the {@code tickets.ingested} serde, so they match the contract.
 *
 * <p>Repeats and rewordings refer to one of the last {@link Builder#repeatWindow(int) repeatWindow} new tickets, always
 * of the same tenant (the dedup scope). Two new tickets of the same problem template are separate reports (other
 * reporter, device or details), not duplicates in the ground truth, although they read alike.
 *
 * <p><b>Determinism.</b> The same seed, settings and clock readings give the same records, byte for byte. Ids carry a
 * tag derived from the seed, so generators with different seeds rarely share ids.
 *
 * <p>Not thread-safe: use one generator per thread.
 */
public final class TicketGenerator {

    /** The default size limit an {@link Defect#OVERSIZED} record exceeds: the ingest stage's default. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 256 * 1024;

    /** The default tenants. */
    public static final List<String> DEFAULT_TENANTS = List.of("acme", "globex", "initech");

    private static final int REPORTERS_PER_TENANT = 25;
    /** Chance that a rewording comes from another reporter of the tenant (the same problem hit someone else). */
    private static final double OTHER_REPORTER_PROBABILITY = 0.5;
    /** Chance that a human-written ticket carries an urgency attribute. */
    private static final double URGENCY_PROBABILITY = 0.4;

    private static final Map<String, String> ID_PREFIXES =
            Map.of("servicedesk", "SD", "webform", "WF", "email", "EM", "monitoring", "MON");
    private static final Reporter MONITORING = new Reporter("alertmanager", "Prometheus Alertmanager", null);
    private static final List<String> URGENCIES = List.of("low", "normal", "high");
    private static final Defect[] DEFECTS = Defect.values();

    private final TicketCatalog catalog;
    private final SplittableRandom random;
    private final TicketWriter writer;
    private final InvalidTickets invalidTickets;
    private final Clock clock;
    private final List<String> tenants;
    private final Map<String, List<Reporter>> reporters;
    private final TicketMix mix;
    private final String idTag;
    private final Original[] recent;
    private int recentCount;
    private int recentNext;
    private long sequence;

    private TicketGenerator(Builder builder) {
        this.catalog = TicketCatalog.load();
        this.random = new SplittableRandom(builder.seed);
        this.writer = new TicketWriter(catalog, random);
        this.invalidTickets = new InvalidTickets(random, builder.maxRecordBytes);
        this.clock = builder.clock;
        this.tenants = builder.tenants;
        this.mix = builder.mix;
        this.idTag = idTag(builder.seed);
        this.recent = new Original[builder.repeatWindow];
        this.reporters = new LinkedHashMap<>();
        tenants.forEach(tenant -> reporters.put(tenant, reportersOf(tenant)));
    }

    /** A builder with the defaults: seed 1, the system clock, {@link #DEFAULT_TENANTS}, {@link TicketMix#DEFAULT}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The next record. */
    public GeneratedTicket next() {
        Kind kind = mix.kindAt(random.nextDouble());
        if (kind != Kind.INVALID && kind != Kind.NEW && recentCount == 0) {
            kind = Kind.NEW;
        }
        return switch (kind) {
            case NEW -> newTicket();
            case EXACT_REPEAT -> exactRepeat(pickRecent());
            case SAME_TEXT_NEW_ID -> sameTextNewId(pickRecent());
            case REWORDING -> rewording(pickRecent());
            case INVALID -> invalid();
        };
    }

    /** The next {@code count} records, in order. */
    public List<GeneratedTicket> next(int count) {
        List<GeneratedTicket> tickets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tickets.add(next());
        }
        return tickets;
    }

    private GeneratedTicket newTicket() {
        Original original = draft();
        remember(original);
        return new GeneratedTicket(
                original.ticket().id(),
                serialize(original.ticket()),
                Kind.NEW,
                original.template().category(),
                null,
                null,
                "new " + original.template().category() + " ticket");
    }

    private GeneratedTicket exactRepeat(Original original) {
        return new GeneratedTicket(
                original.ticket().id(),
                serialize(original.ticket()),
                Kind.EXACT_REPEAT,
                original.template().category(),
                original.ticket().id(),
                null,
                "exact repeat of " + original.ticket().id());
    }

    private GeneratedTicket sameTextNewId(Original original) {
        TicketIngested earlier = original.ticket();
        TicketIngested copy = new TicketIngested(
                TicketIngested.CURRENT_SCHEMA_VERSION,
                nextId(earlier.source()),
                earlier.tenant(),
                earlier.source(),
                earlier.title(),
                earlier.description(),
                earlier.reporter(),
                now(),
                earlier.attributes());
        return new GeneratedTicket(
                copy.id(),
                serialize(copy),
                Kind.SAME_TEXT_NEW_ID,
                original.template().category(),
                earlier.id(),
                null,
                "text of " + earlier.id() + " under a new id");
    }

    private GeneratedTicket rewording(Original original) {
        TicketIngested earlier = original.ticket();
        ProblemTemplate template = original.template();
        String source = pick(template.sources());
        Reporter reporter = reporterOfRewording(source, earlier);
        Phrasing phrasing = writer.retelling(template, original.phrasing(), Layout.of(source));
        TicketText text = writer.write(template, phrasing, original.slotValues(), firstName(reporter));
        TicketIngested reworded = new TicketIngested(
                TicketIngested.CURRENT_SCHEMA_VERSION,
                nextId(source),
                earlier.tenant(),
                source,
                text.title(),
                text.description(),
                reporter,
                now(),
                attributes(source, original.slotValues()));
        return new GeneratedTicket(
                reworded.id(),
                serialize(reworded),
                Kind.REWORDING,
                template.category(),
                earlier.id(),
                null,
                "rewording of " + earlier.id());
    }

    private GeneratedTicket invalid() {
        TicketIngested base = draft().ticket();
        Defect defect = DEFECTS[random.nextInt(DEFECTS.length)];
        String otherKey = defect == Defect.KEY_MISMATCH ? nextId(base.source()) : null;
        InvalidTickets.Invalid invalid = invalidTickets.corrupt(base, defect, otherKey);
        return new GeneratedTicket(invalid.key(), invalid.value(), Kind.INVALID, null, null, defect, invalid.note());
    }

    /** The original's reporter, someone else of the tenant, or the monitoring system, as the source demands. */
    private Reporter reporterOfRewording(String source, TicketIngested earlier) {
        if (!isHuman(source)) {
            return MONITORING;
        }
        boolean earlierByHuman = !earlier.reporter().equals(MONITORING);
        return earlierByHuman && random.nextDouble() >= OTHER_REPORTER_PROBABILITY
                ? earlier.reporter()
                : pick(reporters.get(earlier.tenant()));
    }

    /** A new ticket of a random problem, tenant, source and reporter. */
    private Original draft() {
        ProblemTemplate template = pick(catalog.templates());
        String tenant = pick(tenants);
        String source = pick(template.sources());
        Reporter reporter = isHuman(source) ? pick(reporters.get(tenant)) : MONITORING;
        Map<String, String> slotValues = new LinkedHashMap<>();
        template.slotNames().forEach(slot -> slotValues.put(slot, catalog.slotValue(slot, random)));
        Phrasing phrasing = writer.firstTelling(template, Layout.of(source));
        TicketText text = writer.write(template, phrasing, slotValues, firstName(reporter));
        TicketIngested ticket = new TicketIngested(
                TicketIngested.CURRENT_SCHEMA_VERSION,
                nextId(source),
                tenant,
                source,
                text.title(),
                text.description(),
                reporter,
                now(),
                attributes(source, slotValues));
        return new Original(ticket, template, slotValues, phrasing);
    }

    /** Optional upstream attributes: what a service desk or an alerting system typically adds. */
    private Map<String, String> attributes(String source, Map<String, String> slotValues) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (!isHuman(source)) {
            // An alert repeated in other words keeps its alert id when its text names it; otherwise it is a new alert.
            String alertId = slotValues.containsKey("alertId")
                    ? slotValues.get("alertId")
                    : catalog.slotValue("alertId", random);
            attributes.put("alertId", alertId);
            if (slotValues.containsKey("host")) {
                attributes.put("host", slotValues.get("host"));
            }
            return attributes;
        }
        if (slotValues.containsKey("office")) {
            attributes.put("office", slotValues.get("office"));
        }
        if (slotValues.containsKey("assetTag")) {
            attributes.put("assetTag", slotValues.get("assetTag"));
        }
        if (random.nextDouble() < URGENCY_PROBABILITY) {
            attributes.put("urgency", pick(URGENCIES));
        }
        return attributes;
    }

    private List<Reporter> reportersOf(String tenant) {
        List<Reporter> pool = new ArrayList<>(REPORTERS_PER_TENANT);
        Set<String> emails = new HashSet<>();
        while (pool.size() < REPORTERS_PER_TENANT) {
            String first = pick(catalog.firstNames());
            String last = pick(catalog.lastNames());
            String email = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + "@" + tenant
                    + ".example.com";
            if (emails.add(email)) {
                String id = "u" + (100_000 + random.nextInt(900_000));
                pool.add(new Reporter(id, first + " " + last, email));
            }
        }
        return List.copyOf(pool);
    }

    private void remember(Original original) {
        recent[recentNext] = original;
        recentNext = (recentNext + 1) % recent.length;
        recentCount = Math.min(recentCount + 1, recent.length);
    }

    private Original pickRecent() {
        return recent[random.nextInt(recentCount)];
    }

    private String nextId(String source) {
        sequence++;
        return String.format(Locale.ROOT, "%s-%s-%07d", ID_PREFIXES.get(source), idTag, sequence);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Four hex digits derived from the seed, so that generators with different seeds rarely share ids. */
    private static String idTag(long seed) {
        return String.format(Locale.ROOT, "%04X", new SplittableRandom(seed).nextInt(0x10000));
    }

    private static boolean isHuman(String source) {
        return !source.equals("monitoring");
    }

    private static String firstName(Reporter reporter) {
        String name = reporter.name() == null ? reporter.id() : reporter.name();
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    private static byte[] serialize(TicketIngested ticket) {
        return Topics.TICKETS_INGESTED.valueSerde().serializer().serialize(Topics.TICKETS_INGESTED.name(), ticket);
    }

    /** A new ticket with what a later repeat or rewording of it needs. */
    private record Original(
            TicketIngested ticket, ProblemTemplate template, Map<String, String> slotValues, Phrasing phrasing) {}

    /** Settings of a generator. Not thread-safe. */
    public static final class Builder {

        private long seed = 1;
        private Clock clock = Clock.systemUTC();
        private List<String> tenants = DEFAULT_TENANTS;
        private TicketMix mix = TicketMix.DEFAULT;
        private int maxRecordBytes = DEFAULT_MAX_RECORD_BYTES;
        private int repeatWindow = 1_000;

        private Builder() {}

        /** The seed of every random choice (default 1). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The clock {@code createdAt} is read from, truncated to milliseconds (default: the system clock, UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The tenants tickets belong to, chosen uniformly (default {@link #DEFAULT_TENANTS}).
         *
         * @throws IllegalArgumentException if empty, blank or repeated
         */
        public Builder tenants(List<String> tenants) {
            List<String> copy = List.copyOf(tenants);
            if (copy.isEmpty()
                    || copy.stream().anyMatch(String::isBlank)
                    || Set.copyOf(copy).size() != copy.size()) {
                throw new IllegalArgumentException("tenants must be distinct, non-blank and at least one: " + tenants);
            }
            this.tenants = copy;
            return this;
        }

        /** The shares of repeats, rewordings and invalid records (default {@link TicketMix#DEFAULT}). */
        public Builder mix(TicketMix mix) {
            this.mix = Objects.requireNonNull(mix, "mix");
            return this;
        }

        /**
         * The size limit in bytes that {@link Defect#OVERSIZED} records exceed (default
         * {@link #DEFAULT_MAX_RECORD_BYTES}). Valid tickets stay far below it.
         *
         * @throws IllegalArgumentException if below 4096
         */
        public Builder maxRecordBytes(int maxRecordBytes) {
            if (maxRecordBytes < 4_096) {
                throw new IllegalArgumentException("maxRecordBytes must be at least 4096, was " + maxRecordBytes);
            }
            this.maxRecordBytes = maxRecordBytes;
            return this;
        }

        /**
         * How many of the latest new tickets repeats and rewordings choose from (default 1000): the smaller, the
         * closer in time a repeat follows its original.
         *
         * @throws IllegalArgumentException if below 1
         */
        public Builder repeatWindow(int repeatWindow) {
            if (repeatWindow < 1) {
                throw new IllegalArgumentException("repeatWindow must be at least 1, was " + repeatWindow);
            }
            this.repeatWindow = repeatWindow;
            return this;
        }

        /** A generator with these settings. */
        public TicketGenerator build() {
            return new TicketGenerator(this);
        }
    }
}
