package io.ticketflow.topology.dedup;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.hnsw.HnswGraph;

/**
 * An HNSW graph's structure as copied from a live graph, written to a file and read back: per level, the nodes on it
 * and each node's neighbours. It is only ever read, by {@link #write} and by Lucene's {@link
 * org.apache.lucene.util.hnsw.InitializedHnswGraphBuilder}, which copies it into a graph that can grow again (the way
 * Lucene merges the graphs of index segments).
 *
 * <p>Levels are held flat (one array of nodes, one of neighbour offsets and one of neighbours each): at a million
 * nodes that is three arrays a level instead of a million small ones.
 */
final class SavedGraph extends HnswGraph {

    private final int size;
    private final int maxConnections;
    private final int entryNode;
    /** Per level, its nodes in ascending order. */
    private final int[][] nodes;
    /** Per level, where the neighbours of its i-th node start in {@link #neighbours}; one more than nodes. */
    private final int[][] offsets;
    /** Per level, the neighbours of all its nodes, in node order. */
    private final int[][] neighbours;

    private int[] current = new int[0];
    private int next;
    private int end;

    private SavedGraph(
            int size, int maxConnections, int entryNode, int[][] nodes, int[][] offsets, int[][] neighbours) {
        this.size = size;
        this.maxConnections = maxConnections;
        this.entryNode = entryNode;
        this.nodes = nodes;
        this.offsets = offsets;
        this.neighbours = neighbours;
    }

    /**
     * A copy of {@code graph}'s nodes below {@code size} and their links, which {@link #write} can write on another
     * thread while the graph changes.
     */
    static SavedGraph copyOf(HnswGraph graph, int size) throws IOException {
        int levels = graph.numLevels();
        int[][] nodes = new int[levels][];
        int[][] offsets = new int[levels][];
        int[][] neighbours = new int[levels][];
        for (int level = 0; level < levels; level++) {
            nodes[level] = nodesOnLevel(graph, level, size);
            offsets[level] = new int[nodes[level].length + 1];
            for (int i = 0; i < nodes[level].length; i++) {
                graph.seek(level, nodes[level][i]);
                offsets[level][i + 1] = offsets[level][i] + graph.neighborCount();
            }
            neighbours[level] = new int[offsets[level][nodes[level].length]];
            for (int i = 0; i < nodes[level].length; i++) {
                graph.seek(level, nodes[level][i]);
                for (int n = offsets[level][i]; n < offsets[level][i + 1]; n++) {
                    neighbours[level][n] = graph.nextNeighbor();
                }
            }
        }
        return new SavedGraph(size, graph.maxConn(), graph.entryNode(), nodes, offsets, neighbours);
    }

    /** Writes this graph for {@link #read}. */
    void write(DataOutput out) throws IOException {
        out.writeInt(size);
        out.writeInt(maxConnections);
        out.writeInt(nodes.length);
        out.writeInt(entryNode);
        for (int level = 0; level < nodes.length; level++) {
            writeInts(out, nodes[level]);
            writeInts(out, offsets[level]);
            writeInts(out, neighbours[level]);
        }
    }

    /**
     * Reads a graph {@link #write} wrote.
     *
     * @throws IOException when the bytes end early or do not describe a graph (a node or neighbour out of range)
     */
    static SavedGraph read(DataInput in) throws IOException {
        int size = in.readInt();
        int maxConnections = in.readInt();
        int levels = in.readInt();
        int entryNode = in.readInt();
        if (size < 1 || maxConnections < 1 || levels < 1 || levels > 64 || entryNode < 0 || entryNode >= size) {
            throw new IOException("Not a saved graph: " + size + " nodes, M " + maxConnections + ", " + levels
                    + " levels, entry node " + entryNode);
        }
        int[][] nodes = new int[levels][];
        int[][] offsets = new int[levels][];
        int[][] neighbours = new int[levels][];
        for (int level = 0; level < levels; level++) {
            nodes[level] = readInts(in, size);
            offsets[level] = readInts(in, nodes[level].length + 1);
            neighbours[level] =
                    readInts(in, (int) Math.min(Integer.MAX_VALUE / Integer.BYTES, 2L * size * maxConnections));
            checkLevel(level, size, nodes[level], offsets[level], neighbours[level]);
        }
        return new SavedGraph(size, maxConnections, entryNode, nodes, offsets, neighbours);
    }

    @Override
    public void seek(int level, int target) {
        int index = level == 0 ? target : Arrays.binarySearch(nodes[level], target);
        if (index < 0 || index >= nodes[level].length || nodes[level][index] != target) {
            throw new IllegalArgumentException("Node " + target + " is not on level " + level);
        }
        current = neighbours[level];
        next = offsets[level][index];
        end = offsets[level][index + 1];
    }

    @Override
    public int nextNeighbor() {
        return next < end ? current[next++] : DocIdSetIterator.NO_MORE_DOCS;
    }

    @Override
    public int neighborCount() {
        return end - next;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int numLevels() {
        return nodes.length;
    }

    @Override
    public int maxConn() {
        return maxConnections;
    }

    @Override
    public int entryNode() {
        return entryNode;
    }

    @Override
    public NodesIterator getNodesOnLevel(int level) {
        return new ArrayNodesIterator(nodes[level], nodes[level].length);
    }

    /** The nodes below {@code size} on {@code level}, ascending. */
    private static int[] nodesOnLevel(HnswGraph graph, int level, int size) throws IOException {
        NodesIterator iterator = graph.getNodesOnLevel(level);
        int[] onLevel = new int[iterator.size()];
        int count = 0;
        while (iterator.hasNext()) {
            int node = iterator.nextInt();
            if (node < size) {
                onLevel[count++] = node;
            }
        }
        int[] sorted = Arrays.copyOf(onLevel, count);
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * Level 0 holds every node; every level's nodes ascend, its offsets ascend from 0 to its neighbour count, and
     * every neighbour is a node of the graph. A file that passes its checksum but was written by a different build
     * fails here instead of corrupting the graph built from it.
     */
    private static void checkLevel(int level, int size, int[] nodes, int[] offsets, int[] neighbours)
            throws IOException {
        if (level == 0 && nodes.length != size) {
            throw new IOException("Level 0 of a saved graph holds " + nodes.length + " of its " + size + " nodes");
        }
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] < 0 || nodes[i] >= size || (i > 0 && nodes[i] <= nodes[i - 1])) {
                throw new IOException("Saved graph level " + level + ": node " + nodes[i] + " out of order or range");
            }
        }
        if (offsets[0] != 0 || offsets[nodes.length] != neighbours.length) {
            throw new IOException("Saved graph level " + level + ": neighbour offsets do not match the neighbours");
        }
        for (int i = 0; i < nodes.length; i++) {
            if (offsets[i + 1] < offsets[i]) {
                throw new IOException("Saved graph level " + level + ": neighbour offsets descend");
            }
        }
        for (int neighbour : neighbours) {
            if (neighbour < 0 || neighbour >= size) {
                throw new IOException("Saved graph level " + level + ": neighbour " + neighbour + " out of range");
            }
        }
    }

    /** {@code values}: their count, then their bytes (little-endian), in one block. */
    private static void writeInts(DataOutput out, int[] values) throws IOException {
        out.writeInt(values.length);
        ByteBuffer bytes = ByteBuffer.allocate(Math.multiplyExact(values.length, Integer.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        bytes.asIntBuffer().put(values);
        out.write(bytes.array());
    }

    /** Ints {@link #writeInts} wrote, refusing more than {@code atMost} (a corrupt count must not allocate gigabytes). */
    private static int[] readInts(DataInput in, int atMost) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > atMost) {
            throw new IOException("Saved graph: a block of " + count + " ints where at most " + atMost + " fit");
        }
        byte[] bytes = new byte[count * Integer.BYTES];
        in.readFully(bytes);
        int[] values = new int[count];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(values);
        return values;
    }
}
