"""Benchmark `kg viz` at corpus scale: conversion, page size, and open/focus times in headless Chromium.

The graph: a corpus built by `kg build` (--graph DIR/graph.ttl, its on-disk store beside it), else the
synthetic corpus graph of N documents (benchmarks/viz_graph.py) loaded into an on-disk Oxigraph store once
(kept under --work). Each path runs in a fresh process (so its peak memory is its own):
- kg: what `kg viz` does (kg.draw.network.page_graph: past 20,000 facts a CompactGraph, then the page);
- networkx (--baseline): the networkx graph (to_networkx, details=False) then the same page, the path `kg viz`
  took before; the ratio is printed.
Then the page is opened in Debian's Chromium with benchmarks/viz_measure.mjs (playwright-core as a driver, no
browser download), timing opening it and focusing a searched person at depth 1 and 2. Wall and CPU seconds
(the machine is shared: quote its load).

Usage: python benchmarks/bench_viz.py [--docs 10000 | --graph build/graph.ttl] [--baseline] [--work build/bench]
  [--node-modules DIR]  (playwright-core: npm install --prefix /tmp/kg-bench playwright-core)
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def step(name: str, t0: float, c0: float) -> None:
    print(f"  {name:<34} {time.perf_counter() - t0:7.1f} s wall  {cpu() - c0:7.1f} s CPU", flush=True)


CONVERT = """
import json, resource, sys, time
from kg.draw.network import page_graph, to_networkx
from kg.draw.page import render_html
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF); return r.ru_utime + r.ru_stime
source, out, baseline = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
t0, c0 = time.perf_counter(), cpu()
G = to_networkx(source, details=False) if baseline else page_graph(source)
c1 = cpu()
html = render_html(G, title="kg viz benchmark").encode("utf-8")
c2 = cpu()
open(out, "wb").write(html)
if baseline:
    person = next((n for n, d in sorted(G.nodes(data=True)) if d.get("cls") == "Person" and "/" in n), "")
    name = G.nodes[person]["label_zh"] if person else ""
else:
    i = next((i for i, (n, c) in enumerate(zip(G.ids, G.cls)) if c == "Person" and "/" in n), None)
    name = G.zh[i] if i is not None else ""
print(json.dumps({"wall": time.perf_counter() - t0, "cpu": cpu() - c0, "graph_cpu": c1 - c0, "page_cpu": c2 - c1,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "bytes": len(html),
                  "nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "person": name}, ensure_ascii=False))
"""


def _convert(source: str, out: Path, *, baseline: bool) -> dict:
    """Read the graph and write the page in a fresh process; its figures."""
    proc = subprocess.run([sys.executable, "-c", CONVERT, source, str(out), "1" if baseline else "0"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--graph", type=Path, help="a graph file built by kg build (its store beside it) instead of --docs")
    ap.add_argument("--baseline", action="store_true", help="also time the networkx path, in its own process")
    ap.add_argument("--work", type=Path, default=Path("build/bench"))
    ap.add_argument("--node-modules", type=Path, default=Path("/tmp/kg-bench/node_modules"))
    args = ap.parse_args(argv)
    sys.path.insert(0, str(HERE))
    import pyoxigraph as ox

    from viz_graph import write_graph

    args.work.mkdir(parents=True, exist_ok=True)
    nq = args.work / f"viz-{args.docs}.nq"
    store_dir = args.work / f"viz-{args.docs}.store"
    tag = args.graph.parent.name if args.graph else str(args.docs)
    print(f"kg viz benchmark, {args.graph or f'{args.docs:,} synthetic documents'}; {os.getloadavg()[0]:.1f} load")
    if not args.graph and not nq.exists():
        t0, c0 = time.perf_counter(), cpu()
        with open(nq.with_suffix(".tmp"), "w", encoding="utf-8", buffering=1 << 20) as out:
            quads = write_graph(out, docs=args.docs)
        nq.with_suffix(".tmp").replace(nq)
        step(f"generate ({quads:,} quads)", t0, c0)
    if not args.graph and not (store_dir / "done").exists():
        t0, c0 = time.perf_counter(), cpu()
        st = ox.Store(str(store_dir))
        st.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        st.optimize()
        del st
        (store_dir / "done").write_text("1")
        step("on-disk store (bulk load, once)", t0, c0)
    source = str(args.graph.resolve()) if args.graph else str(store_dir.resolve())
    page = args.work / f"viz-{tag}.html"
    kg = _convert(source, page, baseline=False)
    print(f"  kg: page of {kg['nodes']:,} nodes, {kg['edges']:,} edges: {kg['wall']:.1f} s wall, {kg['cpu']:.1f} s CPU "
          f"(graph {kg['graph_cpu']:.1f}, page {kg['page_cpu']:.1f}), peak {kg['peak_mb']:,.0f} MB, page {kg['bytes'] / 1e6:.1f} MB",
          flush=True)
    if args.baseline:
        nx_ = _convert(source, args.work / f"viz-{tag}-networkx.html", baseline=True)
        print(f"  networkx: {nx_['wall']:.1f} s wall, {nx_['cpu']:.1f} s CPU (graph {nx_['graph_cpu']:.1f}, page "
              f"{nx_['page_cpu']:.1f}), peak {nx_['peak_mb']:,.0f} MB; ratio networkx/kg: CPU "
              f"{nx_['cpu'] / kg['cpu']:.1f}x, peak memory {nx_['peak_mb'] / kg['peak_mb']:.1f}x", flush=True)
    name = kg["person"]
    if not args.node_modules.exists():
        print(f"  (no {args.node_modules}: npm install --prefix {args.node_modules.parent} playwright-core to time Chromium)")
        return 0
    env = {**os.environ, "NODE_PATH": str(args.node_modules)}
    for depth in ("1", "2"):
        out = subprocess.run(["node", str(HERE / "viz_measure.mjs"), str(page.resolve()), name, depth,
                              str(args.work / f"viz-{tag}-depth{depth}.png")],
                             capture_output=True, text=True, env=env, timeout=600)
        if out.returncode != 0:
            print(out.stderr[-2000:])
            return 1
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"  Chromium, search {name} depth {depth}: open {r['open_ms']} ms (page ready at {r['page_ready_ms']:.0f} ms), "
              f"focus {r['focus_ms']} ms ({r['page_focus_ms']:.0f} ms in the page script), {r['drawn']} nodes drawn, "
              f"errors {r['errors']}, blocked loads {r['csp_blocked']}, network requests {r['network_requests']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
