package io.ticketflow.topology.dedup;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * How the dedup store writes a ticket's words: an array of {@code [word, count]} pairs, not an object keyed by word.
 * Jackson canonicalises every property name it reads into a symbol table shared by all reads; a store's words are
 * hundreds of thousands of distinct names, so reading them as names made that table the bulk of a rebuild's cost.
 * As string values they are read as plain text.
 *
 * <p><b>Migration.</b> Values written before this format hold an object of word → count; {@link Reader} accepts both,
 * so a store or changelog that mixes the two is read whole, and each value moves to the new form when it is next
 * written.
 */
final class TermsJson {

    private TermsJson() {}

    /** Writes word → count as {@code [[word, count], ...]}. */
    static final class Writer extends ValueSerializer<Map<String, Integer>> {
        @Override
        public void serialize(Map<String, Integer> terms, JsonGenerator generator, SerializationContext context) {
            generator.writeStartArray();
            for (Map.Entry<String, Integer> term : terms.entrySet()) {
                generator.writeStartArray();
                generator.writeString(term.getKey());
                generator.writeNumber(term.getValue());
                generator.writeEndArray();
            }
            generator.writeEndArray();
        }
    }

    /** Reads {@code [[word, count], ...]}, or (values written earlier) an object of word → count. */
    static final class Reader extends ValueDeserializer<Map<String, Integer>> {
        @Override
        public Map<String, Integer> deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                return context.readValue(
                        parser, context.getTypeFactory().constructMapType(HashMap.class, String.class, Integer.class));
            }
            Map<String, Integer> terms = new HashMap<>();
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                String word = parser.nextStringValue();
                parser.nextToken();
                int count = parser.getIntValue();
                if (word == null || parser.nextToken() != JsonToken.END_ARRAY) {
                    return context.reportInputMismatch(
                            Map.class, "A term is a [word, count] pair, this one starts with %s", word);
                }
                terms.put(word, count);
            }
            return terms;
        }
    }
}
