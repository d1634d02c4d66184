"""benchmarks/bench_corpus.py (what `make bench` runs): kg and the naive stack side by side, every figure printed."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    work = tmp_path_factory.mktemp("bench")
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_corpus.py"), "--sizes", "3",
                          "--runs", "1", "--budget", "300", "--work", str(work)],
                         cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-2000:]
    path = next(work.glob("*.json"))
    return run.stdout, json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_every_question_has_a_kg_and_a_naive_figure_and_a_ratio(figures):
    out, data = figures
    from kg.ask.catalog import load_catalog
    for name in load_catalog():
        assert re.search(rf"^  {re.escape(name)}\s+[\d,.]+ ms\s+[\d,.]+ ms\s+[\d,.]+x$", out, re.M), (name, out)
    naive = data["sizes"]["3"]["naive"]
    assert not naive.get("over_budget")
    for label in ("cold build", "Turtle export", "peak memory"):  # (3 documents take the small path: no
        # validation CPU per part)
        assert re.search(rf"^{label}.*\s[\d,.]+ (s|MB)\s+[\d,.]+ (s|MB)\s+[\d,.]+x$", out, re.M), (label, out)


@pytest.mark.slow
def test_a_naive_step_over_its_budget_is_a_lower_bound_of_its_own_question(figures):
    """A naive question stopped at its budget shows '> budget' with a lower-bound ratio, on its own row and
    on the slowest row (kg's slowest question, compared with the naive time of that same question)."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.bench_corpus import report

    _, data = figures
    size = data["sizes"]["3"]
    slow = max((q for q in size["kg"]["questions_ms"] if q != "engine"), key=size["kg"]["questions_ms"].get)
    del size["naive"]["questions_ms"][slow]
    size["naive"]["over_budget"] = ["q:" + slow]
    text = report(data)
    rows = [line for line in text.splitlines() if line.startswith(f"  {slow} ") or line.startswith(f"  slowest ({slow})")]
    assert len(rows) == 2, text
    for line in rows:
        assert re.search(r"> 30,000 ms\s+> [\d,.]+x$", line), line
    assert "their ratio is a lower bound" in text


def test_repeats_of_kept_answers_are_reported_apart_from_first_asks():
    """With answers kept per build, a repeat is a file read: the report shows it in its own labelled block,
    and every first-ask figure (each question's row, the slowest, the sums, the counts over 500 ms) comes from
    the runs with the cache bypassed."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.bench_corpus import report

    kg = {"triples": 1000, "facts": 100, "cold_build_s": 10.0, "docs_per_s": 1.0, "triples_per_s": 100.0,
          "one_doc_rebuild_s": 1.0, "no_change_rebuild_s": 0.5, "validation_cpu_s": 1.0, "turtle_export_s": 1.0,
          "peak_mb": 100.0, "questions_ms": {"engine": "Store", "timeline": 2500.0, "topics": 700.0},
          "answers_kept": True, "questions_cached_ms": {"timeline": 12.5, "topics": 3.25},
          "answer_bytes": {"timeline": 2048, "topics": 1024}}
    text = report({"commit": "x", "date": "d", "load": "1", "sizes": {"10": {"kg": kg}}})
    first, _, repeats = text.partition("asked again over the same build")
    assert "first ask (answer cache bypassed" in first and "NOT a first ask" in repeats
    assert re.search(r"^  timeline\s+2,500\.0 ms", first, re.M) and "12.5" not in first and "3.2" not in first
    assert re.search(r"^  slowest \(timeline\)\s+2,500\.0 ms", first, re.M)
    assert "over 500 ms: 2 of 2; over 2 s: 1" in first
    assert re.search(r"^    timeline\s+12\.5 ms\s+2,500\.0 ms\s+200\.0x\s+2 KB$", repeats, re.M), repeats
    kg.update(answers_kept=False, questions_cached_ms={}, answer_bytes={})
    text = report({"commit": "x", "date": "d", "load": "1", "sizes": {"10": {"kg": kg}}})
    assert "answers are not kept on this path" in text and "asked again" not in text
