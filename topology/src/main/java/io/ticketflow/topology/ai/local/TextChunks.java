package io.ticketflow.topology.ai.local;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a text into pieces short enough for the embedding model to read whole: consecutive runs of at most
 * {@code chunkWords} words, at most {@code maxChunks} of them; words after that are dropped. Immutable and
 * thread-safe.
 */
final class TextChunks {

    /**
     * Unicode white space, not only ASCII: the model refuses a blank piece, and a "word" of, say, em spaces would
     * otherwise make one.
     */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private final int chunkWords;
    private final int maxChunks;

    TextChunks(int chunkWords, int maxChunks) {
        if (chunkWords < 1 || maxChunks < 1) {
            throw new IllegalArgumentException("chunkWords and maxChunks must be at least 1");
        }
        this.chunkWords = chunkWords;
        this.maxChunks = maxChunks;
    }

    /** The pieces of {@code text}, each its words joined by single spaces; empty when the text has no words. */
    List<String> split(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        String[] words = WHITESPACE.split(trimmed);
        List<String> pieces = new ArrayList<>();
        for (int start = 0; start < words.length && pieces.size() < maxChunks; start += chunkWords) {
            int end = Math.min(words.length, start + chunkWords);
            String piece = String.join(" ", java.util.Arrays.copyOfRange(words, start, end));
            // Characters that are blank to the model but not white space to the pattern (U+001C–U+001F).
            if (!piece.isBlank()) {
                pieces.add(piece);
            }
        }
        return pieces;
    }

    /** Words in a piece made by {@link #split}. */
    static int wordCount(String piece) {
        int count = 1;
        for (int i = 0; i < piece.length(); i++) {
            if (piece.charAt(i) == ' ') {
                count++;
            }
        }
        return count;
    }
}
