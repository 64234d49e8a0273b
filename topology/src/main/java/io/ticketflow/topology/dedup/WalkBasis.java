package io.ticketflow.topology.dedup;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.lucene.util.VectorUtil;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The few directions a {@link VectorIndex} links and walks its graph in, when its vectors use few of their
 * dimensions: the principal components that hold {@value #VARIANCE_KEPT} of a sample's variance, around its mean.
 *
 * <p>Why: scoring codes is most of a lookup + insert (half the samples of a profile at 200,000 tickets), and its cost
 * is the code's length. Embeddings of real text spread over a few dozen directions (MiniLM's of gitbugs-hadoop: a
 * participation ratio of 59 of 384), so about a hundred components carry most of what tells two tickets apart, and a
 * code of those is a quarter of the full one.
 *
 * <p>Why it keeps answers exact: the graph only steers the search; every candidate is scored again with the exact
 * float vectors. A near-duplicate is near in every projection (a projection only shortens distances), so what the
 * discarded directions can do is bring other tickets closer in the walk, among which the search keeps enough
 * candidates to still return it; {@code benchmarks/run dedup-scale} measures that recall. Codes are compared by
 * Euclidean distance, which centring does not change and which ranks unit vectors as their cosine does.
 *
 * <p>Vectors that fill their dimensions evenly (random ones) have no such basis: keeping {@value #VARIANCE_KEPT} of
 * their variance needs most components, and when that is more than half of them {@link #fit} answers none, and the
 * index walks the full vectors.
 */
final class WalkBasis {

    /** Share of the sample's variance (its eigenvalues' sum) the kept components hold. */
    static final double VARIANCE_KEPT = 0.8;

    /** Codes clip components at ±this many standard deviations of the first (largest) component. */
    private static final double CLIP_DEVIATIONS = 5;

    /** The kept components, largest first: unit rows of the vectors' length, orthogonal to each other. */
    private final float[][] components;
    /** Each component's dot product with the sample's mean: subtracted, so that codes are of centred vectors. */
    private final float[] offsets;
    /** Code units per unit of a component. */
    private final float scale;

    private WalkBasis(float[][] components, float[] offsets, float scale) {
        this.components = components;
        this.offsets = offsets;
        this.scale = scale;
    }

    /**
     * The basis of {@code sample} (vectors of {@code dimensions} components), or none when it would keep more than
     * half of the dimensions, or when the sample does not vary.
     */
    static Optional<WalkBasis> fit(List<float[]> sample, int dimensions) {
        int n = sample.size();
        if (n < 2) {
            return Optional.empty();
        }
        double[] mean = new double[dimensions];
        for (float[] vector : sample) {
            for (int i = 0; i < dimensions; i++) {
                mean[i] += vector[i];
            }
        }
        for (int i = 0; i < dimensions; i++) {
            mean[i] /= n;
        }
        DMatrixRMaj centred = new DMatrixRMaj(n, dimensions);
        for (int row = 0; row < n; row++) {
            float[] vector = sample.get(row);
            for (int i = 0; i < dimensions; i++) {
                centred.unsafe_set(row, i, vector[i] - mean[i]);
            }
        }
        DMatrixRMaj covariance = new DMatrixRMaj(dimensions, dimensions);
        CommonOps_DDRM.multTransA(centred, centred, covariance);
        CommonOps_DDRM.divide(covariance, n - 1);

        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(dimensions, true, true);
        if (!eigen.decompose(covariance)) {
            throw new IllegalStateException("No eigendecomposition of the embeddings' covariance");
        }
        Integer[] largestFirst = IntStream.range(0, dimensions).boxed().toArray(Integer[]::new);
        Arrays.sort(
                largestFirst,
                Comparator.comparingDouble((Integer i) -> eigen.getEigenvalue(i).real)
                        .reversed());
        double total = IntStream.range(0, dimensions)
                .mapToDouble(i -> Math.max(0, eigen.getEigenvalue(i).real))
                .sum();
        if (total <= 0) {
            return Optional.empty();
        }
        int kept = 0;
        double held = 0;
        while (held < VARIANCE_KEPT * total) {
            held += eigen.getEigenvalue(largestFirst[kept++]).real;
        }
        if (kept > dimensions / 2) {
            return Optional.empty();
        }
        float[][] components = new float[kept][dimensions];
        float[] offsets = new float[kept];
        for (int c = 0; c < kept; c++) {
            DMatrixRMaj vector = eigen.getEigenVector(largestFirst[c]);
            double norm = CommonOps_DDRM.dot(vector, vector);
            double offset = 0;
            for (int i = 0; i < dimensions; i++) {
                components[c][i] = (float) (vector.get(i) / Math.sqrt(norm));
                offset += components[c][i] * mean[i];
            }
            offsets[c] = (float) offset;
        }
        double firstDeviation = Math.sqrt(eigen.getEigenvalue(largestFirst[0]).real);
        return Optional.of(new WalkBasis(components, offsets, (float) (127 / (CLIP_DEVIATIONS * firstDeviation))));
    }

    /** Components kept: the length of a code. */
    int size() {
        return components.length;
    }

    /** {@code vector}'s code: its centred components along the basis, times the scale, rounded, clipped to ±127. */
    byte[] code(float[] vector) {
        byte[] code = new byte[components.length];
        for (int c = 0; c < code.length; c++) {
            float component = VectorUtil.dotProduct(components[c], vector) - offsets[c];
            code[c] = (byte) Math.clamp(Math.round(component * scale), -127, 127);
        }
        return code;
    }

    /** Writes the basis, for {@link #read}. */
    void write(DataOutput out) throws IOException {
        out.writeInt(components.length);
        out.writeFloat(scale);
        for (int c = 0; c < components.length; c++) {
            out.writeFloat(offsets[c]);
            for (float value : components[c]) {
                out.writeFloat(value);
            }
        }
    }

    /** Reads a basis {@link #write} wrote for vectors of {@code dimensions} components. */
    static WalkBasis read(DataInput in, int dimensions) throws IOException {
        int size = in.readInt();
        float scale = in.readFloat();
        if (size < 1 || size > dimensions || !(scale > 0) || Float.isInfinite(scale)) {
            throw new IOException("Saved walk basis of " + size + " components, scale " + scale + ", for vectors of "
                    + dimensions + " dimensions");
        }
        float[][] components = new float[size][dimensions];
        float[] offsets = new float[size];
        for (int c = 0; c < size; c++) {
            offsets[c] = in.readFloat();
            for (int i = 0; i < dimensions; i++) {
                components[c][i] = in.readFloat();
            }
        }
        return new WalkBasis(components, offsets, scale);
    }
}
