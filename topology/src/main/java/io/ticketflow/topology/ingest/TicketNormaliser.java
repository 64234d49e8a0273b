package io.ticketflow.topology.ingest;

import io.ticketflow.schemas.StageRecord;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.topology.config.IngestSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Brings a valid ticket into the one shape later stages rely on: text trimmed, control characters removed, the title
 * within its limit (or the ticket rejected) and the description within its limit (or truncated, and flagged).
 *
 * <p>Lengths count Unicode code points, so a limit never splits a character. Thread-safe.
 */
public final class TicketNormaliser {

    /** The audit flag of a ticket whose description was cut to the limit. */
    public static final String DESCRIPTION_TRUNCATED = "DESCRIPTION_TRUNCATED";

    /** Control characters other than tab and line breaks carry no meaning for triage and break some consumers. */
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private final int maxTitleLength;
    private final int maxDescriptionLength;

    public TicketNormaliser(IngestSettings settings) {
        this.maxTitleLength = settings.maxTitleLength();
        this.maxDescriptionLength = settings.maxDescriptionLength();
    }

    /**
     * Normalises {@code ticket}, recording what it changed in the ingest stage's audit entry.
     *
     * @param ticket a ticket that passed schema validation
     * @param at when ingest finished with it
     * @throws RejectedTicketException when the title is too long
     */
    public Normalised normalise(TicketIngested ticket, Instant at) {
        String title = clean(ticket.title());
        if (title.codePointCount(0, title.length()) > maxTitleLength) {
            throw new RejectedTicketException(
                    RejectionReason.TITLE_TOO_LONG,
                    "the title has " + title.codePointCount(0, title.length()) + " characters, more than the limit of "
                            + maxTitleLength);
        }
        List<String> flags = new ArrayList<>();
        Map<String, String> details = new LinkedHashMap<>();
        String description = clean(ticket.description());
        int descriptionLength = description.codePointCount(0, description.length());
        if (descriptionLength > maxDescriptionLength) {
            description = description.substring(0, description.offsetByCodePoints(0, maxDescriptionLength));
            flags.add(DESCRIPTION_TRUNCATED);
            details.put("originalDescriptionLength", Integer.toString(descriptionLength));
        }
        return new Normalised(ticket.withText(title, description), new StageRecord("ingest", at, flags, details));
    }

    private static String clean(String text) {
        return text == null
                ? ""
                : CONTROL_CHARACTERS.matcher(text).replaceAll("").strip();
    }

    /**
     * A normalised ticket and the audit entry describing its normalisation.
     *
     * @param ticket the normalised ticket
     * @param stage the ingest stage's audit entry
     */
    public record Normalised(TicketIngested ticket, StageRecord stage) {}
}
