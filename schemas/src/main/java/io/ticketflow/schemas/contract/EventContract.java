package io.ticketflow.schemas.contract;

import io.ticketflow.schemas.ApprovalDecided;
import io.ticketflow.schemas.ApprovalRequested;
import io.ticketflow.schemas.TicketEnriched;
import io.ticketflow.schemas.TicketIngested;
import io.ticketflow.schemas.serde.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * An event with a JSON Schema contract, and where its schema lives on the classpath.
 *
 * <p>The schema of version {@code N} of an event has the {@code $id} {@value #ID_PREFIX}{@code <Event>/N}, {@code N}
 * being the {@code schemaVersion} the event's record writes. The current version is the resource
 * {@code schemas/<Event>.schema.json}; every released version, the current one included, is frozen as
 * {@code schemas/released/<Event>/vN.schema.json}. Versions are numbered from 1 without gaps.
 *
 * <p>Schemas refer to each other by {@code $id}; {@link #resourceOf(String)} maps such an id to its resource, so
 * nothing is ever fetched from the network.
 */
public enum EventContract {
    /** Tickets from upstream systems, on {@code tickets.ingested}. */
    TICKET_INGESTED(TicketIngested.class, TicketIngested.CURRENT_SCHEMA_VERSION),
    /** Tickets leaving the pipeline, on {@code tickets.enriched}. */
    TICKET_ENRICHED(TicketEnriched.class, TicketEnriched.CURRENT_SCHEMA_VERSION),
    /** Tickets waiting for a human, on {@code approvals.requested}. */
    APPROVAL_REQUESTED(ApprovalRequested.class, ApprovalRequested.CURRENT_SCHEMA_VERSION),
    /** Decisions on approvals, on {@code approvals.decided}. */
    APPROVAL_DECIDED(ApprovalDecided.class, ApprovalDecided.CURRENT_SCHEMA_VERSION);

    /** The common start of every ticketflow schema {@code $id}. */
    public static final String ID_PREFIX = "https://ticketflow.io/schemas/";

    private static final Pattern ID = Pattern.compile(Pattern.quote(ID_PREFIX) + "([A-Za-z]+)/([1-9][0-9]{0,8})");

    private final Class<? extends Record> eventType;
    private final int currentVersion;

    EventContract(Class<? extends Record> eventType, int currentVersion) {
        this.eventType = eventType;
        this.currentVersion = currentVersion;
    }

    /** The contract of {@code eventType}; throws {@link IllegalArgumentException} if it is not an event with one. */
    public static EventContract of(Class<?> eventType) {
        Objects.requireNonNull(eventType, "eventType");
        return Arrays.stream(values())
                .filter(contract -> contract.eventType.equals(eventType))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException(eventType.getName() + " is not an event with a schema"));
    }

    /**
     * The classpath resource holding the schema with {@code $id} {@code schemaId} (without fragment), or empty if no
     * such ticketflow schema exists: the current resource for the current version, the released copy for older ones.
     */
    public static Optional<String> resourceOf(String schemaId) {
        Matcher matcher = ID.matcher(Objects.requireNonNull(schemaId, "schemaId"));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int version = Integer.parseInt(matcher.group(2));
        return Arrays.stream(values())
                .filter(contract -> contract.eventName().equals(matcher.group(1)))
                .filter(contract -> version <= contract.currentVersion)
                .findFirst()
                .map(contract -> version == contract.currentVersion
                        ? contract.currentResource()
                        : contract.releasedResource(version));
    }

    /**
     * Reads the schema at classpath resource {@code resource} as a fresh, caller-owned tree. Throws
     * {@link IllegalArgumentException} if there is no such resource, and Jackson's exception if it is not JSON.
     */
    public static JsonNode read(String resource) {
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No schema on the classpath at " + resource);
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema " + resource, e);
        }
    }

    /** The event's record type. */
    public Class<? extends Record> eventType() {
        return eventType;
    }

    /** The event's name, as used in {@code $id}s and file names, for example {@code TicketIngested}. */
    public String eventName() {
        return eventType.getSimpleName();
    }

    /** The version this code writes: the record's {@code CURRENT_SCHEMA_VERSION}. */
    public int currentVersion() {
        return currentVersion;
    }

    /** Every released version, oldest first: 1 to {@link #currentVersion()}. */
    public List<Integer> releasedVersions() {
        return IntStream.rangeClosed(1, currentVersion).boxed().toList();
    }

    /** The {@code $id} of version {@code version} of this event's schema. */
    public String id(int version) {
        return ID_PREFIX + eventName() + "/" + version;
    }

    /** The classpath resource of the current schema. */
    public String currentResource() {
        return "schemas/" + eventName() + ".schema.json";
    }

    /** The classpath resource of the frozen copy of version {@code version}. */
    public String releasedResource(int version) {
        return "schemas/released/" + eventName() + "/v" + version + ".schema.json";
    }
}
