package io.ticketflow.topology.ai.redaction;

import java.util.regex.Pattern;

/**
 * IPv4 addresses in dotted-quad form (each part 0–255, no leading zeros) and IPv6 addresses in every textual form of
 * RFC 4291 (full, compressed with {@code ::}, with an IPv4 tail). A four-part version number such as {@code 1.2.3.4}
 * is indistinguishable from an address and is redacted; three-part versions, times ({@code 10:30:45}) and MAC
 * addresses ({@code 00:1A:2B:3C:4D:5E}) are not addresses and stay.
 */
final class IpAddresses {

    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

    /* Not part of a longer dotted run on either side: "1.2.3.4.5" is no address. */
    private static final Pattern IPV4 =
            Pattern.compile("(?<![\\w.])" + OCTET + "(?:\\." + OCTET + "){3}(?!\\w|\\.\\d)");

    /* Candidates only: hex groups and colons, checked by isIpv6 for the group count and a single "::". */
    private static final Pattern IPV6_CANDIDATE = Pattern.compile(
            "(?<![\\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f]{0,4})(?![\\w:])");

    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final Pattern IPV4_TAIL = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");

    private IpAddresses() {}

    static String redact(String text, String placeholder) {
        String withoutV6 = PatternRedaction.replace(IPV6_CANDIDATE, IpAddresses::isIpv6, text, placeholder);
        return PatternRedaction.replace(IPV4, address -> true, withoutV6, placeholder);
    }

    /** Whether {@code candidate} is an IPv6 address: eight groups, or fewer around exactly one {@code ::}. */
    static boolean isIpv6(String candidate) {
        int compressions = candidate.split("::", -1).length - 1;
        if (compressions > 1 || !candidate.matches(".*[0-9A-Fa-f].*")) {
            return false;
        }
        String[] halves = candidate.split("::", -1);
        int groups = 0;
        for (int half = 0; half < halves.length; half++) {
            if (halves[half].isEmpty()) {
                continue;
            }
            String[] parts = halves[half].split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                boolean lastOfAddress = half == halves.length - 1 && i == parts.length - 1;
                if (lastOfAddress && IPV4_TAIL.matcher(parts[i]).matches()) {
                    groups += 2;
                } else if (HEX_GROUP.matcher(parts[i]).matches()) {
                    groups++;
                } else {
                    return false;
                }
            }
        }
        return compressions == 1 ? groups <= 7 : groups == 8;
    }
}
