package io.ticketflow.approvals.config;

import java.time.Duration;

/** Defaults and range checks shared by the settings records, so that every error names its setting the same way. */
final class Settings {

    private Settings() {}

    static <T> T orDefault(T value, T defaultValue) {
        return value == null ? defaultValue : value;
    }

    static int atLeast(String setting, Integer value, int defaultValue, int minimum) {
        int resolved = orDefault(value, defaultValue);
        if (resolved < minimum) {
            throw new IllegalArgumentException(
                    "ticketflow." + setting + " must be at least " + minimum + ", was " + resolved);
        }
        return resolved;
    }

    static Duration positive(String setting, Duration value, Duration defaultValue) {
        Duration resolved = orDefault(value, defaultValue);
        if (resolved.isNegative() || resolved.isZero()) {
            throw new IllegalArgumentException("ticketflow." + setting + " must be positive, was " + resolved);
        }
        return resolved;
    }

    static String notBlank(String setting, String value, String defaultValue) {
        String resolved = orDefault(value, defaultValue);
        if (resolved.isBlank()) {
            throw new IllegalArgumentException("ticketflow." + setting + " must not be blank");
        }
        return resolved;
    }
}
