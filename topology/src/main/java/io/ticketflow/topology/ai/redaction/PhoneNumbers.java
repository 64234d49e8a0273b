package io.ticketflow.topology.ai.redaction;

import java.util.regex.Pattern;

/**
 * Phone numbers, in the forms people write them in tickets:
 *
 * <ul>
 *   <li>international: {@code +}, then 7–15 digits with spaces, dots, hyphens or parentheses between them
 *       ({@code +44 (0)20 7946 0958}, {@code +1 (555) 123-4567}, {@code +31612345678});
 *   <li>an area code in parentheses: {@code (555) 123-4567}, {@code (020) 7946 0958};
 *   <li>North American groups of 3, 3 and 4 digits with one kind of separator: {@code 555-123-4567};
 *   <li>a national trunk prefix {@code 0} and separated groups, 9–15 digits in all: {@code 020 7946 0958},
 *       {@code 06-12345678}, {@code 030 1234567}, {@code 01 23 45 67 89}, {@code 00 44 20 7946 0958}.
 * </ul>
 *
 * <p>What is deliberately left: bare digit runs without {@code +} ({@code 0612345678} reads like an order or ticket
 * number as much as a phone number), numbers glued to letters ({@code INC0012345}), dates ({@code 2024-01-15},
 * {@code 01.02.2024 10:30}), versions ({@code 10.2.3}) and times.
 */
final class PhoneNumbers {

    private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w+.\\-/])(?:"
            + "\\+\\d(?:[ .\\-()]{0,2}\\d){6,14}"
            + "|\\(\\d{2,5}\\)[ .-]?\\d{3,4}[ .-]?\\d{3,4}"
            + "|\\d{3}([ .-])\\d{3}\\1\\d{4}"
            + "|0\\d{1,4}(?:[ .-]\\d{2,8}){1,4}"
            + ")(?![\\w:]|[.\\-/]\\d)");

    private static final int MIN_NATIONAL_DIGITS = 9;
    private static final int MAX_DIGITS = 15;

    private PhoneNumbers() {}

    static String redact(String text, String placeholder) {
        return PatternRedaction.replace(CANDIDATE, PhoneNumbers::hasPhoneLength, text, placeholder);
    }

    /* The trunk-prefix form alone can match dates and short codes; its digit count tells them apart. */
    private static boolean hasPhoneLength(String candidate) {
        long digits = candidate.chars().filter(Character::isDigit).count();
        return (candidate.startsWith("+") || digits >= MIN_NATIONAL_DIGITS) && digits <= MAX_DIGITS;
    }
}
