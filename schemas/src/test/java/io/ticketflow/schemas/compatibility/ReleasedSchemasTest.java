package io.ticketflow.schemas.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.schemas.contract.EventContract;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The release rules of the schema files: a released version is frozen, and no current schema breaks any released
 * version. Releasing version N of an event means copying its schema to {@code released/<Event>/vN.schema.json}.
 * Annotations (descriptions, titles, comments, error messages) may be corrected without a release.
 */
class ReleasedSchemasTest {

    private static final Set<String> ANNOTATIONS =
            Set.of("title", "description", "$comment", "examples", "errorMessage");

    static Stream<Arguments> releasedVersions() {
        return Arrays.stream(EventContract.values())
                .flatMap(contract ->
                        contract.releasedVersions().stream().map(version -> Arguments.of(contract, version)));
    }

    @ParameterizedTest(name = "{0} v{1}")
    @MethodSource("releasedVersions")
    void shouldNotBreakAnyReleasedVersion(EventContract contract, int version) {
        JsonNode released = EventContract.read(contract.releasedResource(version));
        JsonNode current = EventContract.read(contract.currentResource());

        assertThat(SchemaCompatibility.classpath().breakingChanges(released, current))
                .as("breaking changes from %s v%d to the current schema", contract.eventName(), version)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} v{1}")
    @MethodSource("releasedVersions")
    void shouldIdentifyEachReleasedVersionByItsId(EventContract contract, int version) {
        JsonNode released = EventContract.read(contract.releasedResource(version));

        assertThat(released.path("$id").stringValue()).isEqualTo(contract.id(version));
    }

    @ParameterizedTest
    @EnumSource(EventContract.class)
    void shouldChangeTheCurrentSchemaOnlyByReleasingANewVersion(EventContract contract) {
        JsonNode current = EventContract.read(contract.currentResource());
        JsonNode releasedCopy = EventContract.read(contract.releasedResource(contract.currentVersion()));

        assertThat(withoutAnnotations(current))
                .as(
                        "%s differs from its released copy %s beyond annotations: release it as a new version",
                        contract.currentResource(), contract.releasedResource(contract.currentVersion()))
                .isEqualTo(withoutAnnotations(releasedCopy));
    }

    private static JsonNode withoutAnnotations(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        removeAnnotations(copy);
        return copy;
    }

    /** Removes annotation keywords from a schema and its subschemas, not from properties that share their names. */
    private static void removeAnnotations(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            ANNOTATIONS.forEach(object::remove);
            object.path("properties").values().forEach(ReleasedSchemasTest::removeAnnotations);
            object.path("$defs").values().forEach(ReleasedSchemasTest::removeAnnotations);
            List.of("items", "additionalProperties", "propertyNames")
                    .forEach(keyword -> removeAnnotations(object.path(keyword)));
        }
    }
}
