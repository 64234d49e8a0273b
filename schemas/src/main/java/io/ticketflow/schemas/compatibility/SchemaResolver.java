package io.ticketflow.schemas.compatibility;

import io.ticketflow.schemas.contract.EventContract;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Follows {@code $ref}s of JSON Schemas: within a document ({@code #/$defs/Reporter}) and into other documents named
 * by their {@code $id}, with or without a fragment ({@code https://ticketflow.io/schemas/TicketEnriched/1#/$defs/Triage}).
 *
 * <p>Immutable; thread-safe when its document lookup is. Not supported: {@code $anchor}, {@code $dynamicRef} and
 * {@code $id}s nested inside a document.
 */
public final class SchemaResolver {

    /* A longer chain of refs to refs is taken to be a cycle. */
    private static final int MAX_REF_HOPS = 32;

    private final Function<String, Optional<JsonNode>> documents;

    /**
     * A resolver finding other documents with {@code documents}, which maps an absolute {@code $id} without fragment
     * to its (read-only) schema, or to empty if unknown.
     */
    public SchemaResolver(Function<String, Optional<JsonNode>> documents) {
        this.documents = Objects.requireNonNull(documents, "documents");
    }

    /** A resolver of ticketflow's own schema ids, reading current and released schemas from the classpath. */
    public static SchemaResolver classpath() {
        return new SchemaResolver(id -> EventContract.resourceOf(id).map(EventContract::read));
    }

    /**
     * The schema {@code schema} stands for: itself if it has no {@code $ref}, else the end of its chain of
     * {@code $ref}s. Keywords beside a {@code $ref} are not merged in. Throws {@link IllegalArgumentException} if a
     * {@code $ref} cannot be resolved.
     */
    public SchemaNode resolve(SchemaNode schema) {
        SchemaNode current = schema;
        for (int hops = 0; hops < MAX_REF_HOPS; hops++) {
            JsonNode ref = current.node().get("$ref");
            if (ref == null) {
                return current;
            }
            if (!ref.isString()) {
                throw new IllegalArgumentException("$ref must be a string, was " + ref);
            }
            current = follow(current, ref.stringValue());
        }
        throw new IllegalArgumentException(
                "More than " + MAX_REF_HOPS + " $refs in a row (a cycle?) from " + schema.node());
    }

    private SchemaNode follow(SchemaNode from, String ref) {
        if (ref.startsWith("#")) {
            return pointInto(from.document(), from.base(), ref.substring(1), ref);
        }
        URI target = from.base() == null ? URI.create(ref) : from.base().resolve(ref);
        if (!target.isAbsolute()) {
            throw new IllegalArgumentException("Cannot resolve relative $ref " + ref + " in a document without $id");
        }
        String full = target.toString();
        int hash = full.indexOf('#');
        String documentId = hash < 0 ? full : full.substring(0, hash);
        boolean sameDocument =
                from.base() != null && documentId.equals(from.base().toString());
        JsonNode document = sameDocument
                ? from.document()
                : documents
                        .apply(documentId)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "Cannot resolve $ref " + ref + ": no schema with $id " + documentId));
        String fragment = target.getFragment();
        return pointInto(document, URI.create(documentId), fragment == null ? "" : fragment, ref);
    }

    private static SchemaNode pointInto(JsonNode document, URI base, String pointer, String ref) {
        JsonNode node = pointer.isEmpty() ? document : document.at(pointer);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("Cannot resolve $ref " + ref + ": nothing at " + pointer);
        }
        return new SchemaNode(node, document, base);
    }
}
