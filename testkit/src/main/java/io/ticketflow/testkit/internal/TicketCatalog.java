package io.ticketflow.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wording ticket generation draws from, read from {@code ticket-catalog.json} next to this class: problem
 * templates by category, the values of their slots, synonym pairs, greetings, closing lines and reporter names.
 *
 * <p>Loading validates the catalogue (every placeholder has values, every template can be reworded), so a broken edit
 * fails at the first use, not with odd tickets. Immutable and thread-safe.
 */
public final class TicketCatalog {

    /** The upstream systems a template may name as its sources. */
    public static final Set<String> SOURCES = Set.of("servicedesk", "webform", "email", "monitoring");

    private static final String RESOURCE = "ticket-catalog.json";
    private static final List<String> DEFAULT_SOURCES = List.of("servicedesk", "webform", "email");
    private static final Pattern SLOT_PATTERN = Pattern.compile("[A-Z-]*#+");

    private final Map<String, List<String>> slots;
    private final Map<String, String> slotPatterns;
    private final Synonyms synonyms;
    private final List<String> openers;
    private final List<String> closers;
    private final List<String> firstNames;
    private final List<String> lastNames;
    private final List<ProblemTemplate> templates;

    private TicketCatalog(CatalogFile file) {
        this.slots = Map.copyOf(file.slots());
        this.slotPatterns = Map.copyOf(file.slotPatterns());
        this.synonyms = new Synonyms(file.synonyms());
        this.openers = List.copyOf(file.openers());
        this.closers = List.copyOf(file.closers());
        this.firstNames = List.copyOf(file.firstNames());
        this.lastNames = List.copyOf(file.lastNames());
        this.templates = file.categories().stream()
                .flatMap(category -> category.templates().stream()
                        .map(template -> new ProblemTemplate(
                                category.name(),
                                template.sources() == null ? DEFAULT_SOURCES : template.sources(),
                                template.titles(),
                                template.facts())))
                .toList();
        validate();
    }

    /**
     * Reads and validates the catalogue on the class path.
     *
     * @throws IllegalStateException if it is missing or inconsistent
     */
    public static TicketCatalog load() {
        try (InputStream in = TicketCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new TicketCatalog(JsonMapper.builder().build().readValue(in, CatalogFile.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalStateException("Invalid " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** All problem templates, grouped by category in catalogue order. */
    public List<ProblemTemplate> templates() {
        return templates;
    }

    /** The synonym pairs rewordings swap. */
    public Synonyms synonyms() {
        return synonyms;
    }

    /** Greetings that open a ticket written as a letter, for example {@code Hi team,}. */
    public List<String> openers() {
        return openers;
    }

    /** Closing lines, for example {@code Thanks in advance.} */
    public List<String> closers() {
        return closers;
    }

    /** Given names of reporters. */
    public List<String> firstNames() {
        return firstNames;
    }

    /** Family names of reporters. */
    public List<String> lastNames() {
        return lastNames;
    }

    /**
     * A value for slot {@code name}: one of its listed values, or one made from its pattern ({@code #} stands for a
     * digit).
     */
    public String slotValue(String name, RandomGenerator random) {
        List<String> values = slots.get(name);
        if (values != null) {
            return values.get(random.nextInt(values.size()));
        }
        StringBuilder value = new StringBuilder();
        for (char c : slotPatterns.get(name).toCharArray()) {
            value.append(c == '#' ? (char) ('0' + random.nextInt(10)) : c);
        }
        return value.toString();
    }

    private void validate() {
        if (templates.isEmpty() || openers.isEmpty() || closers.isEmpty()) {
            throw new IllegalArgumentException("templates, openers and closers must not be empty");
        }
        if (firstNames.isEmpty() || lastNames.isEmpty()) {
            throw new IllegalArgumentException("reporter names must not be empty");
        }
        slots.forEach((name, values) -> {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("slot {" + name + "} has no values");
            }
        });
        slotPatterns.forEach((name, pattern) -> {
            if (!SLOT_PATTERN.matcher(pattern).matches() || slots.containsKey(name)) {
                throw new IllegalArgumentException("slot pattern {" + name + "} must be like LT-#### and unique");
            }
        });
        for (ProblemTemplate template : templates) {
            for (String slot : template.slotNames()) {
                if (!slots.containsKey(slot) && !slotPatterns.containsKey(slot)) {
                    throw new IllegalArgumentException(
                            "slot {" + slot + "} of " + template.titles().getFirst() + " has no values");
                }
            }
            if (!SOURCES.containsAll(template.sources())) {
                throw new IllegalArgumentException("unknown source in " + template.sources() + " of "
                        + template.titles().getFirst());
            }
        }
    }

    /** The shape of the JSON file. */
    private record CatalogFile(
            Map<String, List<String>> slots,
            Map<String, String> slotPatterns,
            List<List<String>> synonyms,
            List<String> openers,
            List<String> closers,
            List<String> firstNames,
            List<String> lastNames,
            List<CategoryEntry> categories) {}

    private record CategoryEntry(String name, List<TemplateEntry> templates) {}

    private record TemplateEntry(List<String> sources, List<String> titles, List<List<String>> facts) {}
}
