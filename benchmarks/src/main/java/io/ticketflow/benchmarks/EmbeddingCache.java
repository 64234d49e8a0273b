package io.ticketflow.benchmarks;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Embeddings already computed, kept in a file so that a rerun of a benchmark does not embed the same texts again.
 *
 * <p>One file per embedding configuration (the caller names it, for example model id and chunking), holding records
 * of the SHA-256 of a text's UTF-8 bytes followed by its vector. New vectors are appended and flushed as they come, so
 * an interrupted run keeps what it computed; a torn last record is ignored on the next load. Thread-safe.
 */
public final class EmbeddingCache implements AutoCloseable {

    private final int dimensions;
    private final Map<String, float[]> vectors = new HashMap<>();
    private final DataOutputStream out;

    private EmbeddingCache(int dimensions, DataOutputStream out) {
        this.dimensions = dimensions;
        this.out = out;
    }

    /**
     * Opens (or creates) the cache file {@code folder/configuration.bin}.
     *
     * @param configuration names everything the vectors depend on; only letters, digits, '.', '_' and '-'
     */
    public static EmbeddingCache open(Path folder, String configuration, int dimensions) throws IOException {
        if (!configuration.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("not a cache name: " + configuration);
        }
        Files.createDirectories(folder);
        Path file = folder.resolve(configuration + ".bin");
        Map<String, float[]> loaded = new HashMap<>();
        long validBytes = 0;
        if (Files.exists(file)) {
            validBytes = load(file, dimensions, loaded);
        }
        if (Files.exists(file) && Files.size(file) != validBytes) {
            // Drop a record torn by an interrupted run, so that appends stay aligned.
            try (var channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
                channel.truncate(validBytes);
            }
        }
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)));
        EmbeddingCache cache = new EmbeddingCache(dimensions, out);
        cache.vectors.putAll(loaded);
        return cache;
    }

    /** The cached vector of {@code text}, or {@code null}. */
    public synchronized float[] get(String text) {
        return vectors.get(key(text));
    }

    public synchronized int size() {
        return vectors.size();
    }

    /** Remembers {@code vector} as the embedding of {@code text}, in memory and in the file. */
    public synchronized void put(String text, float[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("expected " + dimensions + " components, got " + vector.length);
        }
        String key = key(text);
        if (vectors.putIfAbsent(key, vector.clone()) != null) {
            return;
        }
        try {
            out.write(HexFormat.of().parseHex(key));
            for (float v : vector) {
                out.writeFloat(v);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    private static long load(Path file, int dimensions, Map<String, float[]> into) throws IOException {
        long recordBytes = 32 + 4L * dimensions;
        long valid = 0;
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            byte[] hash = new byte[32];
            while (true) {
                float[] vector = new float[dimensions];
                try {
                    in.readFully(hash);
                    for (int d = 0; d < dimensions; d++) {
                        vector[d] = in.readFloat();
                    }
                } catch (EOFException end) {
                    return valid;
                }
                into.put(HexFormat.of().formatHex(hash), vector);
                valid += recordBytes;
            }
        }
    }

    private static String key(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
