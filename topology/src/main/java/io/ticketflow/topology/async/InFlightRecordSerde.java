package io.ticketflow.topology.async;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes an {@link InFlightRecord} for the in-flight store's changelog: a version byte, the key, timestamp, headers,
 * then the value in its own serde's bytes. Binary rather than JSON because the value is already serialised by its
 * serde and headers are bytes.
 */
final class InFlightRecordSerde<V> implements Serde<InFlightRecord<V>> {

    private static final byte VERSION = 1;

    private final Serde<V> valueSerde;

    InFlightRecordSerde(Serde<V> valueSerde) {
        this.valueSerde = valueSerde;
    }

    @Override
    public Serializer<InFlightRecord<V>> serializer() {
        return (topic, record) -> {
            if (record == null) {
                return null;
            }
            byte[] key = record.key().getBytes(StandardCharsets.UTF_8);
            byte[] value = valueSerde.serializer().serialize(topic, record.value());
            Header[] headers = record.headers().toArray();
            int size = 1 + 4 + key.length + 8 + 4 + 4 + (value == null ? 0 : value.length);
            for (Header header : headers) {
                size += 4 + utf8(header.key()).length + 4 + (header.value() == null ? 0 : header.value().length);
            }
            ByteBuffer buffer = ByteBuffer.allocate(size).put(VERSION);
            putBytes(buffer, key);
            buffer.putLong(record.timestamp()).putInt(headers.length);
            for (Header header : headers) {
                putBytes(buffer, utf8(header.key()));
                putBytes(buffer, header.value());
            }
            putBytes(buffer, value);
            return buffer.array();
        };
    }

    @Override
    public Deserializer<InFlightRecord<V>> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(data);
            byte version = buffer.get();
            if (version != VERSION) {
                throw new SerializationException("Unknown in-flight record version " + version);
            }
            String key = new String(getBytes(buffer), StandardCharsets.UTF_8);
            long timestamp = buffer.getLong();
            int headerCount = buffer.getInt();
            RecordHeaders headers = new RecordHeaders();
            for (int i = 0; i < headerCount; i++) {
                headers.add(new String(getBytes(buffer), StandardCharsets.UTF_8), getBytes(buffer));
            }
            V value = valueSerde.deserializer().deserialize(topic, getBytes(buffer));
            return new InFlightRecord<>(key, value, timestamp, headers);
        };
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A length-prefixed byte array; length -1 stands for {@code null}. */
    private static void putBytes(ByteBuffer buffer, byte[] bytes) {
        if (bytes == null) {
            buffer.putInt(-1);
        } else {
            buffer.putInt(bytes.length).put(bytes);
        }
    }

    private static byte[] getBytes(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }
}
