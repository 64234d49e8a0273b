package io.ticketflow.schemas.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.i18n.ResourceBundleMessageSource;
import com.networknt.schema.path.PathType;
import io.ticketflow.schemas.contract.EventContract;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The current JSON Schema of one event type, compiled, for validating payloads before they are read into records.
 *
 * <p>Every event schema is read from the classpath and compiled once, when this class is first used; afterwards
 * {@link #validate(JsonNode)} only evaluates. Instances are immutable and thread-safe: one instance per event type is
 * shared by all callers and may validate from any number of threads at once.
 *
 * <p>Formats ({@code date-time}) are asserted, not merely annotated, and unknown properties are allowed, as the schemas
 * say. Schemas that refer to other schemas by {@code $id} are resolved from the classpath, never from the network.
 */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = registry();

    private static final Map<Class<?>, EventSchemas> BY_EVENT_TYPE = Arrays.stream(EventContract.values())
            .collect(Collectors.toUnmodifiableMap(EventContract::eventType, EventSchemas::compile));

    private final EventContract contract;
    private final Schema schema;

    private EventSchemas(EventContract contract, Schema schema) {
        this.contract = contract;
        this.schema = schema;
    }

    /**
     * The shared validator of {@code eventType}'s current schema, for example {@code TicketIngested.class}. Throws
     * {@link IllegalArgumentException} if {@code eventType} is not an event with a schema.
     */
    public static EventSchemas forEvent(Class<?> eventType) {
        EventSchemas schemas = BY_EVENT_TYPE.get(Objects.requireNonNull(eventType, "eventType"));
        if (schemas == null) {
            throw new IllegalArgumentException(eventType.getName() + " is not an event with a schema");
        }
        return schemas;
    }

    /**
     * The problems of {@code payload} (not {@code null}) under this schema, in plain words, each starting with the JSON
     * path it concerns, for example {@code $.title: must not be blank}; empty when the payload is valid.
     */
    public List<String> validate(JsonNode payload) {
        Objects.requireNonNull(payload, "payload");
        List<Error> errors = schema.validate(payload);
        return errors.isEmpty()
                ? List.of()
                : errors.stream().map(EventSchemas::describe).toList();
    }

    /** The event whose schema this is. */
    public EventContract contract() {
        return contract;
    }

    @Override
    public String toString() {
        return "EventSchemas[" + contract.id(contract.currentVersion()) + "]";
    }

    private static String describe(Error error) {
        // The library reports a missing property at its parent ("$: required property 'title' not found"); naming the
        // property's own path keeps every message greppable by field.
        if ("required".equals(error.getKeyword())) {
            return error.getInstanceLocation().append(error.getProperty()) + ": is required but missing";
        }
        return error.getInstanceLocation() + ": " + error.getMessage();
    }

    private static EventSchemas compile(EventContract contract) {
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(contract.id(contract.currentVersion())));
        // Compiles every keyword now rather than lazily on the first payload, so validate() only evaluates.
        schema.initializeValidators();
        return new EventSchemas(contract, schema);
    }

    private static SchemaRegistry registry() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                // Draft 2020-12 only annotates formats by default; the contract relies on date-times being checked.
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                // Messages must not depend on the machine's default locale: they end up in DLQ headers and logs.
                .locale(Locale.ENGLISH)
                // Plain-words messages for patterns and constants, written next to them in the schema files.
                .errorMessageKeyword("errorMessage")
                .messageSource(
                        new ResourceBundleMessageSource("io/ticketflow/schemas/validation/messages", "jsv-messages"))
                .build();
        Function<String, String> classpathIds = id -> EventContract.resourceOf(id)
                .map(resource -> "classpath:" + resource)
                .orElse(null);
        return SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config)
                        .schemaIdResolvers(resolvers -> resolvers.mappings(classpathIds)));
    }
}
