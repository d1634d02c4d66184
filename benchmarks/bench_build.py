"""Benchmark `kg build` as a cold process, with baselines measured in the same run.

Prints median wall times over N runs (default 7) of:
  - python -c pass                 (interpreter start)
  - python -c "import rdflib"      (the floor for any rdflib tool)
  - kg build                       (the real command: facts -> graph -> SHACL -> Turtle)
and, in-process, the Turtle writer used by kg (sorted + Oxigraph) against rdflib's own writer.

Usage: python benchmarks/bench_build.py [N]
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def cold(cmd: list[str], n: int) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def warm(fn, n: int) -> float:
    fn()
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    py = sys.executable
    out = Path(tempfile.mkdtemp()) / "graph.ttl"
    start = cold([py, "-c", "pass"], n)
    rdflib_import = cold([py, "-c", "import rdflib"], n)
    build = cold([py, "-m", "kg.cli", "build", "-o", str(out)], n)
    print(f"cold process, median of {n}:")
    print(f"  python -c pass          {start:6.3f} s")
    print(f"  import rdflib           {rdflib_import:6.3f} s")
    print(f"  kg build (the corpus)   {build:6.3f} s   ({build / rdflib_import:.1f}x import rdflib; target <= 2 s)")

    from kg.check.shacl import validate_graph
    from kg.graph.builder import build_graph
    from kg.serialize.turtle import to_turtle

    g = build_graph().graph  # the corpus in data/ (or KG_CORPUS): every document, registry and vocabularies
    ours = warm(lambda: to_turtle(g), n)
    theirs = warm(lambda: g.serialize(format="turtle"), n)
    val = warm(lambda: validate_graph(g), max(3, n // 2))
    build_only = warm(build_graph, n)
    print(f"in process ({len(g)} triples), median:")
    print(f"  facts -> graph          {build_only:6.3f} s")
    print(f"  SHACL validation        {val:6.3f} s")
    print(f"  Turtle, kg writer       {ours:6.3f} s   ({theirs / ours:.1f}x faster than rdflib's writer)")
    print(f"  Turtle, rdflib writer   {theirs:6.3f} s")


if __name__ == "__main__":
    main()
