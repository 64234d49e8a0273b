package io.ticketflow.schemas.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ticketflow.schemas.compatibility.BreakingChange.Kind;
import io.ticketflow.schemas.serde.EventJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The checker's rules, each on a small pair of schemas written in single quotes for legibility. */
class SchemaCompatibilityTest {

    private static final String TICKET_V1 = """
            {'$id': 'https://example.org/Ticket/1', 'type': 'object', 'required': ['id', 'priority'],
             'properties': {
               'id': {'type': 'string', 'description': 'the id'},
               'priority': {'enum': ['P1', 'P2']},
               'reporter': {'type': 'object', 'required': ['id'],
                            'properties': {'id': {'type': 'string'}, 'name': {'type': 'string'}}},
               'tags': {'type': 'array', 'items': {'type': 'string'}},
               'attributes': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}
            """;

    private final SchemaCompatibility checker = new SchemaCompatibility(new SchemaResolver(id -> Optional.empty()));

    @Test
    void shouldFindNothingBetweenIdenticalSchemas() {
        assertThat(checker.breakingChanges(json(TICKET_V1), json(TICKET_V1))).isEmpty();
    }

    @Test
    void shouldAcceptNewOptionalPropertyAndChangedAnnotations() {
        String v2 = TICKET_V1
                .replace("'description': 'the id'", "'description': 'the upstream id', 'minLength': 1")
                .replace("'tags':", "'channel': {'type': 'string'}, 'tags':");

        assertThat(checker.breakingChanges(json(TICKET_V1), json(v2))).isEmpty();
    }

    @Test
    void shouldAcceptWidenedEnum() {
        String v2 = TICKET_V1.replace("['P1', 'P2']", "['P1', 'P2', 'P3']");

        assertThat(checker.breakingChanges(json(TICKET_V1), json(v2))).isEmpty();
    }

    @Test
    void shouldFlagRemovedProperty() {
        String v2 = TICKET_V1.replace("'tags': {'type': 'array', 'items': {'type': 'string'}},", "");

        assertThat(checker.breakingChanges(json(TICKET_V1), json(v2)))
                .containsExactly(new BreakingChange("$.tags", Kind.PROPERTY_REMOVED, "property removed"));
    }

    @Test
    void shouldFlagNewRequiredProperty() {
        String v2 = TICKET_V1
                .replace("['id', 'priority']", "['id', 'priority', 'channel']")
                .replace("'tags':", "'channel': {'type': 'string'}, 'tags':");

        assertThat(checker.breakingChanges(json(TICKET_V1), json(v2)))
                .extracting(BreakingChange::path, BreakingChange::kind)
                .containsExactly(tuple("$.channel", Kind.PROPERTY_NEWLY_REQUIRED));
    }

    @Test
    void shouldFlagOptionalPropertyBecomingRequired() {
        String v2 = TICKET_V1.replace("['id', 'priority']", "['id', 'priority', 'tags']");

        assertThat(kinds(TICKET_V1, v2)).containsExactly(Kind.PROPERTY_NEWLY_REQUIRED);
    }

    @Test
    void shouldFlagRequiredPropertyBecomingOptional() {
        String v2 = TICKET_V1.replace("['id', 'priority']", "['id']");

        assertThat(checker.breakingChanges(json(TICKET_V1), json(v2)))
                .extracting(BreakingChange::path, BreakingChange::kind)
                .containsExactly(tuple("$.priority", Kind.PROPERTY_NO_LONGER_REQUIRED));
    }

    @Test
    void shouldFlagRemovedRequiredPropertyOnceAsRemoved() {
        String v2 =
                TICKET_V1.replace("['id', 'priority']", "['id']").replace("'priority': {'enum': ['P1', 'P2']},", "");

        assertThat(kinds(TICKET_V1, v2)).containsExactly(Kind.PROPERTY_REMOVED);
    }

    @Test
    void shouldFlagChangedType() {
        String v2 = TICKET_V1.replace("'id': {'type': 'string',", "'id': {'type': 'integer',");

        assertThat(checker.breakingChanges(json(TICKET_V1), json(v2)))
                .containsExactly(new BreakingChange("$.id", Kind.TYPE_CHANGED, "type changed from string to integer"));
    }

    @Test
    void shouldFlagTypeListGainingOrLosingAType() {
        String v2 = TICKET_V1.replace("'id': {'type': 'string',", "'id': {'type': ['string', 'null'],");

        assertThat(kinds(TICKET_V1, v2)).containsExactly(Kind.TYPE_CHANGED);
    }

    @Test
    void shouldFlagRemovedEnumValue() {
        String v2 = TICKET_V1.replace("['P1', 'P2']", "['P1', 'P3']");

        assertThat(checker.breakingChanges(json(TICKET_V1), json(v2)))
                .extracting(BreakingChange::path, BreakingChange::kind, BreakingChange::detail)
                .containsExactly(tuple("$.priority", Kind.ENUM_VALUE_REMOVED, "value \"P2\" no longer allowed"));
    }

    @Test
    void shouldFlagChangedConstButAcceptConstWidenedToEnum() {
        String v1 = "{'properties': {'schemaVersion': {'const': 1}}}";

        assertThat(kinds(v1, "{'properties': {'schemaVersion': {'const': 2}}}"))
                .containsExactly(Kind.ENUM_VALUE_REMOVED);
        assertThat(kinds(v1, "{'properties': {'schemaVersion': {'enum': [1, 2]}}}"))
                .isEmpty();
    }

    @Test
    void shouldFlagValuesRestrictedByANewEnum() {
        String v2 = TICKET_V1.replace("'id': {'type': 'string',", "'id': {'type': 'string', 'enum': ['a'],");

        assertThat(kinds(TICKET_V1, v2)).containsExactly(Kind.ENUM_VALUE_REMOVED);
    }

    @Test
    void shouldFlagBreakInsideNestedObject() {
        String v2 = TICKET_V1.replace("'name': {'type': 'string'}", "'name': {'type': 'object'}");

        assertThat(checker.breakingChanges(json(TICKET_V1), json(v2)))
                .extracting(BreakingChange::path, BreakingChange::kind)
                .containsExactly(tuple("$.reporter.name", Kind.TYPE_CHANGED));
    }

    @Test
    void shouldFlagBreakInsideArrayItems() {
        String v2 = TICKET_V1.replace("'items': {'type': 'string'}", "'items': {'type': 'number'}");

        assertThat(checker.breakingChanges(json(TICKET_V1), json(v2)))
                .extracting(BreakingChange::path, BreakingChange::kind)
                .containsExactly(tuple("$.tags[*]", Kind.TYPE_CHANGED));
    }

    @Test
    void shouldFlagBreakInsideMapValues() {
        String v2 = TICKET_V1.replace(
                "'additionalProperties': {'type': 'string'}", "'additionalProperties': {'type': 'boolean'}");

        assertThat(checker.breakingChanges(json(TICKET_V1), json(v2)))
                .extracting(BreakingChange::path, BreakingChange::kind)
                .containsExactly(tuple("$.attributes.*", Kind.TYPE_CHANGED));
    }

    @Test
    void shouldFlagUnknownPropertiesBecomingForbidden() {
        String v2 = TICKET_V1.replace(
                "'type': 'object', 'required': ['id', 'priority']",
                "'type': 'object', 'additionalProperties': false, 'required': ['id', 'priority']");

        assertThat(checker.breakingChanges(json(TICKET_V1), json(v2)))
                .extracting(BreakingChange::path, BreakingChange::kind)
                .containsExactly(tuple("$", Kind.UNKNOWN_PROPERTIES_FORBIDDEN));
    }

    @Test
    void shouldFollowLocalRefsIntoDefs() {
        String v1 = "{'properties': {'reporter': {'$ref': '#/$defs/Reporter'}},"
                + " '$defs': {'Reporter': {'properties': {'id': {'type': 'string'}, 'email': {'type': 'string'}}}}}";
        String v2 = v1.replace(", 'email': {'type': 'string'}", "");

        assertThat(checker.breakingChanges(json(v1), json(v2)))
                .extracting(BreakingChange::path, BreakingChange::kind)
                .containsExactly(tuple("$.reporter.email", Kind.PROPERTY_REMOVED));
    }

    @Test
    void shouldFollowRefsIntoOtherDocumentsById() {
        String shared1 = "{'$id': 'https://example.org/Shared/1', '$defs': {'Level': {'enum': ['LOW', 'HIGH']}}}";
        String shared2 = "{'$id': 'https://example.org/Shared/2', '$defs': {'Level': {'enum': ['LOW']}}}";
        Map<String, JsonNode> documents =
                Map.of("https://example.org/Shared/1", json(shared1), "https://example.org/Shared/2", json(shared2));
        SchemaCompatibility crossDocument =
                new SchemaCompatibility(new SchemaResolver(id -> Optional.ofNullable(documents.get(id))));
        String v1 = "{'$id': 'https://example.org/Event/1',"
                + " 'properties': {'level': {'$ref': 'https://example.org/Shared/1#/$defs/Level'}}}";
        String v2 =
                "{'$id': 'https://example.org/Event/2', 'properties': {'level': {'$ref': '../Shared/2#/$defs/Level'}}}";

        assertThat(crossDocument.breakingChanges(json(v1), json(v2)))
                .extracting(BreakingChange::path, BreakingChange::kind)
                .containsExactly(tuple("$.level", Kind.ENUM_VALUE_REMOVED));
    }

    @Test
    void shouldStopAtRecursiveSchemasAfterComparingThemOnce() {
        String v1 = "{'$ref': '#/$defs/Node', '$defs': {'Node': {'type': 'object', 'properties': {"
                + "'label': {'type': 'string'}, 'children': {'type': 'array', 'items': {'$ref': '#/$defs/Node'}}}}}}";
        String v2 = v1.replace("'label': {'type': 'string'}", "'label': {'type': 'integer'}");

        assertThat(checker.breakingChanges(json(v1), json(v2)))
                .extracting(BreakingChange::path, BreakingChange::kind)
                .containsExactly(tuple("$.label", Kind.TYPE_CHANGED));
    }

    @Test
    void shouldFailOnRefItCannotResolve() {
        String v1 = "{'properties': {'a': {'$ref': 'https://example.org/Missing/1'}}}";

        assertThatThrownBy(() -> checker.breakingChanges(json(v1), json(v1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://example.org/Missing/1");
    }

    @Test
    void shouldRefuseKeywordsItCannotJudgeRatherThanPassSilently() {
        String v1 = "{'properties': {'a': {'anyOf': [{'type': 'string'}, {'type': 'integer'}]}}}";
        String typeBesideRef = "{'properties': {'a': {'$ref': '#/$defs/A', 'type': 'string'}}, '$defs': {'A': {}}}";

        assertThatThrownBy(() -> checker.breakingChanges(json(v1), json(v1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot judge keyword anyOf at $.a");
        assertThatThrownBy(() -> checker.breakingChanges(json(typeBesideRef), json(typeBesideRef)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot judge keyword type beside $ref at $.a");
    }

    private List<Kind> kinds(String oldSchema, String newSchema) {
        return checker.breakingChanges(json(oldSchema), json(newSchema)).stream()
                .map(BreakingChange::kind)
                .toList();
    }

    private static JsonNode json(String singleQuoted) {
        return EventJson.mapper().readTree(singleQuoted.replace('\'', '"'));
    }
}
