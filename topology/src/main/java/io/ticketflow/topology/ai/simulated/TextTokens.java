package io.ticketflow.topology.ai.simulated;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Words and a token count of a text, the same way for the simulated models' answers, estimates and quota. */
final class TextTokens {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextTokens() {}

    /** The text's words, lower-cased, in order; empty for a text without letters or digits. */
    static List<String> words(String text) {
        return Arrays.stream(NON_WORD.split(text.toLowerCase(Locale.ROOT)))
                .filter(word -> !word.isEmpty())
                .toList();
    }

    /** Tokens a model would count: about four per three words, the usual rule of thumb for English. */
    static long count(String text) {
        long words = words(text).size();
        return words + (words + 2) / 3;
    }
}
