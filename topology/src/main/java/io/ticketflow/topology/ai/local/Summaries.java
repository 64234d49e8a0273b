package io.ticketflow.topology.ai.local;

import java.util.regex.Pattern;

/**
 * A ticket's summary without a language model: its title, or when the title is blank the first sentence of the
 * description, with whitespace collapsed and cut at a word boundary. Stateless.
 */
final class Summaries {

    /** Long enough for a title (ingest allows 300), short enough to read at a glance in a reviewer's list. */
    static final int MAX_LENGTH = 160;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s");

    private Summaries() {}

    /** The summary; empty only when both title and description are blank. */
    static String summarise(String title, String description) {
        String text = title.isBlank() ? SENTENCE_END.split(description.strip(), 2)[0] : title;
        String collapsed = WHITESPACE.matcher(text.strip()).replaceAll(" ");
        if (collapsed.codePointCount(0, collapsed.length()) <= MAX_LENGTH) {
            return collapsed;
        }
        String cut = collapsed.substring(0, collapsed.offsetByCodePoints(0, MAX_LENGTH - 1));
        int lastSpace = cut.lastIndexOf(' ');
        return (lastSpace > MAX_LENGTH / 2 ? cut.substring(0, lastSpace) : cut).strip() + "…";
    }
}
