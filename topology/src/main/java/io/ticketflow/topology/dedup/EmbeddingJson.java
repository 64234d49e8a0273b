package io.ticketflow.topology.dedup;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * How the dedup store writes an embedding: its IEEE 754 single-precision components, little-endian, as one base64
 * string — exact, about half the bytes of a JSON array of decimals, and read without parsing a decimal per component
 * (which dominated a task's rebuild from the store).
 *
 * <p><b>Migration.</b> Values written before this format hold the embedding as a JSON array of numbers; {@link Reader}
 * accepts both, so a store or changelog that mixes the two is read whole, and each value moves to the new form when
 * it is next written. Nothing needs converting up front.
 */
final class EmbeddingJson {

    private EmbeddingJson() {}

    /** Writes a {@code float[]} as base64 of its little-endian components. */
    static final class Writer extends ValueSerializer<float[]> {
        @Override
        public void serialize(float[] embedding, JsonGenerator generator, SerializationContext context) {
            ByteBuffer bytes =
                    ByteBuffer.allocate(embedding.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(embedding);
            generator.writeBinary(bytes.array());
        }
    }

    /** Reads a base64 string of little-endian components, or (values written earlier) a JSON array of numbers. */
    static final class Reader extends ValueDeserializer<float[]> {
        @Override
        public float[] deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() == JsonToken.START_ARRAY) {
                return context.readValue(parser, float[].class);
            }
            byte[] bytes = parser.getBinaryValue();
            if (bytes.length % Float.BYTES != 0) {
                return context.reportInputMismatch(
                        float[].class, "An embedding of %d bytes is not whole float components", bytes.length);
            }
            float[] embedding = new float[bytes.length / Float.BYTES];
            ByteBuffer.wrap(bytes)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer()
                    .get(embedding);
            return embedding;
        }
    }
}
