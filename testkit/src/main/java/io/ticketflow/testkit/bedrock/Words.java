package io.ticketflow.testkit.bedrock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Splits text into lower-case word stems, the unit both the simulated embeddings and the keyword rules work on. */
final class Words {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /* Words that carry no topic; left in, they would make every two tickets look alike. */
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "for", "from", "has", "have", "hi", "i",
            "in", "is", "it", "its", "me", "my", "no", "not", "of", "on", "or", "our", "please", "so", "thanks", "that",
            "the", "this", "to", "was", "we", "with", "you", "your");

    private Words() {}

    /** The stems of {@code text}'s words, in order, stop words left out. */
    static List<String> stems(String text) {
        List<String> stems = new ArrayList<>();
        for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
                stems.add(stem(word));
            }
        }
        return stems;
    }

    /**
     * A crude suffix stripper, so that "printer", "printers" and "printing" meet: enough for deterministic test
     * answers, not linguistics.
     */
    static String stem(String word) {
        for (String suffix : List.of("ing", "ers", "er", "ed", "es", "s")) {
            if (word.length() > suffix.length() + 3 && word.endsWith(suffix) && !word.endsWith("ss")) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }
}
