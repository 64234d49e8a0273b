package io.ticketflow.topology.ai.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payment card numbers: 13 to 19 digits, contiguous or grouped by single spaces or hyphens, that pass the Luhn check.
 *
 * <p>A run of digit groups is searched for the longest stretch of whole groups that qualifies, so a card number
 * followed by another number ({@code 4111 1111 1111 1111 2024}) is still found. About one in ten random 13–19 digit
 * ids passes the Luhn check too and is redacted: a price worth paying to never send a card number to a model.
 */
final class CardNumbers {

    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;

    /* Runs of digit groups not glued to a word: "INC0012345" is an id, not a number. */
    private static final Pattern GROUP_RUN = Pattern.compile("(?<!\\w)\\d+(?:[ -]\\d+)*(?!\\w)");
    private static final Pattern GROUP = Pattern.compile("\\d+");

    private CardNumbers() {}

    static String redact(String text, String placeholder) {
        Matcher run = GROUP_RUN.matcher(text);
        StringBuilder redacted = new StringBuilder();
        int copied = 0;
        while (run.find()) {
            List<int[]> groups = groups(run);
            int first = 0;
            while (first < groups.size()) {
                int last = longestCardFrom(text, groups, first);
                if (last < 0) {
                    first++;
                    continue;
                }
                redacted.append(text, copied, groups.get(first)[0]).append(placeholder);
                copied = groups.get(last)[1];
                first = last + 1;
            }
        }
        return redacted.append(text, copied, text.length()).toString();
    }

    /** Whether {@code digits} passes the Luhn check. */
    static boolean passesLuhn(CharSequence digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** The start and end offsets (in the text) of each digit group of the run. */
    private static List<int[]> groups(Matcher run) {
        List<int[]> groups = new ArrayList<>();
        Matcher group = GROUP.matcher(run.group());
        while (group.find()) {
            groups.add(new int[] {run.start() + group.start(), run.start() + group.end()});
        }
        return groups;
    }

    /** The index of the last group of the longest card number starting at group {@code first}, or -1. */
    private static int longestCardFrom(String text, List<int[]> groups, int first) {
        StringBuilder digits = new StringBuilder();
        int found = -1;
        for (int last = first; last < groups.size() && digits.length() <= MAX_DIGITS; last++) {
            digits.append(text, groups.get(last)[0], groups.get(last)[1]);
            if (digits.length() >= MIN_DIGITS && digits.length() <= MAX_DIGITS && passesLuhn(digits)) {
                found = last;
            }
        }
        return found;
    }
}
