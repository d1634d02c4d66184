"""Fuzz the command line (tests/fuzz_cli.py): a few hundred mutated facts files, graph files and queries,
fixed seed. Every run ends with exit 0, 1 or 2, at most one line on stderr, no traceback, no file changed
outside its temporary folder, in bounded time. ``python -m tests.fuzz_cli 10000`` runs more."""
from __future__ import annotations

import pytest

from tests.fuzz_cli import fuzz, report

CASES = 300


@pytest.mark.slow
def test_fuzzed_inputs_end_cleanly():
    outcomes, figures = fuzz(CASES, seed=8, time_limit=20.0)
    text = report(outcomes, figures, show=10)
    assert not figures["failures"], text
    assert not figures["changed_outside"], text
    assert set(figures["exit_codes"]) <= {0, 1, 2}, text
    # the mix reaches every command and every outcome, so the cases are not all stopped at the first byte
    assert set(figures["by_kind"]) == {"build", "corpus", "validate", "query"}, text
    assert all(figures["exit_codes"][code] >= 10 for code in (0, 1, 2)), text


def test_cases_are_the_same_for_the_same_seed(tmp_path):
    import random

    from tests.fuzz_cli import make_case

    seeds = {"facts": "source: s.txt\ndocument: d\nfacts:\n- id: d\n  a: Policy\n  label: x\n  quote: y\n",
             "corpus": {"documents/zhuzhou-2022-37/facts.yaml": "document: d\n", "registry/entities.yaml": "x: 1\n"},
             "graph_file": "g.ttl", "queries": {"q": "SELECT * WHERE { ?s ?p ?o }"},
             **{k: "<http://e/s> <http://e/p> \"o\" .\n" for k in ("ttl", "nt", "jsonld", "xml", "trig", "nq")}}
    runs = []
    for i in range(2):
        rng = random.Random(5)
        cases = []
        for j in range(20):
            work = tmp_path / f"{i}-{j}"
            work.mkdir()
            case = make_case(rng, work, seeds)
            cases.append((case.kind, case.mutations, [a.replace(str(work), "W") for a in case.args],
                          sorted((p.name, p.read_bytes()) for p in work.iterdir() if p.is_file() and not p.is_symlink()
                                 and not p.name.startswith("fifo"))))
        runs.append(cases)
    assert runs[0] == runs[1]
