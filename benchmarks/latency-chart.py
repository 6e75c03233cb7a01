#!/usr/bin/env python3
"""Draws a latency chart (SVG) from JMH JSON results (`-rf json -rff results.json`).

One panel per value of the --panels parameters (default: model and batch), each with its own
scale; in a panel, one group of bars per value of the --rows parameters (default: coRunner), one
bar per engine and remaining parameters (ours or ONNX Runtime, threads, ...), with JMH's error as a
whisker and the score written beside it. Only the standard library is used, so that anyone with
the JSON can redraw the chart:

    python3 benchmarks/latency-chart.py docs/data/contention.json -o docs/images/contention.svg \
        --title "L1, L3, L7 beside a busy neighbour (AMD EPYC Zen 3, 2 vCPUs)"
"""

import argparse
import html
import json
import sys

# Parameters that only say where the weights come from: never part of a label.
FILE_PARAMS = {"weights", "onnx", "v2S0Weights", "v2S0Onnx"}
ENGINES = {
    "EfficientFormerModelBenchmark": "ours",
    "OnnxRuntimeBenchmark": "ONNX Runtime",
}
COLOURS = ["#1f77b4", "#6baed6", "#d62728", "#fc9272", "#2ca02c", "#98df8a", "#9467bd", "#c5b0d5"]


def load(paths):
    results = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for entry in json.load(f):
                cls = entry["benchmark"].rsplit(".", 2)[-2]
                params = {k: v for k, v in entry.get("params", {}).items() if k not in FILE_PARAMS}
                if cls == "OnnxRuntimeBenchmark":
                    params.pop("backend", None)
                    params.pop("threadPolicy", None)
                metric = entry["primaryMetric"]
                if metric["scoreUnit"] != "ms/op":
                    sys.exit(f"{path}: {entry['benchmark']} is in {metric['scoreUnit']}, expected ms/op (-tu ms, mode avgt)")
                error = metric.get("scoreError")
                results.append({
                    "engine": ENGINES.get(cls, cls),
                    "params": params,
                    "score": float(metric["score"]),
                    "error": float(error) if error not in (None, "NaN") else 0.0,
                })
    if not results:
        sys.exit("no results in " + ", ".join(paths))
    return results


def label(params, keys):
    parts = []
    for k in keys:
        if k in params:
            v = params[k]
            parts.append({"model": v.upper(), "batch": f"batch {v}", "threads": f"{v} thread" + ("" if v == "1" else "s"),
                          "coRunner": "idle" if v == "none" else f"beside {v}",
                          "threadPolicy": f"{v} thread policy"}.get(k, f"{k}={v}"))
    return ", ".join(parts)


def ordered(keys):
    """Distinct tuples of parameter values, each position sorted numerically when it holds numbers,
    else in order of first appearance (the order given to JMH's -p)."""
    keys = list(dict.fromkeys(keys))
    orders = []
    for i in range(len(keys[0]) if keys else 0):
        values = list(dict.fromkeys(k[i] for k in keys))
        orders.append(sorted(values, key=int) if all(v.isdigit() for v in values) else values)
    return sorted(keys, key=lambda k: [orders[i].index(v) for i, v in enumerate(k)])


def chart(results, panels, rows, title):
    # Parameters other than panels and rows name the bars, those that vary only.
    varying = {k for k in {k for r in results for k in r["params"]}
               if len({r["params"][k] for r in results if k in r["params"]}) > 1}
    series_keys = sorted(k for k in varying if k not in panels and k not in rows)

    def series_of(r):
        rest = label(r["params"], series_keys)
        return r["engine"] + (", " + rest if rest else "")

    series = list(dict.fromkeys(series_of(r) for r in results))
    series.sort(key=lambda s: (not s.startswith("ours"), s))
    colour = {s: COLOURS[i % len(COLOURS)] for i, s in enumerate(series)}
    panel_keys = ordered([tuple(r["params"].get(k, "") for k in panels) for r in results])

    bar, gap, group_gap, left, width = 13, 2, 10, 150, 560
    out = []
    y = 40
    for key in panel_keys:
        in_panel = [r for r in results if tuple(r["params"].get(k, "") for k in panels) == key]
        top = max(r["score"] + r["error"] for r in in_panel)
        scale = width / top
        out.append(f'<text x="10" y="{y}" font-weight="bold">{html.escape(label(dict(zip(panels, key)), panels))}</text>')
        y += 10
        row_values = ordered([tuple(r["params"].get(k, "") for k in rows) for r in in_panel]) if rows else [()]
        for row in row_values:
            in_row = [r for r in in_panel if tuple(r["params"].get(k, "") for k in rows) == row]
            in_row.sort(key=lambda r: series.index(series_of(r)))
            height = len(in_row) * (bar + gap)
            out.append(f'<text x="{left - 8}" y="{y + height / 2 + 4}" text-anchor="end">'
                       f'{html.escape(label(dict(zip(rows, row)), rows))}</text>')
            for r in in_row:
                w = max(1.0, r["score"] * scale)
                out.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar}" fill="{colour[series_of(r)]}">'
                           f'<title>{html.escape(series_of(r))}: {r["score"]:.1f} ± {r["error"]:.1f} ms</title></rect>')
                if r["error"] > 0:
                    lo, hi = left + max(0.0, r["score"] - r["error"]) * scale, left + (r["score"] + r["error"]) * scale
                    mid = y + bar / 2
                    out.append(f'<line x1="{lo:.1f}" y1="{mid}" x2="{hi:.1f}" y2="{mid}" stroke="#333" stroke-width="1"/>')
                text_x = left + (r["score"] + r["error"]) * scale + 4
                out.append(f'<text x="{text_x:.1f}" y="{y + bar - 2}" font-size="11">{r["score"]:.1f} ms</text>')
                y += bar + gap
            y += group_gap
        y += 18
    legend_y = 20
    legend = [f'<text x="10" y="{legend_y}" font-weight="bold" font-size="14">{html.escape(title)}</text>'] if title else []
    ly = y
    for i, s in enumerate(series):
        legend.append(f'<rect x="{left}" y="{ly + i * 18}" width="12" height="12" fill="{colour[s]}"/>'
                      f'<text x="{left + 18}" y="{ly + i * 18 + 11}">{html.escape(s)}</text>')
    total = ly + len(series) * 18 + 10
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 90}" height="{total}" '
            f'font-family="sans-serif" font-size="12">\n<rect width="100%" height="100%" fill="white"/>\n'
            + "\n".join(legend + out) + "\n</svg>\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("json", nargs="+", help="JMH JSON result files")
    p.add_argument("-o", "--output", required=True, help="SVG file to write")
    p.add_argument("--panels", default="model,batch", help="parameters with a panel per value (default: model,batch)")
    p.add_argument("--rows", default="coRunner", help="parameters with a bar group per value (default: coRunner)")
    p.add_argument("--where", action="append", default=[], metavar="PARAM=V1,V2",
                   help="keep only results whose parameter has one of these values (repeatable)")
    p.add_argument("--title", default="", help="title above the chart")
    a = p.parse_args()
    results = load(a.json)
    for cond in a.where:
        key, _, values = cond.partition("=")
        allowed = set(values.split(","))
        results = [r for r in results if r["params"].get(key) in allowed or key not in r["params"]]
    split = lambda s: [k for k in s.split(",") if k]
    svg = chart(results, split(a.panels), split(a.rows), a.title)
    with open(a.output, "w", encoding="utf-8") as f:
        f.write(svg)


if __name__ == "__main__":
    main()
