"""Benchmark `kg viz` at corpus scale: conversion, page size, and open/focus times in headless Chromium.

For N documents (default 10,000): write the synthetic corpus graph (benchmarks/viz_graph.py) and load it
into an on-disk Oxigraph store once (kept under --work), then time, in this process: reading the picture's
material with SPARQL and building the networkx graph (kg.draw.network.to_networkx), writing the page
(kg.draw.page.render_html), kg stats; then open the page in Debian's Chromium with
benchmarks/viz_measure.mjs (playwright-core as a driver, no browser download) and time opening it and
focusing a searched person at depth 1 and 2. Prints the figures; wall and CPU seconds (the machine is shared).

Usage: python benchmarks/bench_viz.py [--docs 10000] [--work build/bench] [--node-modules DIR]
  (playwright-core: npm install --prefix /tmp/kg-bench playwright-core; --node-modules /tmp/kg-bench/node_modules)
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--work", type=Path, default=Path("build/bench"))
    ap.add_argument("--node-modules", type=Path, default=Path("/tmp/kg-bench/node_modules"))
    args = ap.parse_args(argv)
    sys.path.insert(0, str(HERE))
    import pyoxigraph as ox

    from viz_graph import write_graph

    args.work.mkdir(parents=True, exist_ok=True)
    nq = args.work / f"viz-{args.docs}.nq"
    store_dir = args.work / f"viz-{args.docs}.store"
    print(f"kg viz benchmark, {args.docs:,} documents")
    if not nq.exists():
        t0, c0 = time.perf_counter(), cpu()
        with open(nq.with_suffix(".tmp"), "w", encoding="utf-8", buffering=1 << 20) as out:
            quads = write_graph(out, docs=args.docs)
        nq.with_suffix(".tmp").replace(nq)
        step(f"generate ({quads:,} quads)", t0, c0)
    if not (store_dir / "done").exists():
        t0, c0 = time.perf_counter(), cpu()
        st = ox.Store(str(store_dir))
        st.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        st.optimize()
        del st
        (store_dir / "done").write_text("1")
        step("on-disk store (bulk load, once)", t0, c0)
    from kg.draw.network import to_networkx
    from kg.draw.page import render_html
    from kg.draw.reading import open_source
    from kg.draw.stats import graph_stats

    t0, c0 = time.perf_counter(), cpu()
    src = open_source(store_dir)
    G = to_networkx(src, details=None)
    step(f"RDF -> networkx ({G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges)", t0, c0)
    t0, c0 = time.perf_counter(), cpu()
    html = render_html(G, title=f"kg viz benchmark, {args.docs} documents").encode("utf-8")
    page = args.work / f"viz-{args.docs}.html"
    page.write_bytes(html)
    step(f"page ({len(html) / 1e6:.1f} MB)", t0, c0)
    t0, c0 = time.perf_counter(), cpu()
    stats = graph_stats(G, top=3)
    step(f"stats (top: {stats.top[0][1]})", t0, c0)
    print(f"  peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    person = next(n for n, d in sorted(G.nodes(data=True)) if d.get("cls") == "Person" and "/" in n)
    name = G.nodes[person]["label_zh"]
    if not args.node_modules.exists():
        print(f"  (no {args.node_modules}: npm install --prefix {args.node_modules.parent} playwright-core to time Chromium)")
        return 0
    env = {**os.environ, "NODE_PATH": str(args.node_modules)}
    for depth in ("1", "2"):
        out = subprocess.run(["node", str(HERE / "viz_measure.mjs"), str(page.resolve()), name, depth,
                              str(args.work / f"viz-{args.docs}-depth{depth}.png")],
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
