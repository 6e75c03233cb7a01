package dev.efficientformer.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Where a plan keeps its activations, decided once for every backend from the buffers' lifetimes:
 * buffers whose lives do not overlap share memory, so a plan holds a few times its largest
 * activation instead of all of them. Two forms of the same decision, tested without any backend:
 * {@link #place} puts every buffer at an offset in one block (backends with one native block), and
 * {@link #slots} gives buffers to a few reusable arrays (backends that hand each kernel an array of
 * its own). A backend says how large its buffers are (layouts and padding are its own) and which
 * outputs may view or overwrite an operand ({@link Sharing}); {@link #buffers} decides, for the
 * values of a {@link Lowering} plan, which share a buffer and how long each buffer lives.
 *
 * <p>Thread-safety: stateless; the records are immutable.
 */
public final class MemoryPlan {
    /** A step before the first: the graph's input is written there. */
    public static final int BEFORE_FIRST_STEP = -1;
    /** A step after the last: buffers read by the caller after the run (output, taps) live until there. */
    public static final int AFTER_LAST_STEP = Integer.MAX_VALUE;

    private MemoryPlan() {
    }

    /**
     * A buffer of {@code size} units (bytes or floats, the caller's choice) in use from step
     * {@code first} through step {@code last}, both inclusive: written no earlier than {@code first}
     * and read no later than {@code last}. Two buffers whose intervals share a step never share memory,
     * so a step's output never overlaps what the step reads.
     */
    public record Interval(long size, int first, int last) {
        /** An interval; {@code size >= 0} and {@code first <= last}. */
        public Interval {
            if (size < 0 || first > last) {
                throw new IllegalArgumentException("interval of " + size + " units from step " + first + " to " + last);
            }
        }

        /** A buffer that lives through the whole run (the input, the output, a tap). */
        public static Interval wholeRun(long size) {
            return new Interval(size, BEFORE_FIRST_STEP, AFTER_LAST_STEP);
        }

        boolean overlaps(Interval o) {
            return first <= o.last && o.first <= last;
        }
    }

    /**
     * Each buffer's offset in one block, and the block's size. Every offset is a multiple of the
     * alignment; buffers that overlap in time overlap in no unit.
     */
    public record Placement(long[] offsets, long size) {
        /** The offset of buffer {@code i}. */
        public long offset(int i) {
            return offsets[i];
        }

        @Override
        public long[] offsets() {
            return offsets.clone();
        }
    }

    /**
     * Places {@code intervals} in one block: the largest first, each at the lowest aligned offset
     * that clashes with no buffer placed so far that is live at the same time.
     *
     * @param alignment a power of two (1 for none)
     */
    public static Placement place(List<Interval> intervals, long alignment) {
        if (alignment < 1 || Long.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment " + alignment + " is not a power of two");
        }
        Integer[] order = new Integer[intervals.size()];
        Arrays.setAll(order, i -> i);
        // Stable: equal sizes keep the caller's order, so a plan places the same way every time.
        Arrays.sort(order, Comparator.comparingLong((Integer i) -> intervals.get(i).size()).reversed());
        long[] offsets = new long[intervals.size()];
        List<Integer> placed = new ArrayList<>();
        long total = 0;
        for (int i : order) {
            Interval s = intervals.get(i);
            List<Integer> clashes = placed.stream().filter(j -> intervals.get(j).overlaps(s))
                    .sorted(Comparator.comparingLong(j -> offsets[j])).toList();
            long candidate = 0;
            for (int j : clashes) {
                if (candidate + s.size() <= offsets[j]) {
                    break;
                }
                candidate = Math.max(candidate, align(offsets[j] + intervals.get(j).size(), alignment));
            }
            offsets[i] = candidate;
            placed.add(i);
            total = Math.max(total, candidate + s.size());
        }
        return new Placement(offsets, total);
    }

    /**
     * Buffers given to reusable slots: slot {@code slotOf[i]} holds buffer {@code i}; a slot is
     * {@code slotSize} units large, the largest buffer it holds.
     */
    public record Slots(int[] slotOf, long[] slotSize) {
        /** The slot of buffer {@code i}. */
        public int slot(int i) {
            return slotOf[i];
        }

        /** How many slots. */
        public int count() {
            return slotSize.length;
        }

        @Override
        public int[] slotOf() {
            return slotOf.clone();
        }

        @Override
        public long[] slotSize() {
            return slotSize.clone();
        }
    }

    /**
     * Gives {@code intervals} to slots in the order they start: each takes the smallest free slot
     * at least its size, else a new slot of its size. A slot is free again after the last step of
     * the buffer in it, so buffers sharing a step never share a slot.
     */
    public static Slots slots(List<Interval> intervals) {
        Integer[] order = new Integer[intervals.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> intervals.get(i).first()));
        int[] slotOf = new int[intervals.size()];
        List<Long> sizes = new ArrayList<>();
        List<Integer> busyUntil = new ArrayList<>();
        for (int i : order) {
            Interval s = intervals.get(i);
            int best = -1;
            for (int k = 0; k < sizes.size(); k++) {
                boolean free = busyUntil.get(k) < s.first();
                if (free && sizes.get(k) >= s.size() && (best < 0 || sizes.get(k) < sizes.get(best))) {
                    best = k;
                }
            }
            if (best < 0) {
                best = sizes.size();
                sizes.add(s.size());
                busyUntil.add(s.last());
            } else {
                busyUntil.set(best, s.last());
            }
            slotOf[i] = best;
        }
        return new Slots(slotOf, sizes.stream().mapToLong(Long::longValue).toArray());
    }

    /** How a backend may store a step's output other than in a buffer of its own. */
    public interface Sharing {
        /** Every output in a buffer of its own. */
        Sharing NONE = new Sharing() {
            @Override
            public Value viewOf(Lowering.Step step) {
                return null;
            }

            @Override
            public List<Value> overwritable(Lowering.Step step) {
                return List.of();
            }
        };

        /** The value whose buffer the step's output is, read differently (a reshape, no copy); {@code null} for none. */
        Value viewOf(Lowering.Step step);

        /** Operands the step can overwrite with its output (elementwise ops), in order of preference. */
        List<Value> overwritable(Lowering.Step step);
    }

    /**
     * The buffers of a {@link Lowering} plan: {@code bufferOf[value id]} is the buffer a value is
     * stored in ({@code -1} for a value no step stores, one fused inside a step), and each buffer's
     * size and lifetime, for {@link #place} or {@link #slots}.
     */
    public record Buffers(int[] bufferOf, List<Interval> lives) {
        /** The buffers; the arrays are copied. */
        public Buffers {
            bufferOf = bufferOf.clone();
            lives = List.copyOf(lives);
        }

        /** The buffer of {@code v}, or -1. */
        public int of(Value v) {
            return v.id() < bufferOf.length ? bufferOf[v.id()] : -1;
        }

        @Override
        public int[] bufferOf() {
            return bufferOf.clone();
        }
    }

    /**
     * Decides where each value of a {@link Lowering} plan is stored: the input and each step's
     * output, in a buffer of its own, or in the buffer of the value it views, or over an operand
     * that dies at the step (same size, nothing else in its buffer read later, neither the input,
     * the output nor a tap), as {@code sharing} allows. A buffer lives from the step that first
     * writes it to the last step that reads a value in it; the input's through the whole run, the
     * output's and the taps' from their step to the end of the run (the caller reads them after it).
     *
     * @param size the units of a value's buffer
     */
    public static Buffers buffers(Graph graph, List<Lowering.Step> steps, ToLongFunction<Value> size, Sharing sharing) {
        int[] lastRead = Lowering.lastReads(graph, steps);
        int[] bufferOf = new int[lastRead.length];
        Arrays.fill(bufferOf, -1);
        List<long[]> buffers = new ArrayList<>(); // {size, first, last}
        bufferOf[graph.input().id()] = 0;
        buffers.add(new long[] {size.applyAsLong(graph.input()), BEFORE_FIRST_STEP, AFTER_LAST_STEP});
        for (int s = 0; s < steps.size(); s++) {
            Lowering.Step step = steps.get(s);
            Value out = step.output();
            long outSize = size.applyAsLong(out);
            int last = graph.isObservable(out) ? AFTER_LAST_STEP : Math.max(s, lastRead[out.id()]);
            Value view = sharing.viewOf(step);
            int buffer = view != null ? bufferOf[view.id()] : -1;
            if (view != null && buffer < 0) {
                throw new IllegalStateException("step " + s + " views " + view + ", which is not stored");
            }
            for (Value c : view == null ? sharing.overwritable(step) : List.<Value>of()) {
                int b = bufferOf[c.id()];
                if (b >= 0 && buffers.get(b)[2] == s && size.applyAsLong(c) == outSize && !graph.isObservable(c)) {
                    buffer = b;
                    break;
                }
            }
            if (buffer < 0) {
                buffer = buffers.size();
                buffers.add(new long[] {outSize, s, last});
            } else {
                long[] b = buffers.get(buffer);
                b[0] = Math.max(b[0], outSize);
                b[2] = Math.max(b[2], last);
            }
            bufferOf[out.id()] = buffer;
        }
        List<Interval> lives = new ArrayList<>();
        for (long[] b : buffers) {
            lives.add(new Interval(b[0], (int) b[1], (int) b[2]));
        }
        return new Buffers(bufferOf, lives);
    }

    private static long align(long n, long alignment) {
        return (n + alignment - 1) & -alignment;
    }
}
