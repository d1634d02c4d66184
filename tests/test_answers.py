"""Answers kept per build (kg/ask/answers.py): on a real build's store, asking again reads the kept answer
(the same rows, Oxigraph not asked), a rebuild that changes the store drops it, a corrupt or foreign file is
ignored and written again, and nothing is kept off the store path."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.api import query
from kg.ask import answers
from kg.ask.results import TermRows
from kg.pipeline import build_corpus
from kg.store.embedded import store_for
from tests.conftest import CORPUS

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
NOTE = ('SELECT ?note WHERE { ?s <https://w3id.org/kg-talent/ontology#note> ?note '
        'FILTER(CONTAINS(?note, "hnrb/html/2023-05/12")) }')


class Counting:
    """An Oxigraph store that counts the queries it evaluates."""

    def __init__(self, ox):
        self.ox, self.evaluations = ox, 0

    def query(self, *args, **kw):
        self.evaluations += 1
        return self.ox.query(*args, **kw)

    def __getattr__(self, name):
        return getattr(self.ox, name)


def _counted(graph_file: Path):
    st = store_for(graph_file)
    assert st is not None and st.stamp
    st.ox = Counting(st.ox)
    return st


def _build(root: Path):
    """The shipped corpus built document by document with its store (a copy, so that it can be edited)."""
    work = root / "corpus"
    shutil.copytree(CORPUS, work)
    out = root / "out"
    r = build_corpus(corpus=work, out_dir=out, progress=False, store=True)
    assert r.store == out / "store"
    return work, out, r


@pytest.fixture(scope="module")
def built_once(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("answers"))


@pytest.fixture()
def shared(built_once):
    """The module's build, with no answer kept yet (the tests that use it do not change the build)."""
    shutil.rmtree(built_once[1] / "store" / "answers", ignore_errors=True)
    return built_once


@pytest.fixture()
def build(tmp_path):
    """A build of this test's own (to edit, rebuild or spoil)."""
    return _build(tmp_path)


def test_second_ask_reads_the_kept_answer(shared):
    _work, out, _r = shared
    st = _counted(out / "graph.trig")
    first = query("honors-by-person", graph=st)
    assert st.ox.evaluations == 1 and not isinstance(first.rows, TermRows)
    again = query("honors-by-person", graph=st)
    assert st.ox.evaluations == 1  # not asked again
    assert isinstance(again.rows, TermRows) and again.variables == first.variables
    assert again.rows == first.rows and [r for r in again.rows] == list(first.rows)
    fresh = query("honors-by-person", graph=st, cache=False)
    assert st.ox.evaluations == 2 and fresh.rows == again.rows
    holders = {(str(r["recipient"]), str(r["honor"])) for r in again.rows}
    assert ("伍志明", "全国技术能手") in holders and len(again.rows) == 18
    # a parameter is part of the bound text: another value is another answer
    p1 = query("person-profile", graph=st, params={"name": "易冉"})
    p2 = query("person-profile", graph=st, params={"name": "伍志明"})
    assert st.ox.evaluations == 4
    assert query("person-profile", graph=st, params={"name": "易冉"}).as_dicts() == p1.as_dicts()
    assert st.ox.evaluations == 4 and p1.as_dicts() != p2.as_dicts()
    assert sorted(r["value"] for r in p1.as_dicts() if r["aspect"] == "荣誉") == ["党的二十大代表", "大国工匠"]
    # ASK answers too; a path to the graph file opens the same store and finds the same answers
    assert query("person-mentioned", graph=st, params={"name": "易冉"}).boolean is True
    assert query("person-mentioned", graph=out / "graph.trig", params={"name": "易冉"}).boolean is True
    assert st.ox.evaluations == 5
    kept = sorted(p.name for p in (out / "store" / "answers").rglob("*.json"))
    assert len(kept) == 4


def test_cli_no_cache_and_all(shared):
    from tests.conftest import run_kg

    _work, out, _r = shared
    graph = str(out / "graph.trig")
    cold = run_kg("query", "timeline", "--graph", graph, "--format", "csv")
    assert cold.returncode == 0 and "zhuzhou-2022-37" in cold.stdout
    kept = answers.kept(load_bound("timeline"), store=store_for(out / "graph.trig"))
    assert kept.is_file()
    warm = run_kg("query", "timeline", "--graph", graph, "--format", "csv")
    plain = run_kg("query", "timeline", "--graph", graph, "--format", "csv", "--no-cache")
    assert warm.stdout == cold.stdout == plain.stdout
    shutil.rmtree(out / "store" / "answers")
    run_kg("query", "timeline", "--graph", graph, "--no-cache")
    assert not (out / "store" / "answers").exists()  # --no-cache keeps nothing


@pytest.mark.slow
def test_query_all_keeps_every_answer(shared):
    from tests.conftest import run_kg

    _work, out, _r = shared
    graph = str(out / "graph.trig")
    every = run_kg("query", "--all", "--graph", graph, "--format", "tsv")
    assert every.returncode == 0
    from kg.ask.sparql import query_kind

    tabular = [n for n in load_names() if query_kind(load_bound(n)) != "graph"]  # CONSTRUCT is not kept
    assert len(tabular) == len(load_names()) - 1
    assert len(list((out / "store" / "answers").rglob("*.json"))) == len(tabular)
    assert run_kg("query", "--all", "--graph", graph, "--format", "tsv").stdout == every.stdout


def load_names() -> list[str]:
    from kg.ask.catalog import load_catalog

    return list(load_catalog())


def load_bound(name: str) -> str:
    from kg.ask.catalog import load_catalog

    return load_catalog()[name].bound_text()


def test_a_rebuild_that_changes_the_store_drops_the_answers(build):
    work, out, r = build
    st = _counted(out / "graph.trig")

    def note() -> str:
        rows = query(NOTE, graph=st).rows
        return str(rows[0]["note"]) if len(rows) == 1 else f"{len(rows)} rows"

    first = note()
    assert first.startswith("Dateline 5月11日讯") and note() == first and st.ox.evaluations == 1
    old_file = answers.kept(NOTE, store=st)
    assert old_file.is_file()
    facts = work / "documents" / "hunan-2023-news-high-skill-commendation" / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    assert 'note: "Dateline 5月11日讯' in text
    facts.write_text(text.replace('note: "Dateline 5月11日讯', 'note: "Dateline 5月11日讯 (edited)', 1), encoding="utf-8")
    again = build_corpus(corpus=work, out_dir=out, progress=False, store=True)
    assert again.rebuilt == 1 and again.triples == r.triples
    assert not old_file.exists()  # the new stamp dropped the answers of the old content
    st = _counted(out / "graph.trig")
    assert note().startswith("Dateline 5月11日讯 (edited)") and st.ox.evaluations == 1
    # a rebuild with no change keeps the store, its stamp and the answers
    build_corpus(corpus=work, out_dir=out, progress=False, store=True)
    st = _counted(out / "graph.trig")
    assert note().startswith("Dateline 5月11日讯 (edited)") and st.ox.evaluations == 0


def test_an_answer_kept_under_another_stamp_is_not_read(build):
    _work, out, r = build
    st = _counted(out / "graph.trig")
    real = st.stamp
    assert int(query(COUNT, graph=st).rows[0]["n"]) == r.triples
    assert answers.current(st) and answers.kept(COUNT, store=st).is_file()
    # a reader opened under another stamp (a build stamped the store again while it asked): it reads only what
    # was kept under its own stamp, and keeps nothing (its answer may be of the old content)
    st.stamp = "0" * 64
    assert not answers.current(st)
    old_dir = answers.folder(st)
    old_dir.mkdir(parents=True)
    fake = query("SELECT (42 AS ?n) WHERE {}", graph=st, cache=False)
    assert st.ox.evaluations == 2
    (old_dir / answers.kept(COUNT, store=st).name).write_bytes(answers.Answer.of(COUNT, fake).to_bytes())
    assert int(query(COUNT, graph=st).rows[0]["n"]) == 42 and st.ox.evaluations == 2
    assert query("honors-by-person", graph=st).rows and st.ox.evaluations == 3
    assert answers.write_answer(COUNT, fake, store=st) is None
    assert [p.name for p in old_dir.iterdir()] == [answers.kept(COUNT, store=st).name]
    st.stamp = real
    assert int(query(COUNT, graph=st).rows[0]["n"]) == r.triples and st.ox.evaluations == 3
    query("honors-by-person", graph=st)  # kept under the real stamp: the other stamp's folder is dropped
    assert st.ox.evaluations == 4 and not old_dir.exists()


@pytest.mark.parametrize("spoil", ["truncated", "not-json", "foreign", "other-format", "bad-index", "short-cells", "empty"])
def test_a_corrupt_or_foreign_file_is_ignored_and_written_again(shared, spoil):
    _work, out, _r = shared
    st = _counted(out / "graph.trig")
    want = query("honors-by-person", graph=st, cache=False).rows
    text = load_bound("honors-by-person")
    query("honors-by-person", graph=st)
    path = answers.kept(text, store=st)
    data = path.read_bytes()
    head, _, cells = data.partition(b"\n")
    d = json.loads(head)
    line = lambda **change: json.dumps(dict(d, **change)).encode() + b"\n" + cells  # noqa: E731
    spoiled = {
        "truncated": data[: len(data) // 2],
        "not-json": b"\xff\xfe not json",
        "foreign": line(query=COUNT),  # the answer of another query
        "other-format": line(format="kg-answer/0"),
        "bad-index": line()[: len(head) + 1] + (len(d["terms"]) // 2).to_bytes(4, "little") + cells[4:],
        "short-cells": data[:-4],
        "empty": b"",
    }[spoil]
    path.write_bytes(spoiled)
    before = st.ox.evaluations
    got = query("honors-by-person", graph=st)
    assert st.ox.evaluations == before + 1 and got.rows == want
    assert path.read_bytes() == data  # written again, whole
    assert query("honors-by-person", graph=st).rows == want and st.ox.evaluations == before + 1


def test_nothing_is_kept_off_the_store_path(shared, graph, tmp_path):
    _work, out, _r = shared
    from kg.store.embedded import memory_store

    mem = memory_store(path=out / "graph.trig", fmt="trig")
    assert answers.folder(mem) is None
    r = query("honors-by-person", graph=mem)
    assert len(r.rows) == 18 and not isinstance(r.rows, TermRows)
    assert not isinstance(query("honors-by-person", graph=graph).rows, TermRows)  # rdflib graph: in memory


def test_a_store_that_cannot_be_written_still_answers(build):
    _work, out, _r = build
    st = _counted(out / "graph.trig")
    (out / "store" / "answers").write_text("a file where the folder should be", encoding="utf-8")
    assert len(query("honors-by-person", graph=st).rows) == 18
    assert len(query("honors-by-person", graph=st).rows) == 18 and st.ox.evaluations == 2


def test_the_answers_used_least_recently_go_first_past_the_bound(shared, monkeypatch):
    import time

    _work, out, _r = shared
    monkeypatch.setattr(answers, "KEEP_FILES", 3)
    st = _counted(out / "graph.trig")
    names = ["易冉", "伍志明", "何鹏", "陈志漫"]
    for name in names[:3]:
        query("person-profile", graph=st, params={"name": name})
        time.sleep(0.05)  # file times are kept to a clock tick: the order of use must be seen
    query("person-profile", graph=st, params={"name": "易冉"})  # read again: used now
    assert st.ox.evaluations == 3
    time.sleep(0.05)
    query("person-profile", graph=st, params={"name": "陈志漫"})  # a fourth: the least recently used goes
    assert len(list((out / "store" / "answers").rglob("*.json"))) == 3
    query("person-profile", graph=st, params={"name": "易冉"})
    query("person-profile", graph=st, params={"name": "何鹏"})
    assert st.ox.evaluations == 4  # both still kept
    query("person-profile", graph=st, params={"name": "伍志明"})
    assert st.ox.evaluations == 5  # it was dropped: asked again
