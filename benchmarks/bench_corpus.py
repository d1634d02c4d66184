"""Benchmark corpus builds (a benchmark, not a test): kg against the naive stack, side by side, per size.

For each size N (generated corpora, benchmarks/gen_corpus.py) it times, as cold processes of the real
commands where a user would run them:
  - kg build, cold (empty cache): seconds, documents/s, triples/s, peak memory of the process tree
  - kg build after one document changed, and with no change
  - validation (CPU seconds summed over the documents' parts, and the shared part)
  - every catalog question: median latency (in process, on the store `kg query` uses)
  - kg export --format turtle
and, for sizes up to --naive-max, the naive stack in one process: rdflib graph of the corpus (the one-graph
builder), pySHACL over the whole graph, rdflib SPARQL for the same questions, rdflib's Turtle writer —
with the ratio naive/kg. Each naive step has a time budget; a step over it is reported as "> budget".

Figures go to build/bench/<commit>.json (comparable between commits) and a table on stdout.

Usage: python benchmarks/bench_corpus.py [--sizes 100,1000] [--naive-max 1000] [--budget 300] [--runs 5]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.gen_corpus import GENERATOR_VERSION, generate  # noqa: E402

PY = sys.executable


# ---------------------------------------------------------------------------------------------- processes

def _tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants, from /proc."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(x) for x in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def timed(cmd: list[str], *, timeout: float | None = None, env: dict | None = None) -> dict:
    """Run a command; its wall time, exit code and peak memory of its process tree (sampled every 50 ms)."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            done.wait(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        done.set()
        return {"seconds": None, "timeout": timeout, "peak_mb": peak[0] / 2**20}
    finally:
        done.set()
        th.join()
    secs = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode()[-2000:]}")
    return {"seconds": secs, "peak_mb": peak[0] / 2**20, "stdout": out.decode("utf-8", "replace"),
            "stderr": err.decode("utf-8", "replace")}


# ---------------------------------------------------------------------------------------------- kg

def corpus_for(n: int, root: Path) -> Path:
    folder = root / f"corpus-{n}"
    stamp = folder / ".generator"
    if not stamp.exists() or stamp.read_text() != GENERATOR_VERSION:
        shutil.rmtree(folder, ignore_errors=True)
        generate(folder, docs=n, seed=1)
        stamp.write_text(GENERATOR_VERSION)
    return folder


def touch_one(corpus: Path, n: int, round_: int) -> None:
    """Change one document's facts (a period written differently), as an editor would."""
    facts = corpus / "documents" / f"gen-{n // 2:05d}" / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    marks = ("截至目前", "截至今年")
    a, b = (marks if round_ % 2 == 0 else marks[::-1])
    facts.write_text(text.replace(f'period: "{a}"', f'period: "{b}"', 1), encoding="utf-8")


def bench_kg(n: int, corpus: Path, work: Path, runs: int) -> dict:
    out = work / f"out-{n}"
    shutil.rmtree(out, ignore_errors=True)
    kg = [PY, "-m", "kg"]
    res: dict = {}
    cold = timed(kg + ["build", "--corpus", str(corpus), "--out-dir", str(out)])
    res["cold_build_s"] = cold["seconds"]
    res["peak_mb"] = cold["peak_mb"]
    stats = _stats(out)
    res.update(stats)
    res["docs_per_s"] = n / cold["seconds"]
    res["triples_per_s"] = stats["triples"] / cold["seconds"]
    touch_one(corpus, n, 0)
    one = timed(kg + ["build", "--corpus", str(corpus), "--out-dir", str(out)])
    touch_one(corpus, n, 1)  # back as it was
    timed(kg + ["build", "--corpus", str(corpus), "--out-dir", str(out)])
    res["one_doc_rebuild_s"] = one["seconds"]
    res["no_change_rebuild_s"] = statistics.median(
        timed(kg + ["build", "--corpus", str(corpus), "--out-dir", str(out)])["seconds"] for _ in range(3))
    res["questions_ms"] = _questions(out / "graph.ttl", runs)
    exp = work / f"export-{n}.ttl"
    res["turtle_export_s"] = timed(kg + ["export", "--format", "turtle", "--graph", str(out / "graph.ttl"),
                                         "-o", str(exp)])["seconds"]
    exp.unlink(missing_ok=True)
    return res


def _stats(out: Path) -> dict:
    """Figures the build left in its cache: triples, documents, validation CPU time, per-stage CPU time."""
    import pickle

    with open(out / "cache" / "index.pickle", "rb") as fh:
        index = pickle.load(fh)
    docs = index["docs"].values()
    stages: dict = {}
    for e in docs:
        for k, v in (getattr(e, "seconds", None) or {}).items():
            stages[k] = stages.get(k, 0.0) + v
    last = index.get("last_build", {})
    return {"documents": len(index["docs"]), "triples": last.get("triples"), "facts": last.get("facts"),
            "validation_cpu_s": stages.get("validate", 0.0) + last.get("seconds", {}).get("shared", 0.0),
            "stage_cpu_s": {k: round(v, 2) for k, v in sorted(stages.items())},
            "parent_s": {k: round(v, 2) for k, v in last.get("seconds", {}).items()}}


def _questions(graph_file: Path, runs: int) -> dict:
    code = f"""
import json, statistics, time
from kg.api import catalog, query
from kg.store.read import open_graph
g = open_graph({str(graph_file)!r})
out = {{"engine": type(g).__name__}}
for name in catalog():
    ts = []
    for _ in range({runs}):
        t = time.perf_counter(); query(name, graph=g); ts.append(time.perf_counter() - t)
    out[name] = statistics.median(ts) * 1000
print(json.dumps(out))
"""
    return json.loads(timed([PY, "-c", code])["stdout"].strip().splitlines()[-1])


# ---------------------------------------------------------------------------------------------- naive

NAIVE = r"""
import json, sys, time
corpus, budget, runs = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
def say(k, v):
    print(json.dumps({k: v}), flush=True)
t = time.perf_counter()
from kg.graph.builder import build_graph
g = build_graph(corpus_dir=corpus).graph
say("build_s", time.perf_counter() - t); say("triples", len(g))
import pyshacl
from kg.facts.ontology import load_shapes
t = time.perf_counter()
pyshacl.validate(g, shacl_graph=load_shapes(), inference="none", advanced=True)
say("validate_s", time.perf_counter() - t)
from kg.ask.catalog import load_catalog
for name, q in load_catalog().items():
    text = q.bound_text()
    ts = []
    for _ in range(runs):
        t = time.perf_counter(); list(g.query(text)); ts.append(time.perf_counter() - t)
        if ts[-1] > budget / 10:
            break
    ts.sort(); say("q:" + name, ts[len(ts) // 2] * 1000)
t = time.perf_counter()
g.serialize(format="turtle")
say("turtle_s", time.perf_counter() - t)
"""


def bench_naive(corpus: Path, budget: float, runs: int) -> dict:
    """The naive stack in one process, step by step; what is not done within ``budget`` seconds per step is
    reported missing (the process is stopped)."""
    res: dict = {"questions_ms": {}}
    proc = subprocess.Popen([PY, "-c", NAIVE, str(corpus), str(budget), str(runs)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)
    peak = [0]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            stop.wait(0.1)

    threading.Thread(target=sample, daemon=True).start()
    last = time.monotonic()
    t0 = time.perf_counter()
    killer = threading.Timer(budget * 4, proc.kill)  # the whole naive run: build, validate, questions, Turtle
    killer.start()
    for line in proc.stdout:
        item = json.loads(line)
        for k, v in item.items():
            if k.startswith("q:"):
                res["questions_ms"][k[2:]] = v
            else:
                res[k] = v
        last = time.monotonic()
    killer.cancel()
    proc.wait()
    stop.set()
    res["peak_mb"] = peak[0] / 2**20
    res["complete"] = proc.returncode == 0
    res["seconds"] = time.perf_counter() - t0
    del last
    return res


# ---------------------------------------------------------------------------------------------- report

def _fmt(v, unit="s") -> str:
    if v is None:
        return "—"
    if unit == "ms":
        return f"{v:,.1f} ms"
    if unit == "MB":
        return f"{v:,.0f} MB"
    return f"{v:,.2f} s"


def _ratio(naive, ours) -> str:
    return f"{naive / ours:,.1f}x" if naive and ours else "—"


def report(figures: dict) -> str:
    lines = [f"kg bench  commit {figures['commit']}  {figures['date']}  load avg {figures['load']}  "
             f"cores {os.cpu_count()}"]
    for n, f in figures["sizes"].items():
        k, nv = f["kg"], f.get("naive") or {}
        lines += ["", f"== {int(n):,} documents, {k['triples']:,} triples, {k['facts']:,} facts =="]
        lines.append(f"{'':34}{'kg':>14}{'naive':>14}{'naive/kg':>10}")

        def row(label, a, b=None, unit="s"):
            lines.append(f"{label:34}{_fmt(a, unit):>14}{_fmt(b, unit) if b is not None or nv else '':>14}"
                         f"{_ratio(b, a) if b is not None else '':>10}")

        naive_build = None
        if nv.get("build_s") is not None:
            naive_build = nv["build_s"] + (nv.get("validate_s") or 0) + (nv.get("turtle_s") or 0) \
                if nv.get("validate_s") is not None and nv.get("turtle_s") is not None else None
        row("cold build (load, check, validate, store, write)", k["cold_build_s"], naive_build)
        lines.append(f"{'  documents/s, triples/s':34}{k['docs_per_s']:>14,.1f}{k['triples_per_s']:>14,.0f}")
        row("rebuild, one document changed", k["one_doc_rebuild_s"])
        row("rebuild, no change", k["no_change_rebuild_s"])
        row("validation (CPU, all parts)", k["validation_cpu_s"], nv.get("validate_s"))
        row("Turtle export", k["turtle_export_s"], nv.get("turtle_s"))
        row("peak memory (process tree)", k["peak_mb"], nv.get("peak_mb"), unit="MB")
        qs = {q: v for q, v in k["questions_ms"].items() if q != "engine"}
        nq = nv.get("questions_ms", {})
        lines.append(f"questions on {k['questions_ms'].get('engine')} (median ms):")
        for q, v in sorted(qs.items()):
            row(f"  {q}", v, nq.get(q) if nv else None, unit="ms")
        if qs:
            row("  slowest", max(qs.values()), max(nq.values()) if nq else None, unit="ms")
        if nv and not nv.get("complete"):
            lines.append("  (naive run stopped at its time budget: missing figures are over it)")
        lines.append(f"  parent phases (last build): {k.get('parent_s')}")
        lines.append(f"  worker CPU by stage (cold build): {k.get('stage_cpu_s')}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100", help="comma-separated corpus sizes (default 100; 1000; 10000 by hand)")
    ap.add_argument("--naive-max", type=int, default=1000, help="run the naive stack up to this size (default 1000)")
    ap.add_argument("--budget", type=float, default=300, help="seconds per naive step before it is given up")
    ap.add_argument("--runs", type=int, default=5, help="runs per question (median)")
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "bench", help="corpora, outputs and figures")
    args = ap.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    figures = {"commit": commit or "unknown", "date": time.strftime("%Y-%m-%d %H:%M"),
               "load": " ".join(f"{x:.1f}" for x in os.getloadavg()), "sizes": {}}
    for n in (int(x) for x in args.sizes.split(",")):
        corpus = corpus_for(n, args.work)
        print(f"[{n} documents] kg …", file=sys.stderr, flush=True)
        f = {"kg": bench_kg(n, corpus, args.work, args.runs)}
        if n <= args.naive_max:
            print(f"[{n} documents] naive …", file=sys.stderr, flush=True)
            f["naive"] = bench_naive(corpus, args.budget, max(1, args.runs // 2))
        figures["sizes"][str(n)] = f
    figures["load_after"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    path = args.work / f"{commit or 'unknown'}.json"
    path.write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")
    print(report(figures))
    print(f"\nfigures: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
