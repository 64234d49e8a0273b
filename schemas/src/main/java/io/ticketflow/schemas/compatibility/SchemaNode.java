package io.ticketflow.schemas.compatibility;

import java.net.URI;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A schema (or subschema) together with the document it sits in, which its local {@code $ref}s point into.
 *
 * @param node the schema itself; treated as read-only
 * @param document the whole schema document containing {@code node}; treated as read-only
 * @param base the document's {@code $id}, against which relative {@code $ref}s resolve; {@code null} when the document
 *     has none (then only local {@code #...} and absolute {@code $ref}s resolve)
 */
public record SchemaNode(JsonNode node, JsonNode document, URI base) {

    public SchemaNode {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(document, "document");
    }

    /** {@code schema} as the root of its own document, based at its {@code $id} if it has one. */
    public static SchemaNode root(JsonNode schema) {
        JsonNode id = schema.get("$id");
        return new SchemaNode(schema, schema, id != null && id.isString() ? URI.create(id.stringValue()) : null);
    }

    /** {@code subschema}, a node of the same document (for example one of the {@code properties}). */
    public SchemaNode child(JsonNode subschema) {
        return new SchemaNode(subschema, document, base);
    }
}
