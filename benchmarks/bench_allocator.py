"""Benchmark the allocator of the kg program (a benchmark, not a test): mimalloc preloaded (kg.cli.allocator)
against the system allocator (KG_MALLOC=system), side by side in one run, as cold processes:
  - `kg query NAME --no-cache --format csv` for catalog questions on a build's store (the first ask)
  - loading the build's graph.trig into a new on-disk Oxigraph store (what kg build and kg serve's new
    locations do), in a process started the way kg starts itself
Runs alternate between the two settings (system, mimalloc, system, …) so that load changes hit both.

Usage: python benchmarks/bench_allocator.py BUILD_DIR [--questions all-figures,people-roles] [--runs 3]
       (BUILD_DIR: the --out-dir of a `kg build --corpus …` large enough to keep a store, e.g. 1,000 documents
       of benchmarks/gen_corpus.py)
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LOAD = ("import sys, pyoxigraph as ox; st = ox.Store(sys.argv[2]); "
        "st.bulk_load(path=sys.argv[1], format=ox.RdfFormat.TRIG); st.flush()")


def environment(setting: str) -> dict:
    """The environment of a process run with ``setting`` (system or mimalloc) as the kg program runs."""
    from kg.cli.allocator import library, plan

    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
    env["KG_MALLOC"] = setting
    if setting == "mimalloc":
        env = plan(env, library()) or env
    return env


def cpu_of(cmd: list[str], env: dict) -> tuple[float, float]:
    """Wall and CPU (user + system of the child) seconds of one run of ``cmd``."""
    before = os.times()
    t = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("build", type=Path, help="a build's --out-dir (with store/ and graph.trig)")
    ap.add_argument("--questions", default="all-figures,people-roles,honors-by-city,media-reports")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    from kg.cli.allocator import library

    if library() is None:
        print("mimalloc is not installed here (cmeel-mimalloc: Linux x86_64/aarch64): nothing to compare")
        return 0
    if not (args.build / "store").is_dir():
        print(f"error: {args.build}/store: not a build with a store (kg build --corpus … --out-dir DIR)",
              file=sys.stderr)
        return 2
    tasks = {f"kg query {q}": [sys.executable, "-m", "kg", "query", q, "--graph", str(args.build / "graph.trig"),
                               "--no-cache", "--format", "csv"] for q in args.questions.split(",")}
    work = Path(tempfile.mkdtemp(prefix="kg-alloc-"))
    tasks["bulk load graph.trig"] = [sys.executable, "-c", LOAD, str(args.build / "graph.trig"), str(work / "s")]
    print(f"allocator benchmark  {time.strftime('%Y-%m-%d %H:%M')}  load avg "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}  cores {os.cpu_count()}  runs {args.runs}")
    print(f"{'':32s} {'system (CPU s)':>15s} {'mimalloc':>10s} {'ratio':>7s}   wall: system  mimalloc")
    try:
        for label, cmd in tasks.items():
            got: dict = {"system": [], "mimalloc": []}
            for _ in range(args.runs):
                for setting in ("system", "mimalloc"):
                    shutil.rmtree(work / "s", ignore_errors=True)
                    got[setting].append(cpu_of(cmd, environment(setting)))
            s = statistics.median(c for _, c in got["system"])
            m = statistics.median(c for _, c in got["mimalloc"])
            ws = statistics.median(w for w, _ in got["system"])
            wm = statistics.median(w for w, _ in got["mimalloc"])
            print(f"{label:32s} {s:15.2f} {m:10.2f} {s / m:6.2f}x   {ws:12.2f} {wm:9.2f}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
