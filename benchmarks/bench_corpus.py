"""Benchmark corpus builds (a benchmark, not a test): kg against the naive stack, side by side, per size.

For each size N (generated corpora, benchmarks/gen_corpus.py) it times, as cold processes of the real
commands where a user would run them:
  - kg build, cold (empty cache): seconds, documents/s, triples/s, peak memory of the process tree
  - kg build after one document changed (median of 4), and with no change (median of 3)
  - kg build --answers after it (nothing changed: the catalog's answers prepared, kg.ask.prepare)
  - validation (CPU seconds summed over the documents' parts, and the shared part)
  - every catalog question: median latency of the first ask (in process, on the store `kg query` uses, the
    answer cache bypassed) and, where answers are kept (a build's store), of the ask after kg build --answers
    that reads the prepared answer, reported apart and labelled so
  - kg export --format turtle
and, for sizes up to --naive-max, the naive stack in one process: rdflib graph of the corpus (the one-graph
builder), pySHACL over the whole graph, rdflib SPARQL for the same questions, rdflib's Turtle writer —
with the ratio naive/kg. Each naive step has a time budget; a step over it is reported as "> budget".

Figures go to build/bench/<commit>.json (comparable between commits) and a table on stdout.

Besides each figure, the report gives per size: the sum of the question medians (all, and over the questions
the naive run answered, with the ratio), how many questions are over 500 ms and over 2 s, and a naive step
that ran out of its budget as "> budget" (its ratio then a lower bound). Questions of kg have a budget too
(a tenth of --budget): a slow one is run fewer times.

Usage: python benchmarks/bench_corpus.py [--sizes 100,1000] [--naive-max 1000] [--budget 300] [--runs 5]
       python benchmarks/bench_corpus.py --sizes 1000 --compare build/bench/<earlier commit>.json
       python benchmarks/bench_corpus.py --report build/bench/<commit>.json [--compare <other>.json]
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


class PeakSampler:
    """Sample the resident memory of a process tree (``_tree_rss``) on a thread every ``interval`` seconds
    until ``stop()``, which returns the peak in bytes (also ``bytes``)."""

    def __init__(self, pid: int, *, interval: float) -> None:
        self.bytes = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(pid, interval), daemon=True)
        self._thread.start()

    def _run(self, pid: int, interval: float) -> None:
        while not self._done.is_set():
            self.bytes = max(self.bytes, _tree_rss(pid))
            self._done.wait(interval)

    def stop(self) -> int:
        self._done.set()
        self._thread.join()
        return self.bytes


def timed(cmd: list[str], *, timeout: float | None = None, env: dict | None = None) -> dict:
    """Run a command; its wall time, exit code and peak memory of its process tree (sampled every 50 ms)."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    peak = PeakSampler(proc.pid, interval=0.05)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        return {"seconds": None, "timeout": timeout, "peak_mb": peak.stop() / 2**20}
    finally:
        peak.stop()
    secs = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode()[-2000:]}")
    return {"seconds": secs, "peak_mb": peak.bytes / 2**20, "stdout": out.decode("utf-8", "replace"),
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


def bench_kg(n: int, corpus: Path, work: Path, runs: int, budget: float = 30.0) -> dict:
    out = work / f"out-{n}"
    shutil.rmtree(out, ignore_errors=True)
    kg = [PY, "-m", "kg"]
    res: dict = {}
    cold = timed(kg + ["build", "--corpus", str(corpus), "--out-dir", str(out)])
    res["cold_build_s"] = cold["seconds"]
    res["peak_mb"] = cold["peak_mb"]
    stats = _stats(out, cold["stdout"])
    res.update(stats)
    res["docs_per_s"] = n / cold["seconds"]
    res["triples_per_s"] = stats["triples"] / cold["seconds"]
    ones = []
    for round_ in range(4):  # changed, back as it was, changed, back: each rebuild is one changed document
        touch_one(corpus, n, round_)
        ones.append(timed(kg + ["build", "--corpus", str(corpus), "--out-dir", str(out)])["seconds"])
    res["one_doc_rebuild_s"] = statistics.median(ones)
    res["one_doc_rebuild_runs_s"] = ones
    res["no_change_rebuild_s"] = statistics.median(
        timed(kg + ["build", "--corpus", str(corpus), "--out-dir", str(out)])["seconds"] for _ in range(3))
    # the catalog's answers prepared by the build (kg build --answers; nothing changed, so only the answers)
    prep = timed(kg + ["build", "--corpus", str(corpus), "--out-dir", str(out), "--answers"])
    res["prepare_answers_s"] = prep["seconds"]
    res["prepare_answers_peak_mb"] = prep["peak_mb"]
    res["prepare_answers_said"] = prep["stdout"].strip().splitlines()[-1] if prep["stdout"].strip() else ""
    qs = _questions(out / "graph.ttl", runs, budget)
    res["answers_kept"] = qs.pop("answers_kept")  # the repeats apart: questions_ms stays first asks only
    res["questions_cached_ms"] = qs.pop("cached")
    res["answer_bytes"] = qs.pop("cached_bytes")
    res["questions_ms"] = qs
    exp = work / f"export-{n}.ttl"
    res["turtle_export_s"] = timed(kg + ["export", "--format", "turtle", "--graph", str(out / "graph.ttl"),
                                         "-o", str(exp)])["seconds"]
    exp.unlink(missing_ok=True)
    return res


def _stats(out: Path, said: str = "") -> dict:
    """Figures the build left in its cache: triples, documents, validation CPU time, per-stage CPU time (a
    corpus too small for a cache: the counts kg build printed, no stage times)."""
    import re

    if not (out / "cache" / "index.pickle").exists():
        m = re.search(r"built (\d+) documents.*?(\d+) facts, (\d+) triples", said)
        d, f, t = (int(x) for x in m.groups()) if m else (None, None, None)
        return {"documents": d, "triples": t, "facts": f, "validation_cpu_s": None, "stage_cpu_s": {}, "parent_s": {}}
    from kg.store.cache import BuildCache

    index = BuildCache(out / "cache").index
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


def _questions(graph_file: Path, runs: int, budget: float = 30.0) -> dict:
    """Every catalog question, in one process on the graph `kg query` uses: the first ask (the median of
    ``runs`` asks with the answer cache bypassed, ``cache=False``: each one runs the query; every row read)
    under the question's name; and, on a store that keeps answers (kg.ask.answers), the repeat: one ask that
    keeps the answer, then the median of ``runs`` asks that read it back (every row read), under ``cached``
    (with the kept file's size under ``cached_bytes``). A cached figure is never a first ask: bench_kg stores
    the repeats apart (``questions_cached_ms``), so ``questions_ms`` means what it meant in earlier figures."""
    code = f"""
import json, statistics, time
from kg.api import catalog, query
from kg.ask import answers
from kg.store.read import open_graph
g = open_graph({str(graph_file)!r})
def rows(r):  # every row read (a kept answer makes its rdflib terms when its rows are first read)
    return list(r.rows) if r.kind == "select" else r.boolean
keeps = answers.folder(g) is not None
out = {{"engine": type(g).__name__, "cached": {{}}, "cached_bytes": {{}}, "answers_kept": keeps}}
for name, q in catalog().items():
    ts = []
    for _ in range({runs}):
        t = time.perf_counter(); rows(query(name, graph=g, cache=False)); ts.append(time.perf_counter() - t)
        if sum(ts) > {budget}:  # a slow question: the median of the runs made within its budget
            break
    out[name] = statistics.median(ts) * 1000
    if not keeps:
        continue
    query(name, graph=g)  # asked once more, and kept
    kept = answers.kept(q.bound_text(), store=g)
    if kept is None or not kept.is_file():  # not kept (a CONSTRUCT question, a store that cannot be written)
        continue
    ts = []
    for _ in range({runs}):
        t = time.perf_counter(); rows(query(name, graph=g)); ts.append(time.perf_counter() - t)
    out["cached"][name] = statistics.median(ts) * 1000
    out["cached_bytes"][name] = kept.stat().st_size
print(json.dumps(out))
"""
    return json.loads(timed([PY, "-c", code], env=kg_env())["stdout"].strip().splitlines()[-1])


def kg_env() -> dict:
    """The environment the `kg` command gives itself (kg.cli.allocator: mimalloc preloaded where installed),
    for the questions asked in process here, so that they run as `kg query` runs them."""
    from kg.cli.allocator import library, plan

    return plan(dict(os.environ), library()) or dict(os.environ)


def allocator() -> str:
    """The allocator kg runs with here: ``mimalloc`` (preloaded) or ``system``."""
    from kg.cli.allocator import library

    lib = library()
    return "mimalloc" if lib is not None and str(lib) in kg_env().get("LD_PRELOAD", "") else "system"


def first_asks(questions_ms: dict) -> dict:
    """The first-ask medians of a figures file's ``questions_ms`` (question -> ms), without the engine."""
    return {q: v for q, v in questions_ms.items() if q != "engine"}


# ---------------------------------------------------------------------------------------------- naive

NAIVE = r"""
import gc, json, multiprocessing as mp, sys, time
corpus, budget, qbudget, runs = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
def say(k, v):
    print(json.dumps({k: v}), flush=True)
t = time.perf_counter()
from kg.graph.builder import build_graph
g = build_graph(corpus_dir=corpus).graph
say("build_s", time.perf_counter() - t); say("triples", len(g))
import pyshacl
from kg.ask.catalog import load_catalog
from kg.facts.ontology import load_shapes
shapes = load_shapes()
def validate(conn):
    t = time.perf_counter()
    pyshacl.validate(g, shacl_graph=shapes, inference="none", advanced=True)
    conn.send(time.perf_counter() - t)
def turtle(conn):
    t = time.perf_counter()
    g.serialize(format="turtle")
    conn.send(time.perf_counter() - t)
def ask(conn, text):
    for _ in range(runs):
        t = time.perf_counter(); list(g.query(text)); conn.send(time.perf_counter() - t)
def step(target, limit, *args):
    # each step in a forked child that shares the graph: one step over its budget is stopped alone and the
    # next step still runs (a step's figures are what the child sent before it was stopped)
    ctx = mp.get_context("fork")
    here, there = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=target, args=(there,) + args)
    proc.start(); there.close()
    got, t0 = [], time.perf_counter()
    while True:
        left = limit - (time.perf_counter() - t0)
        if left <= 0 or not here.poll(left):
            break
        try:
            got.append(here.recv())
        except EOFError:
            break
    stopped = proc.is_alive()
    proc.kill(); proc.join()
    if not got and not stopped:
        sys.exit(f"naive step {target.__name__} failed (exit {proc.exitcode})")
    return got
gc.freeze()  # the children share the graph's pages instead of copying them as the collector touches them
got = step(validate, budget)
say("validate_s", got[0] if got else None)
got = step(turtle, budget)
say("turtle_s", got[0] if got else None)
for name, q in load_catalog().items():
    got = sorted(step(ask, qbudget, q.bound_text()))
    say("q:" + name, got[len(got) // 2] * 1000 if got else None)
"""


def bench_naive(corpus: Path, budget: float, runs: int) -> dict:
    """The naive stack in one process: the graph first, then pySHACL, the Turtle writer and each question,
    each in a forked child with its own time budget (``budget`` seconds for a build step, a tenth of it for
    a question, as for kg): a step over its budget is stopped and reported "> budget", and the next runs."""
    res: dict = {"questions_ms": {}}
    proc = subprocess.Popen([PY, "-c", NAIVE, str(corpus), str(budget), str(budget / 10), str(runs)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    peak = PeakSampler(proc.pid, interval=0.1)
    t0 = time.perf_counter()
    killer = threading.Timer(budget, proc.kill)  # only while the graph is built: the steps after have their own
    killer.start()
    for line in proc.stdout:
        item = json.loads(line)
        for k, v in item.items():
            if k == "build_s":
                killer.cancel()
            if v is None:  # a step stopped at its budget
                res.setdefault("over_budget", []).append(k)
            elif k.startswith("q:"):
                res["questions_ms"][k[2:]] = v
            else:
                res[k] = v
    killer.cancel()
    proc.wait()
    if "build_s" not in res and proc.returncode == -9:
        res.setdefault("over_budget", []).append("build_s")
    elif proc.returncode != 0:
        raise SystemExit(f"the naive run failed ({proc.returncode}):\n{proc.stderr.read()[-2000:]}")
    res["peak_mb"] = peak.stop() / 2**20
    res["budget_s"] = budget
    res["question_budget_s"] = budget / 10
    res["complete"] = proc.returncode == 0
    res["seconds"] = time.perf_counter() - t0
    return res


# ---------------------------------------------------------------------------------------------- report

def _fmt(v, unit="s") -> str:
    if v is None:
        return "—"
    if isinstance(v, str):  # "> 300 s": a naive step stopped at its budget
        return v
    if unit == "ms":
        return f"{v:,.1f} ms"
    if unit == "MB":
        return f"{v:,.0f} MB"
    return f"{v:,.2f} s"


def _ratio(naive, ours) -> str:
    if isinstance(naive, str):  # "> 300 s" (same unit as ours): the ratio is at least budget / ours
        return f"> {float(naive.split()[1].replace(',', '')) / ours:,.1f}x" if ours else "—"
    return f"{naive / ours:,.1f}x" if naive and ours else "—"


def _over(nv: dict, key: str, unit: str = "s"):
    """A naive figure, or "> budget" when the naive run stopped before it (None when there was no naive run)."""
    if not nv:
        return None
    if nv.get(key) is not None:
        return nv[key]
    if key not in nv.get("over_budget", ()):  # not reached: the run stopped before this step
        return None
    if key.startswith("q:"):
        return f"> {nv.get('question_budget_s', nv['budget_s'] / 10) * 1000:,.0f} ms"
    return f"> {nv['budget_s'] * 1000:,.0f} ms" if unit == "ms" else f"> {nv['budget_s']:,.0f} s"


def question_totals(k: dict, nv: dict) -> dict:
    """Sum of the median latencies of every question (kg), and over the questions the naive run answered:
    kg's sum, the naive sum and their ratio; the number of questions the naive run did not answer."""
    qs = first_asks(k["questions_ms"])
    nq = (nv or {}).get("questions_ms", {})
    both = [q for q in qs if q in nq]
    kg_both = sum(qs[q] for q in both)
    return {"kg_all_ms": sum(qs.values()), "slowest_ms": max(qs.values()) if qs else None,
            "slowest": max(qs, key=qs.get) if qs else None, "over_500ms": sum(v > 500 for v in qs.values()),
            "over_2s": sum(v > 2000 for v in qs.values()), "answered_by_naive": len(both),
            "kg_answered_ms": kg_both, "naive_answered_ms": sum(nq[q] for q in both),
            "naive_missing": len(qs) - len(both) if nv else None}


def report(figures: dict) -> str:
    lines = [f"kg bench  commit {figures['commit']}  {figures['date']}  load avg {figures['load']}"
             f" (after: {figures.get('load_after', '?')})  cores {os.cpu_count()}"
             f"  allocator {figures.get('allocator', 'system')}"]
    for n, f in figures["sizes"].items():
        k, nv = f["kg"], f.get("naive") or {}
        lines += ["", f"== {int(n):,} documents, {k['triples']:,} triples, {k['facts']:,} facts =="]
        lines.append(f"{'':48}{'kg':>14}{'naive':>14}{'naive/kg':>10}")

        def row(label, a, b=None, unit="s"):
            lines.append(f"{label:48}{_fmt(a, unit):>14}{_fmt(b, unit) if b is not None or nv else '':>14}"
                         f"{_ratio(b, a) if b is not None else '':>10}")

        naive_build = None
        if nv:
            parts = [_over(nv, "build_s"), _over(nv, "validate_s"), _over(nv, "turtle_s")]
            if all(isinstance(x, (int, float)) for x in parts):
                naive_build = sum(parts)
            elif all(x is not None for x in parts):  # a step stopped at its budget counts as its budget
                done = sum(x if isinstance(x, (int, float)) else nv["budget_s"] for x in parts)
                naive_build = f"> {done:,.0f} s"
        row("cold build (load, check, validate, store, write)", k["cold_build_s"], naive_build)
        lines.append(f"{'  documents/s, triples/s (kg)':48}{k['docs_per_s']:>14,.1f}{k['triples_per_s']:>14,.0f}")
        row("  of which: load + graph (naive: rdflib graph)", None, _over(nv, "build_s"))
        row("rebuild, one document changed", k["one_doc_rebuild_s"])
        row("rebuild, no change", k["no_change_rebuild_s"])
        row("validation (kg: CPU over parts; naive: pySHACL)", k["validation_cpu_s"], _over(nv, "validate_s"))
        row("Turtle export", k["turtle_export_s"], _over(nv, "turtle_s"))
        row("peak memory (process tree, build)", k["peak_mb"], nv.get("peak_mb"), unit="MB")
        if k.get("prepare_answers_s") is not None:
            row("kg build --answers after it (answers only)", k["prepare_answers_s"])
            row("  cold build + answers", k["cold_build_s"] + k["prepare_answers_s"])
            row("  peak memory (process tree, answers)", k.get("prepare_answers_peak_mb"), unit="MB")
        qs = first_asks(k["questions_ms"])
        nq = nv.get("questions_ms", {})
        lines.append(f"questions on {k['questions_ms'].get('engine')}, first ask (answer cache bypassed; median ms):")
        for q, v in sorted(qs.items()):
            row(f"  {q}", v, (nq.get(q) if q in nq else _over(nv, "q:" + q, "ms")) if nv else None, unit="ms")
        t = question_totals(k, nv)
        f["totals"] = t
        if qs:
            slow = t["slowest"]  # kg's slowest question, and the naive run's time for the same question
            row(f"  slowest ({slow})", t["slowest_ms"],
                (nq.get(slow) if slow in nq else _over(nv, "q:" + slow, "ms")) if nv else None, unit="ms")
            row("  sum of all medians", t["kg_all_ms"], unit="ms")
            if nv:
                row(f"  sum over the {t['answered_by_naive']} the naive run answered", t["kg_answered_ms"],
                    t["naive_answered_ms"], unit="ms")
            lines.append(f"  over 500 ms: {t['over_500ms']} of {len(qs)}; over 2 s: {t['over_2s']}"
                         + (f"; not answered by the naive run within its budget: {t['naive_missing']}" if nv else ""))
        cached = k.get("questions_cached_ms") or {}
        if cached:
            sizes = k.get("answer_bytes") or {}
            if k.get("prepare_answers_s") is not None:
                lines.append("the same questions asked after `kg build --answers` (the answer prepared by the build and"
                             " read from its file; median ms):")
                lines.append(f"{'    question':48}{'prepared':>14}{'unprepared':>14}{'ratio':>10}{'answer file':>14}")
            else:
                lines.append("the same questions asked again over the same build (answer kept beside the store;"
                             " median ms, NOT a first ask):")
                lines.append(f"{'    question':48}{'repeat':>14}{'first ask':>14}{'first/rep':>10}{'answer file':>14}")
            for q, v in sorted(cached.items()):
                size = sizes.get(q)
                lines.append(f"{'    ' + q:48}{_fmt(v, 'ms'):>14}{_fmt(qs.get(q), 'ms'):>14}{_ratio(qs.get(q), v):>10}"
                             f"{(f'{size / 1024:,.0f} KB' if size is not None else ''):>14}")
            over = sum(v > 500 for v in cached.values())
            lines.append(f"    over 500 ms: {over} of {len(cached)}; over 2 s: {sum(v > 2000 for v in cached.values())}")
            lines.append(f"    sum of the repeats: {sum(cached.values()):,.0f} ms over {len(cached)} questions"
                         f" (their first asks: {sum(qs.get(q, 0) for q in cached):,.0f} ms); slowest repeat"
                         f" {max(cached, key=cached.get)} {max(cached.values()):,.1f} ms")
        elif "answers_kept" in k:
            lines.append("  (answers are not kept on this path: the graph is answered in memory)")
        if nv.get("over_budget"):
            qb = nv.get("question_budget_s", nv["budget_s"] / 10)
            lines.append(f"  (naive steps stopped at their time budget, {nv['budget_s']:,.0f} s a build step and"
                         f" {qb:,.0f} s a question, are shown '> …': their ratio is a lower bound)")
        lines.append(f"  parent phases (last build): {k.get('parent_s')}")
        lines.append(f"  worker CPU by stage (cold build): {k.get('stage_cpu_s')}")
    return "\n".join(lines)


COMPARED = (("cold_build_s", "cold build", "s"), ("one_doc_rebuild_s", "rebuild, one changed", "s"),
            ("no_change_rebuild_s", "rebuild, no change", "s"), ("validation_cpu_s", "validation CPU", "s"),
            ("turtle_export_s", "Turtle export", "s"), ("peak_mb", "peak memory", "MB"))


def compare(old: dict, new: dict) -> str:
    """Two figure files side by side (kg's figures per size): old, new and new/old."""
    lines = [f"compare {old['commit']} ({old['date']}, load {old['load']}) -> {new['commit']} ({new['date']}, "
             f"load {new['load']})"]
    for n, f in new["sizes"].items():
        o = old["sizes"].get(n)
        if o is None:
            continue
        a, b = o["kg"], f["kg"]
        lines += ["", f"== {int(n):,} documents ==", f"{'':34}{'old':>14}{'new':>14}{'new/old':>10}"]

        def row(label, x, y, unit):
            r = f"{y / x:,.2f}" if x and y else "—"
            lines.append(f"{label:34}{_fmt(x, unit):>14}{_fmt(y, unit):>14}{r:>10}")

        for key, label, unit in COMPARED:
            row(label, a.get(key), b.get(key), unit)
        for q in sorted(set(first_asks(a["questions_ms"])) | set(first_asks(b["questions_ms"]))):
            row(f"  {q} (first ask)", a["questions_ms"].get(q), b["questions_ms"].get(q), "ms")
        ca, cb = a.get("questions_cached_ms") or {}, b.get("questions_cached_ms") or {}
        for q in sorted(set(ca) | set(cb)):
            row(f"  {q} (repeat, kept answer)", ca.get(q), cb.get(q), "ms")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100", help="comma-separated corpus sizes (default 100; 1000; 10000 by hand)")
    ap.add_argument("--naive-max", type=int, default=1000, help="run the naive stack up to this size (default 1000)")
    ap.add_argument("--budget", type=float, default=300, help="seconds per naive step before it is given up")
    ap.add_argument("--runs", type=int, default=5, help="runs per question (median)")
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "bench", help="corpora, outputs and figures")
    ap.add_argument("--compare", type=Path, metavar="FILE",
                    help="figures of an earlier run (build/bench/<commit>.json) to print side by side")
    ap.add_argument("--report", type=Path, metavar="FILE",
                    help="print the report of a figures file (and --compare) without running anything")
    args = ap.parse_args(argv)
    if args.report:
        figures = json.loads(args.report.read_text(encoding="utf-8"))
        print(report(figures))
        if args.compare:
            print()
            print(compare(json.loads(args.compare.read_text(encoding="utf-8")), figures))
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    figures = {"commit": commit or "unknown", "date": time.strftime("%Y-%m-%d %H:%M"),
               "load": " ".join(f"{x:.1f}" for x in os.getloadavg()), "sizes": {},
               "allocator": allocator()}
    for n in (int(x) for x in args.sizes.split(",")):
        corpus = corpus_for(n, args.work)
        print(f"[{n} documents] kg …", file=sys.stderr, flush=True)
        f = {"kg": bench_kg(n, corpus, args.work, args.runs, args.budget / 10)}
        if n <= args.naive_max:
            print(f"[{n} documents] naive …", file=sys.stderr, flush=True)
            f["naive"] = bench_naive(corpus, args.budget, max(1, args.runs // 2))
        figures["sizes"][str(n)] = f
    figures["load_after"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    text = report(figures)  # also puts each size's question totals into the figures
    path = args.work / f"{commit or 'unknown'}.json"
    path.write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")
    print(text)
    print(f"\nfigures: {path}")
    if args.compare:
        print()
        print(compare(json.loads(args.compare.read_text(encoding="utf-8")), figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
