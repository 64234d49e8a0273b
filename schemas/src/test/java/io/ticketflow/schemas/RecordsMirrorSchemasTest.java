package io.ticketflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.schemas.compatibility.SchemaNode;
import io.ticketflow.schemas.compatibility.SchemaResolver;
import io.ticketflow.schemas.contract.EventContract;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The schema files are the contract and the records mirror them: this walks each event's record type and its schema
 * side by side, nested records included, and fails when a component or property exists on one side only, when
 * requiredness, JSON type or enum constants differ.
 *
 * <p>A component is required when it is primitive or the record's constructor rejects {@code null} for it; otherwise
 * (documented optional, or a collection where absent means empty) the schema must not require it.
 */
class RecordsMirrorSchemasTest {

    private static final Map<Class<?>, String> JSON_TYPES = Map.of(
            String.class, "string",
            int.class, "integer",
            Integer.class, "integer",
            long.class, "integer",
            Long.class, "integer",
            double.class, "number",
            Double.class, "number",
            boolean.class, "boolean",
            Boolean.class, "boolean");

    private final SchemaResolver resolver = SchemaResolver.classpath();

    @ParameterizedTest
    @EnumSource(EventContract.class)
    void shouldDescribeExactlyTheRecordComponentsWithTheSameRequirednessAndTypes(EventContract contract)
            throws ReflectiveOperationException {
        SchemaNode schema = SchemaNode.root(EventContract.read(contract.currentResource()));

        assertRecordMirrors(EventFixtures.full(contract.eventType()), schema, "$");
    }

    @ParameterizedTest
    @EnumSource(EventContract.class)
    void shouldIdentifyTheSchemaByEventAndTheVersionTheRecordWrites(EventContract contract) {
        JsonNode schema = EventContract.read(contract.currentResource());

        assertThat(schema.path("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").stringValue()).isEqualTo(contract.id(contract.currentVersion()));
        assertThat(schema.path("title").stringValue()).isEqualTo(contract.eventName());
        assertThat(schema.path("description").stringValue()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(EventContract.class)
    void shouldAcceptExactlyTheSchemaVersionsThisCodeKnows(EventContract contract) {
        JsonNode schemaVersion = EventContract.read(contract.currentResource()).at("/properties/schemaVersion");
        List<Integer> allowed = schemaVersion.has("const")
                ? List.of(schemaVersion.get("const").intValue())
                : schemaVersion
                        .get("enum")
                        .valueStream()
                        .map(JsonNode::intValue)
                        .toList();

        assertThat(allowed).isEqualTo(contract.releasedVersions());
    }

    private void assertRecordMirrors(Record value, SchemaNode unresolved, String path)
            throws ReflectiveOperationException {
        SchemaNode schema = resolver.resolve(unresolved);
        JsonNode node = schema.node();
        RecordComponent[] components = value.getClass().getRecordComponents();
        List<String> names =
                Arrays.stream(components).map(RecordComponent::getName).toList();
        List<String> required =
                node.path("required").valueStream().map(JsonNode::stringValue).toList();

        assertThat(node.path("type").stringValue()).as("type at %s", path).isEqualTo("object");
        assertThat(node.path("properties").propertyNames())
                .as(
                        "schema properties at %s vs components of %s",
                        path, value.getClass().getSimpleName())
                .containsExactlyInAnyOrderElementsOf(names);
        assertThat(required).as("required at %s", path).isSubsetOf(names);
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String componentPath = path + "." + component.getName();
            Object componentValue = component.getAccessor().invoke(value);
            boolean recordRequires = component.getType().isPrimitive() || rejectsNull(value, i);

            assertThat(componentValue)
                    .as("%s in the fully populated fixture", componentPath)
                    .isNotNull();
            assertThat(required.contains(component.getName()))
                    .as("%s is required by the schema exactly when the record requires it", componentPath)
                    .isEqualTo(recordRequires);
            assertValueMirrors(
                    component.getGenericType(),
                    componentValue,
                    schema.child(node.path("properties").get(component.getName())),
                    componentPath);
        }
    }

    private void assertValueMirrors(Type type, Object value, SchemaNode unresolved, String path)
            throws ReflectiveOperationException {
        SchemaNode schema = resolver.resolve(unresolved);
        JsonNode node = schema.node();
        Class<?> raw = type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
        if (raw.isRecord()) {
            assertRecordMirrors((Record) value, schema, path);
        } else if (raw.equals(List.class)) {
            List<?> list = (List<?>) value;
            assertType(node, "array", path);
            assertThat(list).as("%s in the fully populated fixture", path).isNotEmpty();
            assertThat(node.get("items")).as("items at %s", path).isNotNull();
            assertValueMirrors(typeArgument(type, 0), list.getFirst(), schema.child(node.get("items")), path + "[0]");
        } else if (raw.equals(Map.class)) {
            Map<?, ?> map = (Map<?, ?>) value;
            assertType(node, "object", path);
            assertThat(typeArgument(type, 0)).as("key type at %s", path).isEqualTo(String.class);
            assertThat(map).as("%s in the fully populated fixture", path).isNotEmpty();
            assertThat(node.get("additionalProperties"))
                    .as("additionalProperties at %s", path)
                    .isNotNull();
            assertValueMirrors(
                    typeArgument(type, 1),
                    map.values().iterator().next(),
                    schema.child(node.get("additionalProperties")),
                    path + ".*");
        } else if (raw.isEnum()) {
            assertType(node, "string", path);
            assertThat(node.path("enum").valueStream().map(JsonNode::stringValue))
                    .as("enum at %s", path)
                    .containsExactlyElementsOf(Arrays.stream(raw.getEnumConstants())
                            .map(constant -> ((Enum<?>) constant).name())
                            .toList());
        } else if (raw.equals(Instant.class)) {
            assertType(node, "string", path);
            assertThat(node.path("format").stringValue())
                    .as("format at %s", path)
                    .isEqualTo("date-time");
        } else {
            assertThat(JSON_TYPES).as("JSON type known for %s at %s", raw, path).containsKey(raw);
            assertType(node, JSON_TYPES.get(raw), path);
        }
    }

    private static void assertType(JsonNode schema, String expected, String path) {
        assertThat(schema.path("type").stringValue()).as("type at %s", path).isEqualTo(expected);
    }

    private static Type typeArgument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    /** Whether the record's canonical constructor refuses {@code null} for component {@code index}. */
    private static boolean rejectsNull(Record value, int index) throws ReflectiveOperationException {
        RecordComponent[] components = value.getClass().getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            arguments[i] = i == index ? null : components[i].getAccessor().invoke(value);
        }
        Class<?>[] types = IntStream.range(0, components.length)
                .mapToObj(i -> components[i].getType())
                .toArray(Class<?>[]::new);
        Constructor<?> canonical = value.getClass().getDeclaredConstructor(types);
        try {
            canonical.newInstance(arguments);
            return false;
        } catch (InvocationTargetException e) {
            return true;
        }
    }
}
