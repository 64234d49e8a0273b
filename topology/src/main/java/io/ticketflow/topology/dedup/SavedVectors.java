package io.ticketflow.topology.dedup;

import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What an {@link IndexSnapshot} saves of one {@link VectorIndex}, copied out of it: its {@link WalkBasis}, if any,
 * each linked node's key ({@code null} once removed), int8 code and links. The copy is what lets a snapshot be written
 * on another thread while the stream thread goes on changing the index: the codes are never changed once made, so
 * only their list, the keys and the links are copied (at a million tickets, about 100–200 MB of links for the time of
 * the write).
 */
public final class SavedVectors {

    private final int dimensions;
    private final float scale;
    private final boolean basisTried;
    /** {@code null} for full-length codes. */
    private final WalkBasis basis;

    private final String[] keys;
    private final List<byte[]> codes;
    /** {@code null} when no node was linked. */
    private final SavedGraph graph;

    SavedVectors(
            int dimensions,
            float scale,
            boolean basisTried,
            WalkBasis basis,
            String[] keys,
            List<byte[]> codes,
            SavedGraph graph) {
        this.dimensions = dimensions;
        this.scale = scale;
        this.basisTried = basisTried;
        this.basis = basis;
        this.keys = keys;
        this.codes = codes;
        this.graph = graph;
    }

    /** Writes the saved index, for {@link VectorIndex#restore}. */
    public void write(DataOutput out) throws IOException {
        out.writeInt(dimensions);
        out.writeFloat(scale);
        out.writeInt(keys.length);
        out.writeBoolean(basisTried);
        out.writeBoolean(basis != null);
        if (basis != null) {
            basis.write(out);
        }
        for (String key : keys) {
            writeKey(out, key);
        }
        for (byte[] code : codes) {
            out.write(code);
        }
        if (graph != null) {
            graph.write(out);
        }
    }

    private static void writeKey(DataOutput out, String key) throws IOException {
        if (key == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}
