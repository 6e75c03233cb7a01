package dev.efficientformer.backend.java;

/**
 * One step of a {@link VectorPlan}: an op (or a fused group of ops) whose work is split into
 * {@code parts} disjoint shares, one per thread of the plan. Everything a step touches was
 * allocated when the plan was compiled; {@link #run} allocates nothing.
 */
interface VectorStep {
    /** Does share {@code part} of {@code parts} ({@code 0 <= part < parts}). */
    void run(int part, int parts);

    /** What the step computes, for descriptions and profiles, e.g. {@code conv1x1+gelu}. */
    String kind();

    /** The first of {@code n} items that share {@code part} of {@code parts} owns. */
    static int from(int n, int part, int parts) {
        return (int) ((long) n * part / parts);
    }
}
