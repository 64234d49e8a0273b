package io.ticketflow.approvals.ledger;

import java.time.Instant;

/**
 * Keys of the ledger's index store, ordered bytewise like RocksDB orders them. Two kinds share the store:
 *
 * <ul>
 *   <li>listing entries {@code <status code>|<requestedAt millis, 19 digits>|<ticket id>}, so that one status's
 *       approvals are a key range in request order;
 *   <li>expiry entries {@code X|<expiresAt millis, 19 digits>|<ticket id>} of pending approvals, so that the expiry
 *       check reads only what is due.
 * </ul>
 *
 * Times before the epoch count as the epoch. Values are the ticket ids.
 */
public final class LedgerIndex {

    private static final char EXPIRY = 'X';
    private static final char SEPARATOR = '|';
    private static final int MILLIS_DIGITS = 19;

    /** Sorts after every character a key can hold after a prefix: the inclusive end of a prefix range. */
    static final char HIGHEST = '\uffff';

    private LedgerIndex() {}

    /** The listing entry of {@code approval}. */
    static String listingKey(Approval approval) {
        return listingPrefix(approval.status()) + position(approval.request().requestedAt(), approval.ticketId());
    }

    /** The expiry entry of a pending approval. */
    static String expiryKey(Approval approval) {
        return "" + EXPIRY + SEPARATOR + position(approval.request().expiresAt(), approval.ticketId());
    }

    /** The first key of every entry expiring at or before {@code now}. */
    static String expiryFrom() {
        return "" + EXPIRY + SEPARATOR;
    }

    /** The last key of every entry expiring at or before {@code now}. */
    static String expiryTo(Instant now) {
        return "" + EXPIRY + SEPARATOR + millis(now) + SEPARATOR + HIGHEST;
    }

    /** The prefix of one status's listing entries. */
    public static String listingPrefix(ApprovalStatus status) {
        return "" + status.code() + SEPARATOR;
    }

    /**
     * The part of a listing key after its status prefix: its place in request order. Paging cursors carry it, so a
     * page goes on after the last entry shown whatever changed in between.
     */
    public static String position(Instant requestedAt, String ticketId) {
        return millis(requestedAt) + SEPARATOR + ticketId;
    }

    /** The position part of a listing key. */
    public static String positionOf(String listingKey) {
        return listingKey.substring(2);
    }

    /** Zero-padded to 19 digits, so that text order is time order (without {@code String.format}: on every write). */
    private static String millis(Instant instant) {
        String digits = Long.toString(Math.max(0, instant.toEpochMilli()));
        return "0".repeat(MILLIS_DIGITS - digits.length()) + digits;
    }
}
