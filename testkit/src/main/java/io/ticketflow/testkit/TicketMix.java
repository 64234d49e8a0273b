package io.ticketflow.testkit;

/**
 * The expected share of each {@link GeneratedTicket.Kind} among generated records, as fractions of 1; new tickets
 * make up the rest. Repeats and rewordings need an earlier new ticket, so the very first record is always new.
 *
 * @param exactRepeats share of {@link GeneratedTicket.Kind#EXACT_REPEAT}
 * @param sameTextNewId share of {@link GeneratedTicket.Kind#SAME_TEXT_NEW_ID}
 * @param rewordings share of {@link GeneratedTicket.Kind#REWORDING}
 * @param invalid share of {@link GeneratedTicket.Kind#INVALID}
 */
public record TicketMix(double exactRepeats, double sameTextNewId, double rewordings, double invalid) {

    /** 2.5 % exact repeats, 2.5 % same text under a new id, 10 % rewordings, 3 % invalid, 82 % new. */
    public static final TicketMix DEFAULT = new TicketMix(0.025, 0.025, 0.10, 0.03);

    /** New tickets only: no repeats, rewordings or invalid records. */
    public static final TicketMix NEW_ONLY = new TicketMix(0, 0, 0, 0);

    /**
     * @throws IllegalArgumentException if a share is not within [0, 1] or the shares add up to more than 1
     */
    public TicketMix {
        requireShare("exactRepeats", exactRepeats);
        requireShare("sameTextNewId", sameTextNewId);
        requireShare("rewordings", rewordings);
        requireShare("invalid", invalid);
        if (exactRepeats + sameTextNewId + rewordings + invalid > 1 + 1e-9) {
            throw new IllegalArgumentException("shares add up to more than 1: " + exactRepeats + " + " + sameTextNewId
                    + " + " + rewordings + " + " + invalid);
        }
    }

    /** The share of new tickets: what the other shares leave. */
    public double newTickets() {
        return Math.max(0, 1 - exactRepeats - sameTextNewId - rewordings - invalid);
    }

    /** The kind a uniform random draw {@code u} in [0, 1) falls on. */
    GeneratedTicket.Kind kindAt(double u) {
        double bound = invalid;
        if (u < bound) {
            return GeneratedTicket.Kind.INVALID;
        }
        bound += exactRepeats;
        if (u < bound) {
            return GeneratedTicket.Kind.EXACT_REPEAT;
        }
        bound += sameTextNewId;
        if (u < bound) {
            return GeneratedTicket.Kind.SAME_TEXT_NEW_ID;
        }
        bound += rewordings;
        return u < bound ? GeneratedTicket.Kind.REWORDING : GeneratedTicket.Kind.NEW;
    }

    private static void requireShare(String name, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(name + " must be within [0, 1], was " + share);
        }
    }
}
