package io.ticketflow.testkit.internal;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Names that are unique per call and legal as Kafka topic names and Kafka Streams application ids:
 * {@code <base>-<counter>-<random suffix>}, only {@code [a-zA-Z0-9._-]}, at most {@value #MAX_LENGTH} characters.
 *
 * <p>The counter makes names unique within one instance; the random suffix keeps them apart across JVMs and runs
 * against a broker whose data outlives a run. Thread-safe.
 */
public final class UniqueNames {

    /** Kafka's limit for topic names. */
    public static final int MAX_LENGTH = 249;

    private static final Pattern ILLEGAL = Pattern.compile("[^a-zA-Z0-9._-]");
    private static final String SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int SUFFIX_LENGTH = 6;

    private final AtomicLong counter = new AtomicLong();

    /**
     * A new name starting with {@code base}; characters Kafka does not allow become {@code -}, and a long base is cut
     * so that the whole name fits.
     *
     * @throws IllegalArgumentException if {@code base} is blank
     */
    public String next(String base) {
        Objects.requireNonNull(base, "base");
        if (base.isBlank()) {
            throw new IllegalArgumentException("base must not be blank");
        }
        String tail = "-" + counter.incrementAndGet() + "-" + randomSuffix();
        String legalBase = ILLEGAL.matcher(base.strip()).replaceAll("-");
        if (legalBase.length() + tail.length() > MAX_LENGTH) {
            legalBase = legalBase.substring(0, MAX_LENGTH - tail.length());
        }
        return legalBase + tail;
    }

    private static String randomSuffix() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            suffix.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return suffix.toString();
    }
}
