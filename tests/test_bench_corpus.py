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
