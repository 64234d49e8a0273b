package io.ticketflow.topology.ai.redaction;

import java.util.regex.Pattern;

/**
 * E-mail addresses: a local part, {@code @}, and a domain of dot-separated labels ending in a top-level part of two or
 * more letters. Addresses without one ({@code admin@intranet}) are left: they are host names as often as mailboxes.
 */
final class EmailAddresses {

    private static final Pattern ADDRESS = Pattern.compile("(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}][\\p{L}\\p{N}._%+-]*"
            + "@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+\\p{L}{2,}(?![\\p{L}\\p{N}])");

    private EmailAddresses() {}

    static String redact(String text, String placeholder) {
        return PatternRedaction.replace(ADDRESS, address -> true, text, placeholder);
    }
}
