package io.ticketflow.testkit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes ticket text from {@link ProblemTemplate}s: a first telling of a problem, and retellings that say the same
 * thing in other words — another title, other phrasings, supporting facts reordered (and sometimes one left out),
 * synonyms swapped.
 *
 * <p>Not thread-safe: it draws from the random source it was given, whose sequence makes generation reproducible.
 */
public final class TicketWriter {

    /** How a ticket is laid out, which follows from the upstream system that sent it. */
    public enum Layout {
        /** An e-mail: greeting, text, closing line, the reporter's first name. */
        LETTER,
        /** A form or service-desk entry: the text, sometimes a closing line. */
        NOTE,
        /** A monitoring alert: the text only. */
        ALERT;

        /** The layout of tickets from {@code source}. */
        public static Layout of(String source) {
            return switch (source) {
                case "email" -> LETTER;
                case "monitoring" -> ALERT;
                default -> NOTE;
            };
        }
    }

    /** Chance that a retelling phrases a supporting fact differently (the lead is always rephrased). */
    private static final double REPHRASE_PROBABILITY = 0.8;
    /** Chance that a retelling of three or more supporting facts leaves one out. */
    private static final double LEAVE_OUT_PROBABILITY = 0.3;
    /** Chance that a retelling swaps each synonym pair. */
    private static final double SYNONYM_PROBABILITY = 0.5;
    /** Chance that a note ends with a closing line. */
    private static final double NOTE_CLOSER_PROBABILITY = 0.4;

    private final TicketCatalog catalog;
    private final RandomGenerator random;

    public TicketWriter(TicketCatalog catalog, RandomGenerator random) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A first telling: random title and phrasings, all facts in template order, no synonyms swapped. */
    public Phrasing firstTelling(ProblemTemplate template, Layout layout) {
        List<Integer> variants = template.facts().stream()
                .map(phrasings -> random.nextInt(phrasings.size()))
                .toList();
        List<Integer> order =
                IntStream.range(0, template.facts().size()).boxed().toList();
        return new Phrasing(
                random.nextInt(template.titles().size()), variants, order, opener(layout), closer(layout), Set.of());
    }

    /**
     * A retelling of the same problem: another title and another phrasing of the lead fact (so title and description
     * always differ from the original), other phrasings of most supporting facts, supporting facts in a new order
     * with sometimes one left out, and about half the synonym pairs swapped.
     */
    public Phrasing retelling(ProblemTemplate template, Phrasing original, Layout layout) {
        List<List<String>> facts = template.facts();
        List<Integer> variants = new ArrayList<>(facts.size());
        variants.add(otherIndex(original.variants().getFirst(), facts.getFirst().size()));
        for (int fact = 1; fact < facts.size(); fact++) {
            int size = facts.get(fact).size();
            int previous = original.variants().get(fact);
            variants.add(
                    size > 1 && random.nextDouble() < REPHRASE_PROBABILITY ? otherIndex(previous, size) : previous);
        }

        List<Integer> supporting =
                new ArrayList<>(IntStream.range(1, facts.size()).boxed().toList());
        Collections.shuffle(supporting, random);
        if (supporting.size() >= 3 && random.nextDouble() < LEAVE_OUT_PROBABILITY) {
            supporting.removeLast();
        }
        List<Integer> order = new ArrayList<>(facts.size());
        order.add(0);
        order.addAll(supporting);

        Set<Integer> swapped = IntStream.range(0, catalog.synonyms().size())
                .filter(pair -> random.nextDouble() < SYNONYM_PROBABILITY)
                .boxed()
                .collect(Collectors.toCollection(HashSet::new));
        return new Phrasing(
                otherIndex(original.title(), template.titles().size()),
                variants,
                order,
                opener(layout),
                closer(layout),
                swapped);
    }

    /**
     * The text {@code phrasing} gives {@code template} with {@code slotValues} filled in. Synonyms are swapped in the
     * template text before filling, so slot values (product names, error codes) stay as they are. A ticket with a
     * greeting is signed with {@code signature}.
     *
     * @param signature the reporter's first name; used only when the phrasing has a greeting
     */
    public TicketText write(
            ProblemTemplate template, Phrasing phrasing, Map<String, String> slotValues, String signature) {
        Set<Integer> swapped = phrasing.swappedSynonyms();
        String title = ProblemTemplate.fill(
                catalog.synonyms().swap(template.titles().get(phrasing.title()), swapped), slotValues);
        String body = phrasing.order().stream()
                .map(fact -> template.facts().get(fact).get(phrasing.variants().get(fact)))
                .map(sentence -> ProblemTemplate.fill(catalog.synonyms().swap(sentence, swapped), slotValues))
                .collect(Collectors.joining(" "));

        StringBuilder description = new StringBuilder();
        if (phrasing.opener() != Phrasing.NONE) {
            description.append(catalog.openers().get(phrasing.opener())).append("\n\n");
        }
        description.append(body);
        if (phrasing.closer() != Phrasing.NONE) {
            description.append(phrasing.opener() != Phrasing.NONE ? "\n\n" : " ");
            description.append(catalog.closers().get(phrasing.closer()));
        }
        if (phrasing.opener() != Phrasing.NONE) {
            description.append('\n').append(signature);
        }
        return new TicketText(title, description.toString());
    }

    private int opener(Layout layout) {
        return layout == Layout.LETTER ? random.nextInt(catalog.openers().size()) : Phrasing.NONE;
    }

    private int closer(Layout layout) {
        return switch (layout) {
            case LETTER -> random.nextInt(catalog.closers().size());
            case NOTE ->
                random.nextDouble() < NOTE_CLOSER_PROBABILITY
                        ? random.nextInt(catalog.closers().size())
                        : Phrasing.NONE;
            case ALERT -> Phrasing.NONE;
        };
    }

    /** An index in {@code [0, size)} other than {@code index}; {@code size} must be at least 2. */
    private int otherIndex(int index, int size) {
        return (index + 1 + random.nextInt(size - 1)) % size;
    }
}
