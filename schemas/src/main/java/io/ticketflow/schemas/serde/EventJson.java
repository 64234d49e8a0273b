package io.ticketflow.schemas.serde;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapping of events: what every serde, test and tool of ticketflow reads and writes events with. */
public final class EventJson {

    /*
     * Absent optional fields are omitted rather than written as null, and unknown fields are ignored when reading, so
     * that adding an optional field never breaks an older consumer. Instants are ISO-8601 strings, as the schemas say.
     */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private EventJson() {}

    /** The shared, immutable and thread-safe mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
