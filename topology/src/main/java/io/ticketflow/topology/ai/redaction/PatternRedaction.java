package io.ticketflow.topology.ai.redaction;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces the matches of a pattern that a check accepts; the shared mechanics of the regular-expression kinds. */
final class PatternRedaction {

    private PatternRedaction() {}

    /**
     * {@code text} with each match of {@code candidates} that {@code accept} approves replaced by {@code placeholder};
     * a refused match stays as it is.
     */
    static String replace(Pattern candidates, Predicate<String> accept, String text, String placeholder) {
        return candidates
                .matcher(text)
                .replaceAll(
                        match -> Matcher.quoteReplacement(accept.test(match.group()) ? placeholder : match.group()));
    }
}
