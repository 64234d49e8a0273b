package io.ticketflow.topology.ai.redaction;

/**
 * A kind of personal data {@link PiiRedactor} replaces, and the typed placeholder that takes its place. Kinds are
 * applied in declaration order: e-mail addresses first (their digits are not phone numbers), then card numbers (longer
 * digit runs than phone numbers), IP addresses, phone numbers.
 */
public enum PiiKind {
    /** E-mail addresses with a domain that has a top-level part: {@code jane.doe+it@example.co.uk}. */
    EMAIL("[EMAIL]") {
        @Override
        String redactIn(String text) {
            return EmailAddresses.redact(text, placeholder());
        }
    },
    /** 13 to 19 digits, optionally grouped by spaces or hyphens, that pass the Luhn check. */
    CARD("[CARD]") {
        @Override
        String redactIn(String text) {
            return CardNumbers.redact(text, placeholder());
        }
    },
    /** IPv4 addresses in dotted-quad form and IPv6 addresses, full or compressed, with an optional IPv4 tail. */
    IP("[IP]") {
        @Override
        String redactIn(String text) {
            return IpAddresses.redact(text, placeholder());
        }
    },
    /**
     * Phone numbers in international form ({@code +} and 7–15 digits) or in common national forms: an area code in
     * parentheses, North American {@code 555-123-4567}, or a trunk prefix {@code 0} with separated groups
     * ({@code 020 7946 0958}, {@code 06-12345678}, {@code 01 23 45 67 89}).
     */
    PHONE("[PHONE]") {
        @Override
        String redactIn(String text) {
            return PhoneNumbers.redact(text, placeholder());
        }
    };

    private final String placeholder;

    PiiKind(String placeholder) {
        this.placeholder = placeholder;
    }

    /** What replaces each occurrence, for example {@code [EMAIL]}. */
    public String placeholder() {
        return placeholder;
    }

    /** {@code text} with every occurrence of this kind replaced by its placeholder. */
    abstract String redactIn(String text);
}
