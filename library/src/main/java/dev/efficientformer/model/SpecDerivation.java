package dev.efficientformer.model;

import dev.efficientformer.tensor.Shape;
import dev.efficientformer.weights.CheckpointException;
import dev.efficientformer.weights.TensorInfo;
import dev.efficientformer.weights.WeightFile;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an {@link EfficientFormerSpec} off a checkpoint's tensor shapes (timm key names), so that
 * L1, L3, L7 and any other V1 checkpoint load without a hand-written config.
 *
 * <p>Thread-safety: stateless.
 */
public final class SpecDerivation {
    private static final Pattern BLOCK = Pattern.compile("^stages\\.(\\d+)\\.blocks\\.(\\d+)\\.");

    private SpecDerivation() {
    }

    /**
     * The spec of the model whose weights {@code file} holds.
     *
     * @throws CheckpointException naming the key that is missing or has an unexpected shape
     */
    public static EfficientFormerSpec derive(WeightFile file) {
        String where = file.path().toString();
        Map<Integer, TreeSet<Integer>> blocks = blockIndices(file, "EfficientFormer V1");
        int[] widths = new int[4];
        int[] depths = new int[4];
        int[] hidden = new int[4];
        for (int s = 0; s < 4; s++) {
            String first = "stages." + s + ".blocks." + blocks.get(s).first() + ".";
            widths[s] = positive(file, first + "ls1.gamma", 1, 0, "width");
            hidden[s] = positive(file, first + "mlp.fc1.weight", -1, 0, "MLP hidden width");
        }
        int numVit = 0;
        int heads = 0;
        int keyDim = 0;
        int valDim = 0;
        TreeSet<Integer> last = blocks.get(3);
        for (int s = 0; s < 3; s++) {
            depths[s] = contiguousCount(where, s, blocks.get(s));
        }
        for (int i : last) {
            String p = "stages.3.blocks." + i + ".token_mixer.";
            if (file.contains(p + "qkv.weight")) {
                numVit++;
                int h = positive(file, p + "attention_biases", 2, 0, "number of heads");
                long n = dim(file, p + "attention_biases", 2, 1);
                if (n != EfficientFormerSpec.GRID * EfficientFormerSpec.GRID) {
                    throw new CheckpointException(where + ": " + p + "attention_biases has " + n + " positions; V1 attention uses the "
                            + EfficientFormerSpec.GRID + "x" + EfficientFormerSpec.GRID + " grid (49)");
                }
                long projIn = dim(file, p + "proj.weight", 2, 1);
                long qkvOut = dim(file, p + "qkv.weight", 2, 0);
                if (projIn % h != 0 || (qkvOut / h - projIn / h) % 2 != 0 || qkvOut % h != 0) {
                    throw new CheckpointException(where + ": " + p + "qkv.weight " + file.info(p + "qkv.weight").shape() + " and proj.weight "
                            + file.info(p + "proj.weight").shape() + " do not split into " + h + " heads of q, k and v");
                }
                int vd = (int) (projIn / h);
                int kd = (int) ((qkvOut / h - vd) / 2);
                if (vd < 1 || kd < 1) {
                    throw new CheckpointException(where + ": " + p + "qkv.weight " + file.info(p + "qkv.weight").shape() + " and proj.weight "
                            + file.info(p + "proj.weight").shape() + " give " + h + " heads of key_dim " + kd + " and val_dim " + vd
                            + "; both must be positive");
                }
                if (heads != 0 && (heads != h || keyDim != kd || valDim != vd)) {
                    throw new CheckpointException(where + ": attention blocks disagree on heads/key_dim/val_dim at " + p);
                }
                heads = h;
                keyDim = kd;
                valDim = vd;
            }
        }
        if (numVit == 0) {
            throw new CheckpointException(where + ": the last stage has no attention block (no stages.3.blocks.*.token_mixer.qkv.weight)");
        }
        // The last stage is numbered: Meta4D blocks, Flat (no parameters), Meta3D blocks.
        int total = last.last() + 1;
        depths[3] = total - 1;
        int flat = depths[3] - numVit;
        for (int i = 0; i < total; i++) {
            boolean present = last.contains(i);
            if (present == (i == flat)) {
                throw new CheckpointException(where + ": stage 3 block numbering " + last + " does not match " + (depths[3] - numVit)
                        + " pool blocks, a Flat at index " + flat + ", then " + numVit + " attention blocks");
            }
        }
        int classes = positive(file, "head.weight", 2, 0, "number of classes");
        boolean distilled = file.contains("head_dist.weight");
        return new EfficientFormerSpec(widths, depths, numVit, hidden, heads, keyDim, valDim, classes, distilled);
    }

    /**
     * The block indices of each stage (timm names {@code stages.<s>.blocks.<i>}), which must be
     * stages 0 to 3.
     *
     * @param family what the checkpoint should be, for the message
     * @throws CheckpointException when an index is not a real one or a stage is missing
     */
    static Map<Integer, TreeSet<Integer>> blockIndices(WeightFile file, String family) {
        String where = file.path().toString();
        Map<Integer, TreeSet<Integer>> blocks = new TreeMap<>();
        for (String name : file.names()) {
            Matcher m = BLOCK.matcher(name);
            if (m.find()) {
                blocks.computeIfAbsent(index(where, name, m.group(1)), k -> new TreeSet<>()).add(index(where, name, m.group(2)));
            }
        }
        if (!blocks.keySet().equals(new TreeSet<>(java.util.List.of(0, 1, 2, 3)))) {
            throw new CheckpointException(where + ": expected blocks in stages 0-3 (timm names stages.<s>.blocks.<i>), found stages "
                    + blocks.keySet() + "; is this an " + family + " checkpoint?");
        }
        return blocks;
    }

    static int contiguousCount(String where, int stage, TreeSet<Integer> indices) {
        int n = indices.last() + 1;
        if (indices.size() != n) {
            throw new CheckpointException(where + ": stage " + stage + " has blocks " + indices + ", expected 0.." + (n - 1));
        }
        return n;
    }

    /** Largest dimension derived from a checkpoint (16 M): far above any model, far below int overflow. */
    private static final long MAX_DIM = 1 << 24;

    /** A block or stage index of a tensor name, refused when it cannot be a real one. */
    private static int index(String where, String name, String digits) {
        if (digits.length() > 6) {
            throw new CheckpointException(where + ": tensor \"" + name + "\" has a block index of " + digits.length() + " digits");
        }
        return Integer.parseInt(digits);
    }

    /** {@link #dim} as a size: between 1 and {@link #MAX_DIM}, or the checkpoint is refused naming {@code what}. */
    static int positive(WeightFile file, String name, int rank, int d, String what) {
        long v = dim(file, name, rank, d);
        if (v < 1 || v > MAX_DIM) {
            throw new CheckpointException(file.path() + ": tensor \"" + name + "\" has shape " + file.info(name).shape() + ", which gives a "
                    + what + " of " + v + " (must be 1 to " + MAX_DIM + ")");
        }
        return (int) v;
    }

    /** Dimension {@code d} of tensor {@code name}, checking its rank when {@code rank >= 0}. */
    private static long dim(WeightFile file, String name, int rank, int d) {
        if (!file.contains(name)) {
            throw new CheckpointException(file.path() + ": missing tensor \"" + name + "\" needed to derive the architecture");
        }
        TensorInfo info = file.info(name);
        Shape s = info.shape();
        if ((rank >= 0 && s.rank() != rank) || s.rank() <= d) {
            throw new CheckpointException(file.path() + ": tensor \"" + name + "\" has shape " + s + ", expected rank "
                    + (rank >= 0 ? Integer.toString(rank) : "at least " + (d + 1)));
        }
        return s.dim(d);
    }
}
