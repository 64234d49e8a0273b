package io.ticketflow.schemas.compatibility;

import io.ticketflow.schemas.compatibility.BreakingChange.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Finds the changes between an old and a new version of an event's JSON Schema that break its consumers or
 * producers: a property removed, newly required or no longer required, a changed {@code type}, an allowed value of
 * {@code enum} or {@code const} removed, unknown properties forbidden. It walks both schemas in parallel through
 * {@code properties}, array {@code items} and map values ({@code additionalProperties}), following {@code $ref}s into
 * {@code $defs} and other documents.
 *
 * <p>Compatible, hence not reported: a new optional property, a new enum value, changed annotations ({@code title},
 * {@code description}, {@code $comment}). Not judged, to be reviewed by hand: value constraints (lengths, patterns,
 * bounds, {@code format}), which a release may legitimately move, such as raising the highest known
 * {@code schemaVersion}. Keywords this checker cannot judge ({@code allOf}, {@code anyOf}, {@code oneOf}, {@code not},
 * conditionals, {@code patternProperties}, ...) make it throw {@link IllegalArgumentException} rather than pass silently.
 *
 * <p>Immutable and thread-safe when its {@link SchemaResolver} is.
 */
public final class SchemaCompatibility {

    private static final Set<String> UNJUDGED_KEYWORDS = Set.of(
            "allOf",
            "anyOf",
            "oneOf",
            "not",
            "if",
            "then",
            "else",
            "dependentSchemas",
            "dependentRequired",
            "patternProperties",
            "prefixItems",
            "contains",
            "unevaluatedProperties",
            "unevaluatedItems",
            "$dynamicRef");

    /* What this checker compares; beside a $ref, such a keyword would be silently ignored, so it is refused. */
    private static final Set<String> JUDGED_KEYWORDS =
            Set.of("type", "enum", "const", "properties", "required", "additionalProperties", "items");

    private static final JsonNode ANY_VALUE = JsonNodeFactory.instance.objectNode();

    private final SchemaResolver resolver;

    /** A checker following {@code $ref}s with {@code resolver}. */
    public SchemaCompatibility(SchemaResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** A checker of ticketflow's schemas, resolving their {@code $id}s from the classpath. */
    public static SchemaCompatibility classpath() {
        return new SchemaCompatibility(SchemaResolver.classpath());
    }

    /**
     * The changes from {@code oldSchema} to {@code newSchema} (both root schema documents, not modified) that break a
     * consumer or producer, in the order found; empty when the new version is compatible. Throws
     * {@link IllegalArgumentException} if a {@code $ref} cannot be resolved or a schema uses a keyword this checker
     * cannot judge.
     */
    public List<BreakingChange> breakingChanges(JsonNode oldSchema, JsonNode newSchema) {
        Walk walk = new Walk();
        walk.compare(SchemaNode.root(oldSchema), SchemaNode.root(newSchema), "$");
        return List.copyOf(walk.changes);
    }

    /** One comparison: the changes found so far and the pairs of schemas being compared, to stop at recursion. */
    private final class Walk {

        private final List<BreakingChange> changes = new ArrayList<>();
        private final Deque<JsonNode[]> comparing = new ArrayDeque<>();

        void compare(SchemaNode oldSchema, SchemaNode newSchema, String path) {
            requireNothingJudgedBesideRef(oldSchema.node(), path);
            requireNothingJudgedBesideRef(newSchema.node(), path);
            SchemaNode oldNode = resolver.resolve(oldSchema);
            SchemaNode newNode = resolver.resolve(newSchema);
            if (isRecursion(oldNode.node(), newNode.node())) {
                // A recursive schema: this pair is already being compared further up, at a shorter path.
                return;
            }
            requireJudgeable(oldNode.node(), path);
            requireJudgeable(newNode.node(), path);
            comparing.push(new JsonNode[] {oldNode.node(), newNode.node()});
            compareTypes(oldNode.node(), newNode.node(), path);
            compareAllowedValues(oldNode.node(), newNode.node(), path);
            compareProperties(oldNode, newNode, path);
            compareRequired(oldNode.node(), newNode.node(), path);
            compareUnknownProperties(oldNode, newNode, path);
            compareSubschemas("items", oldNode, newNode, path + "[*]");
            comparing.pop();
        }

        private boolean isRecursion(JsonNode oldNode, JsonNode newNode) {
            return comparing.stream().anyMatch(pair -> pair[0] == oldNode && pair[1] == newNode);
        }

        private void compareTypes(JsonNode oldNode, JsonNode newNode, String path) {
            Set<String> oldTypes = types(oldNode);
            Set<String> newTypes = types(newNode);
            if (!oldTypes.equals(newTypes)) {
                report(
                        path,
                        Kind.TYPE_CHANGED,
                        "type changed from " + describe(oldTypes) + " to " + describe(newTypes));
            }
        }

        private void compareAllowedValues(JsonNode oldNode, JsonNode newNode, String path) {
            Set<JsonNode> oldValues = allowedValues(oldNode);
            Set<JsonNode> newValues = allowedValues(newNode);
            if (newValues.isEmpty()) {
                return; // Anything goes now: widened, or unrestricted as before.
            }
            if (oldValues.isEmpty()) {
                report(path, Kind.ENUM_VALUE_REMOVED, "was unrestricted, now only " + newValues);
                return;
            }
            for (JsonNode value : oldValues) {
                if (!newValues.contains(value)) {
                    report(path, Kind.ENUM_VALUE_REMOVED, "value " + value + " no longer allowed");
                }
            }
        }

        private void compareProperties(SchemaNode oldNode, SchemaNode newNode, String path) {
            JsonNode oldProperties = oldNode.node().path("properties");
            JsonNode newProperties = newNode.node().path("properties");
            for (String name : oldProperties.propertyNames()) {
                JsonNode newProperty = newProperties.get(name);
                if (newProperty == null) {
                    report(path + "." + name, Kind.PROPERTY_REMOVED, "property removed");
                } else {
                    compare(oldNode.child(oldProperties.get(name)), newNode.child(newProperty), path + "." + name);
                }
            }
        }

        private void compareRequired(JsonNode oldNode, JsonNode newNode, String path) {
            Set<String> oldRequired = strings(oldNode.path("required"));
            Set<String> newRequired = strings(newNode.path("required"));
            for (String name : newRequired) {
                if (!oldRequired.contains(name)) {
                    report(path + "." + name, Kind.PROPERTY_NEWLY_REQUIRED, "became required");
                }
            }
            for (String name : oldRequired) {
                // A removed property is reported as such; its lost "required" is not a second finding.
                boolean removed = oldNode.path("properties").has(name)
                        && !newNode.path("properties").has(name);
                if (!newRequired.contains(name) && !removed) {
                    report(path + "." + name, Kind.PROPERTY_NO_LONGER_REQUIRED, "no longer required");
                }
            }
        }

        private void compareUnknownProperties(SchemaNode oldNode, SchemaNode newNode, String path) {
            JsonNode oldAdditional = oldNode.node().get("additionalProperties");
            JsonNode newAdditional = newNode.node().get("additionalProperties");
            boolean oldForbids = oldAdditional != null && oldAdditional.isBoolean() && !oldAdditional.booleanValue();
            boolean newForbids = newAdditional != null && newAdditional.isBoolean() && !newAdditional.booleanValue();
            if (newForbids && !oldForbids) {
                report(path, Kind.UNKNOWN_PROPERTIES_FORBIDDEN, "properties it does not list are no longer allowed");
            } else if (!newForbids && !oldForbids) {
                compareSubschemas("additionalProperties", oldNode, newNode, path + ".*");
            }
        }

        /** Compares the subschemas under {@code keyword}; an absent one (or {@code true}) allows any value. */
        private void compareSubschemas(String keyword, SchemaNode oldNode, SchemaNode newNode, String path) {
            JsonNode oldSubschema = oldNode.node().get(keyword);
            JsonNode newSubschema = newNode.node().get(keyword);
            if (oldSubschema == null && newSubschema == null) {
                return;
            }
            compare(oldNode.child(asSchema(oldSubschema)), newNode.child(asSchema(newSubschema)), path);
        }

        private void report(String path, Kind kind, String detail) {
            changes.add(new BreakingChange(path, kind, detail));
        }
    }

    private static void requireJudgeable(JsonNode schema, String path) {
        if (!schema.isObject()) {
            throw new IllegalArgumentException("Cannot judge the schema at " + path + ": " + schema);
        }
        for (String keyword : schema.propertyNames()) {
            if (UNJUDGED_KEYWORDS.contains(keyword)) {
                throw new IllegalArgumentException("Cannot judge keyword " + keyword + " at " + path);
            }
        }
    }

    private static void requireNothingJudgedBesideRef(JsonNode schema, String path) {
        if (schema.has("$ref")) {
            for (String keyword : schema.propertyNames()) {
                if (JUDGED_KEYWORDS.contains(keyword)) {
                    throw new IllegalArgumentException("Cannot judge keyword " + keyword + " beside $ref at " + path);
                }
            }
        }
    }

    private static JsonNode asSchema(JsonNode subschema) {
        return subschema == null || (subschema.isBoolean() && subschema.booleanValue()) ? ANY_VALUE : subschema;
    }

    /** The JSON types a schema allows; empty for any type. */
    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return Set.of();
        }
        return type.isArray() ? strings(type) : Set.of(type.stringValue());
    }

    /** The values a schema's {@code enum} or {@code const} allows; empty when it does not restrict values. */
    private static Set<JsonNode> allowedValues(JsonNode schema) {
        Set<JsonNode> values = new LinkedHashSet<>();
        if (schema.has("const")) {
            values.add(schema.get("const"));
        }
        if (schema.has("enum")) {
            schema.get("enum").values().forEach(values::add);
        }
        return values;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> strings = new TreeSet<>();
        array.values().forEach(value -> strings.add(value.stringValue()));
        return strings;
    }

    private static String describe(Set<String> types) {
        return types.isEmpty() ? "any" : String.join("|", types);
    }
}
