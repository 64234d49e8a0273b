package io.ticketflow.topology.dedup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dedup task's HNSW graphs saved in its state directory, so that a task restarting on the same machine reads them
 * back instead of linking every stored embedding again — the slow part of rebuilding the index (at a million tickets,
 * many minutes on two cores, against seconds to read).
 *
 * <p>The store stays the truth: a snapshot is only a head start. Whatever it says is checked against the store on
 * reading ({@link VectorIndex#restore} keeps a node only while the store's embedding of its ticket still has the saved
 * code), tickets it does not hold are linked as before, and any doubt about the file — missing, truncated, checksum or
 * structure wrong, written by another format — means a full rebuild from the store, never a wrong answer. So it may be
 * stale (written at the last clean close, the task having processed more since) or gone (a new machine, a task wiped
 * after an unclean shutdown under exactly-once): both only cost time.
 *
 * <p>Format: a magic number and version, then per scope its name and {@link VectorIndex#write} bytes, then a CRC-32C
 * of everything before it. Written to a temporary file and moved into place, so a crash while writing leaves the
 * previous snapshot or none.
 */
public final class IndexSnapshot {

    /** The file's name in the task's state directory. */
    public static final String FILE_NAME = "dedup-index.snapshot";

    private static final Logger LOG = LoggerFactory.getLogger(IndexSnapshot.class);
    private static final int MAGIC = 0x54464458; // "TFDX"
    private static final int VERSION = 1;
    private static final int MAX_SCOPES = 1 << 20;
    private static final int BUFFER = 1 << 16;

    private final Path file;

    /** A snapshot in {@code directory} (the task's state directory). */
    public IndexSnapshot(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    /** Where the snapshot is. */
    public Path file() {
        return file;
    }

    /** Saves the embeddings' graph of every scope that has one, replacing the previous snapshot. */
    public void write(Map<String, DuplicateIndex> scopes) throws IOException {
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        CRC32C checksum = new CRC32C();
        try (FileChannel channel = FileChannel.open(
                        temporary,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
                OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
                DataOutputStream out = new DataOutputStream(new CheckedOutputStream(buffered, checksum))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            Map<String, DuplicateIndex> saved = new HashMap<>(scopes);
            saved.values().removeIf(index -> !index.hasVectors());
            out.writeInt(saved.size());
            for (Map.Entry<String, DuplicateIndex> scope : saved.entrySet()) {
                out.writeUTF(scope.getKey());
                scope.getValue().writeVectors(out);
            }
            // The checksum of every byte before it (the data stream does not buffer, so it is current here).
            out.writeLong(checksum.getValue());
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The saved indexes, per scope, restored for the tickets the store holds now ({@code tickets}: scope → id →
     * ticket): only the scopes whose saved index is still worth using; empty when there is no usable snapshot, which is
     * logged with its reason.
     */
    public Map<String, VectorIndex> read(Map<String, Map<String, StoredTicket>> tickets) {
        CRC32C checksum = new CRC32C();
        try (InputStream buffered = new BufferedInputStream(Files.newInputStream(file), BUFFER);
                DataInputStream in = new DataInputStream(new CheckedInputStream(buffered, checksum))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException("not a dedup index snapshot of version " + VERSION);
            }
            int count = in.readInt();
            if (count < 0 || count > MAX_SCOPES) {
                throw new IOException("a snapshot of " + count + " scopes");
            }
            Map<String, VectorIndex> restored = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String scope = in.readUTF();
                Map<String, StoredTicket> stored = tickets.getOrDefault(scope, Map.of());
                VectorIndex.restore(in, id -> embeddingOf(stored.get(id)))
                        .ifPresent(index -> restored.put(scope, index));
            }
            long computed = checksum.getValue();
            if (new DataInputStream(buffered).readLong() != computed) {
                throw new IOException("checksum mismatch");
            }
            return restored;
        } catch (NoSuchFileException e) {
            LOG.info("No dedup index snapshot in {}: the index is rebuilt from the store", file.getParent());
            return Map.of();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Dedup index snapshot {} not used ({}): the index is rebuilt from the store", file, e.toString());
            return Map.of();
        }
    }

    private static float[] embeddingOf(StoredTicket ticket) {
        return ticket == null ? null : ticket.embedding();
    }
}
