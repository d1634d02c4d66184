"""Shared fixtures: the graph of the shipped letter (one document of the corpus, with the registry entities
it uses) and the graph of the whole corpus, each built once per test session into a temporary folder."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

# Fixtures that start a SPARQL server: a test that uses one is marked `server` (see pyproject's markers).
SERVER_FIXTURES = {"oxigraph", "remote", "corpus_remote", "served", "fresh_server"}
# Fixtures that build the whole corpus (a few seconds each, and again in each worker): a test that uses one
# is marked `slow`, so the fast tier stays under 30 s as the corpus grows (each document's own build and
# check, test_corpus.py::test_every_document_builds_and_conforms_alone, stays in it).
CORPUS_FIXTURES = {"corpus_built", "grown", "with_new_document"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if SERVER_FIXTURES & used:
            item.add_marker(pytest.mark.server)
        if CORPUS_FIXTURES & used:
            item.add_marker(pytest.mark.slow)

def run_kg(*args: str, cwd: Path | str | None = None) -> subprocess.CompletedProcess:
    """Run the kg command line in this process (``kg.cli.main``, what ``python -m kg`` calls) in ``cwd``, its
    output captured: a CompletedProcess as subprocess.run(..., capture_output=True, text=True) gives, without
    a new interpreter's start (about a second of CPU each). Tests that need a real process (the entry point,
    resource limits, hash seeds) still start one."""
    import contextlib
    import gc
    import io
    import os

    from kg.cli import main

    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(here)
        gc.enable()  # kg build turns the cyclic collector off for its short-lived process
    return subprocess.CompletedProcess(["kg", *args], code, out.getvalue(), err.getvalue())


ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data"
DOC = "zhuzhou-2022-37"
DOC_DIR = CORPUS / "documents" / DOC
SOURCE = DOC_DIR / "000_cac52bcbbc1639b0.txt"
FACTS = DOC_DIR / "facts.yaml"


@pytest.fixture(scope="session")
def source_text() -> str:
    return SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """BuildResult of the shipped letter, written to a temporary work/build/graph.trig and graph.ttl."""
    from kg.api import build

    return build(doc=DOC, out_dir=tmp_path_factory.mktemp("work") / "build")


@pytest.fixture(scope="session")
def graph(built):
    return built.graph


@pytest.fixture(scope="session")
def graph_file(built) -> Path:
    """The union as Turtle (graph.ttl)."""
    return built.outputs[1]


@pytest.fixture(scope="session")
def dataset_file(built) -> Path:
    """The dataset as TriG (graph.trig), one named graph per document: what commands read by default."""
    return built.outputs[0]


@pytest.fixture()
def in_built_dir(built, monkeypatch, tmp_path_factory) -> Path:
    """Run in a fresh temporary folder whose build/graph.trig (and .ttl) is the built graph of the letter:
    commands' defaults read it (a copy per test, so no test sees another's build)."""
    import shutil

    work = tmp_path_factory.mktemp("work")
    (work / "build").mkdir()
    for path in built.outputs:
        shutil.copy(path, work / "build" / path.name)
    monkeypatch.chdir(work)
    return work


@pytest.fixture(scope="session")
def corpus_built(tmp_path_factory):
    """BuildResult of the whole corpus (every document under data/documents/)."""
    from kg.api import build

    return build(corpus=CORPUS, out_dir=tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def generated_build(tmp_path_factory):
    """``generated_build(docs=N, seed=S)``: the output folder of a generated corpus (benchmarks/gen_corpus.py)
    built with its cache, made once per (docs, seed) for the session. Read-only for the tests that use it."""
    made: dict = {}

    def build(*, docs: int, seed: int) -> Path:
        if (docs, seed) not in made:
            from benchmarks.gen_corpus import generate
            from kg.pipeline import build_corpus

            root = tmp_path_factory.mktemp(f"generated-{docs}-{seed}")
            generate(root / "corpus", docs=docs, seed=seed)
            build_corpus(corpus=root / "corpus", out_dir=root / "out", progress=False, jobs=1)
            made[docs, seed] = root / "out"
        return made[docs, seed]

    return build
