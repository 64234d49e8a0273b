package io.ticketflow.testkit.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One kind of problem a ticket can report, with several ways to say it: title variants, and facts (sentences) each
 * with one or more phrasings. Placeholders such as {@code {laptop}} name slots filled per ticket, so two tickets of
 * the same template can be about different devices, offices or error codes.
 *
 * <p>The first fact is the lead: it states the problem and stays first when a rewording reorders the others.
 *
 * @param category the category of the problem, for example {@code hardware}
 * @param sources the upstream systems that report it (for example {@code monitoring} for alerts)
 * @param titles at least two title variants, so that a rewording can pick another
 * @param facts at least two facts; each a list of phrasings, the lead with at least two
 */
public record ProblemTemplate(String category, List<String> sources, List<String> titles, List<List<String>> facts) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    public ProblemTemplate {
        Objects.requireNonNull(category, "category");
        sources = List.copyOf(sources);
        titles = List.copyOf(titles);
        facts = facts.stream().map(List::copyOf).toList();
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(describe(category, titles) + ": needs at least one source");
        }
        if (titles.size() < 2) {
            throw new IllegalArgumentException(describe(category, titles) + ": needs at least two titles");
        }
        if (facts.size() < 2 || facts.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException(
                    describe(category, titles) + ": needs at least two facts, each with a phrasing");
        }
        if (facts.getFirst().size() < 2) {
            throw new IllegalArgumentException(describe(category, titles) + ": the lead fact needs two phrasings");
        }
    }

    /** The names of all slots its titles and facts use, in order of first use. */
    public Set<String> slotNames() {
        Set<String> names = new LinkedHashSet<>();
        Stream.concat(titles.stream(), facts.stream().flatMap(List::stream)).forEach(text -> {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        });
        return names;
    }

    /**
     * {@code text} with each placeholder replaced by its value in {@code slotValues}.
     *
     * @throws IllegalArgumentException if a placeholder has no value
     */
    public static String fill(String text, Map<String, String> slotValues) {
        return PLACEHOLDER.matcher(text).replaceAll(match -> {
            String value = slotValues.get(match.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for slot {" + match.group(1) + "} in: " + text);
            }
            return Matcher.quoteReplacement(value);
        });
    }

    private static String describe(String category, List<String> titles) {
        return "Template " + category + "/" + (titles.isEmpty() ? "?" : titles.getFirst());
    }
}
