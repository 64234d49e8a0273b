package io.ticketflow.testkit.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Interchangeable phrases ({@code cannot} / {@code can't}, {@code laptop} / {@code notebook}) that a rewording swaps
 * in either direction. Applied to template text before slots are filled, so product names and error codes are never
 * touched, and never inside a placeholder. Immutable and thread-safe.
 */
public final class Synonyms {

    private final List<List<String>> pairs;

    /**
     * @param pairs phrase pairs, each of two different phrases; no phrase may appear in two pairs
     * @throws IllegalArgumentException if a pair is not two different phrases or a phrase repeats
     */
    public Synonyms(List<List<String>> pairs) {
        this.pairs = pairs.stream().map(List::copyOf).toList();
        Set<String> seen = new HashSet<>();
        for (List<String> pair : this.pairs) {
            if (pair.size() != 2 || pair.get(0).equalsIgnoreCase(pair.get(1))) {
                throw new IllegalArgumentException("A synonym pair needs two different phrases: " + pair);
            }
            for (String phrase : pair) {
                if (!seen.add(phrase.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("The phrase '" + phrase + "' appears in two synonym pairs");
                }
            }
        }
    }

    /** How many pairs there are; pairs are numbered from 0. */
    public int size() {
        return pairs.size();
    }

    /**
     * {@code text} with every whole-word occurrence of a phrase of the chosen pairs replaced by its partner, keeping
     * an initial capital. One pass, so a swapped phrase is never swapped back.
     *
     * @param chosen numbers of the pairs to swap
     */
    public String swap(String text, Set<Integer> chosen) {
        if (chosen.isEmpty()) {
            return text;
        }
        Map<String, String> partners = new HashMap<>();
        for (int index : chosen) {
            List<String> pair = pairs.get(index);
            partners.put(pair.get(0).toLowerCase(Locale.ROOT), pair.get(1));
            partners.put(pair.get(1).toLowerCase(Locale.ROOT), pair.get(0));
        }
        // Longest first, so that "does not" wins over a shorter phrase starting at the same place.
        String alternatives = partners.keySet().stream()
                .sorted((a, b) -> b.length() - a.length())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        // Never inside a {placeholder}: slot names are not words of the text.
        Pattern pattern = Pattern.compile("(?<!\\{)\\b(" + alternatives + ")\\b(?!})", Pattern.CASE_INSENSITIVE);
        return pattern.matcher(text).replaceAll(match -> {
            String found = match.group(1);
            String partner = partners.get(found.toLowerCase(Locale.ROOT));
            return Matcher.quoteReplacement(Character.isUpperCase(found.charAt(0)) ? capitalise(partner) : partner);
        });
    }

    private static String capitalise(String phrase) {
        return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }
}
