"""benchmarks/bench_build.py (what `make bench` runs first) runs to the end and prints its figures."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_bench_build_prints_every_figure():
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_build.py"), "1"], cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    for label in ("python -c pass", "import rdflib", "kg build (the corpus)", "facts -> graph", "SHACL validation",
                  "Turtle, kg writer", "Turtle, rdflib writer"):
        assert re.search(re.escape(label) + r"\s+\d+\.\d{3} s", run.stdout), (label, run.stdout)
