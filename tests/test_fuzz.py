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


def test_a_write_outside_the_case_folder_is_pinned_on_the_case(tmp_path, graph_file):
    """The audit hook sees kg write beside the case's folder (here: -o names another folder), and a write
    inside the folder is not a finding."""
    from tests.fuzz_cli import Case, run_case

    work = tmp_path / "case"
    work.mkdir()
    outside = run_case(Case("export", [], ["export", "--graph", str(graph_file), "-f", "nt", "-o",
                                           str(tmp_path / "elsewhere" / "g.nt")]), work, 20.0)
    assert outside.code == 0 and outside.problem.startswith("wrote outside its folder: "), outside
    assert str(tmp_path / "elsewhere") in outside.problem
    inside = run_case(Case("export", [], ["export", "--graph", str(graph_file), "-f", "nt", "-o", "out/g.nt"]),
                      work, 20.0)
    assert inside.code == 0 and inside.problem is None, inside
    assert (work / "out" / "g.nt").stat().st_size > 0


def test_files_a_checkout_puts_back_are_not_counted_as_kg_writes(tmp_path):
    """A tracked file equal to git's HEAD was changed by a checkout or merge (someone landing on the same
    working tree); a modified tracked file or a new file is still counted."""
    import subprocess

    from tests.fuzz_cli import written_by_git

    def git(*args):
        subprocess.run(["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@e", *args],
                       check=True, capture_output=True)

    git("init", "-q")
    for name in ("merged.txt", "edited.txt"):
        (tmp_path / name).write_text("one\n")
    git("add", ".")
    git("commit", "-qm", "one")
    (tmp_path / "merged.txt").write_text("two\n")
    git("commit", "-qam", "two")  # as a fast-forward merge leaves it: new content, equal to HEAD
    (tmp_path / "edited.txt").write_text("changed\n")
    (tmp_path / "new.txt").write_text("new\n")
    paths = [str(tmp_path / n) for n in ("merged.txt", "edited.txt", "new.txt")]
    assert written_by_git(tmp_path, paths) == {str(tmp_path / "merged.txt")}
    assert written_by_git(tmp_path / "new.txt", paths) == set()  # not a git working tree: nothing explained
