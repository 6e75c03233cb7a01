package dev.efficientformer.benchmarks;

import dev.efficientformer.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ONNX Runtime's profile (the JSON of {@code SessionOptions.enableProfiling}) reduced to where one
 * run spends its kernel time: each graph node's median over the runs the profile holds (so that
 * the first, slower runs do not count), summed per operator type and per operator with its input
 * shapes. Profiling adds a few microseconds to every node, so the sums exceed an unprofiled run.
 *
 * <p>Thread-safety: immutable.
 */
final class OrtProfileSummary {
    /** Kernel time of one operator type, or of one operator on given input shapes, per run. */
    record Entry(String key, double microseconds, int nodes) {
    }

    private final List<Entry> byOperator;
    private final List<Entry> byShape;
    private final int runs;

    private OrtProfileSummary(List<Entry> byOperator, List<Entry> byShape, int runs) {
        this.byOperator = byOperator;
        this.byShape = byShape;
        this.runs = runs;
    }

    /**
     * Reads a profile's events.
     *
     * @throws IllegalArgumentException when the text is not a JSON array of events or holds no node timings
     */
    static OrtProfileSummary parse(String json) {
        if (!(Json.parse(json, 50_000_000L) instanceof List<?> events)) {
            throw new IllegalArgumentException("an ONNX Runtime profile is a JSON array of events");
        }
        Map<String, List<Double>> durations = new LinkedHashMap<>();
        Map<String, String> operator = new HashMap<>();
        Map<String, String> shapes = new HashMap<>();
        for (Object e : events) {
            if (!(e instanceof Map<?, ?> event) || !"Node".equals(event.get("cat")) || !(event.get("name") instanceof String name)
                    || !name.endsWith("_kernel_time") || !(event.get("dur") instanceof Number dur)
                    || !(event.get("args") instanceof Map<?, ?> args) || !(args.get("op_name") instanceof String op)) {
                continue;
            }
            durations.computeIfAbsent(name, k -> new ArrayList<>()).add(dur.doubleValue());
            operator.put(name, op);
            shapes.put(name, shapesOf(args.get("input_type_shape")));
        }
        if (durations.isEmpty()) {
            throw new IllegalArgumentException("the profile has no node timings (events of category Node named *_kernel_time)");
        }
        Map<String, double[]> perOperator = new LinkedHashMap<>();
        Map<String, double[]> perShape = new LinkedHashMap<>();
        int runs = 0;
        for (Map.Entry<String, List<Double>> d : durations.entrySet()) {
            double median = median(d.getValue());
            runs = Math.max(runs, d.getValue().size());
            String op = operator.get(d.getKey());
            add(perOperator, op, median);
            add(perShape, op + " " + shapes.get(d.getKey()), median);
        }
        return new OrtProfileSummary(sorted(perOperator), sorted(perShape), runs);
    }

    /** Operator types, most time first. */
    List<Entry> byOperator() {
        return byOperator;
    }

    /** Operators by input shapes, most time first. */
    List<Entry> byShape() {
        return byShape;
    }

    /** The most runs any node was timed in. */
    int runs() {
        return runs;
    }

    /** Kernel time of one run: the sum of the nodes' medians (microseconds). */
    double totalMicroseconds() {
        return byOperator.stream().mapToDouble(Entry::microseconds).sum();
    }

    /** {@code [{"float": [1, 3, 224, 224]}, ...]} as {@code [1x3x224x224, ...]}, the first two inputs (data and weights). */
    private static String shapesOf(Object inputs) {
        List<String> out = new ArrayList<>();
        if (inputs instanceof List<?> list) {
            for (Object input : list.subList(0, Math.min(2, list.size()))) {
                if (input instanceof Map<?, ?> typed && typed.size() == 1 && typed.values().iterator().next() instanceof List<?> dims) {
                    out.add(String.join("x", dims.stream().map(String::valueOf).toList()));
                }
            }
        }
        return out.toString();
    }

    private static void add(Map<String, double[]> sums, String key, double microseconds) {
        double[] s = sums.computeIfAbsent(key, k -> new double[2]);
        s[0] += microseconds;
        s[1]++;
    }

    private static List<Entry> sorted(Map<String, double[]> sums) {
        return sums.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue()[0], (int) e.getValue()[1]))
                .sorted(Comparator.comparingDouble(Entry::microseconds).reversed()).toList();
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
