"""Answers prepared after a build (kg/ask/prepare.py): on a real build's store every catalog SELECT/ASK question
is kept, the kept answer is what asking the store gives, a second preparation asks nothing, a rebuild that
changes the store drops them, and `kg build --answers` says what it did."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from kg.api import query
from kg.ask import answers
from kg.ask.prepare import prepare_answers, questions
from kg.errors import QueryError
from kg.pipeline import build_corpus
from kg.store.embedded import store_for
from tests.conftest import CORPUS, run_kg


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    root = tmp_path_factory.mktemp("prepare")
    work = root / "corpus"
    shutil.copytree(CORPUS, work)
    out = root / "out"
    build_corpus(corpus=work, out_dir=out, progress=False, store=True)
    first = prepare_answers(out / "graph.trig", ask=query, jobs=2, progress=False)
    return work, out, first


def test_every_select_and_ask_question_is_kept(prepared):
    _, out, first = prepared
    expected = set(questions())
    assert "person-graph" not in expected and {"honors-by-person", "person-mentioned", "find-quote"} <= expected
    assert set(first.kept) == set(first.asked) == expected and first.already == [] and first.jobs == 2
    st = store_for(out / "graph.trig")
    for name, q in questions().items():
        assert answers.kept(q.bound_text(), store=st).is_file(), name


def test_kept_answer_is_the_store_answer(prepared, monkeypatch):
    _, out, _ = prepared
    st = store_for(out / "graph.trig")
    fresh = query("honors-by-person", graph=st, cache=False)
    import kg.ask.sparql

    monkeypatch.setattr(kg.ask.sparql, "run_store", lambda *a, **k: pytest.fail("asked the store, not the kept answer"))
    kept = query("honors-by-person", graph=st)
    assert kept.variables == fresh.variables and list(kept.rows) == list(fresh.rows)
    recipients = {str(r["recipient"]) for r in kept.rows}
    assert {"吴哲", "徐仲维", "伍志明"} <= recipients  # honored in the shipped documents


def test_second_preparation_asks_nothing(prepared):
    _, out, _ = prepared
    again = prepare_answers(out / "graph.ttl", ask=query, progress=False)
    assert again.asked == [] and set(again.already) == set(questions())


def test_a_rebuild_that_changes_the_store_drops_them(prepared, tmp_path):
    work, out, _ = prepared
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    corpus = tmp_path / "corpus"
    shutil.copytree(work, corpus)
    facts = corpus / "documents" / "hunan-2023-news-high-skill-commendation" / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    assert 'note: "Dateline 5月11日讯' in text
    facts.write_text(text.replace('note: "Dateline 5月11日讯', 'note: "Dateline 5月11日讯 (edited)', 1), encoding="utf-8")
    build_corpus(corpus=corpus, out_dir=copy, progress=False, store=True)
    st = store_for(copy / "graph.trig")
    q = questions()["timeline"]
    assert not answers.kept(q.bound_text(), store=st).is_file()
    some = prepare_answers(copy / "graph.trig", ask=query, names=["timeline"], jobs=1, progress=False)
    assert some.kept == ["timeline"] and answers.kept(q.bound_text(), store=st).is_file()


def test_names_must_be_preparable():
    with pytest.raises(QueryError, match="person-graph"):
        questions(["person-graph"])


def test_no_store_nothing_to_prepare(tmp_path):
    (tmp_path / "graph.ttl").write_text("", encoding="utf-8")
    assert prepare_answers(tmp_path / "graph.ttl", ask=query) is None


def test_cli_build_answers_on_a_small_corpus_says_nothing_to_prepare(tmp_path):
    r = run_kg("build", "--corpus", str(CORPUS), "--out-dir", str(tmp_path / "out"), "--answers")
    assert r.returncode == 0, r.stderr
    assert "answers: nothing to prepare" in r.stderr and (tmp_path / "out" / "graph.trig").is_file()


def _failing(name, *, graph):
    from kg.errors import QueryError

    if name == "timeline":
        raise QueryError("query failed: the store went away")
    return query(name, graph=graph)


def test_a_question_that_fails_is_reported_and_the_others_kept(prepared, tmp_path):
    _, out, _ = prepared
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    shutil.rmtree(copy / "store" / "answers")
    done = prepare_answers(copy / "graph.trig", ask=_failing, names=["timeline", "topics"], jobs=2, progress=False)
    assert done.failed == {"timeline": "query failed: the store went away"} and done.kept == ["topics"]


@pytest.mark.slow
def test_cli_build_answers_on_a_corpus_with_a_store(tmp_path):
    from benchmarks.gen_corpus import generate

    corpus = tmp_path / "corpus"
    generate(corpus, docs=25, seed=3)
    out = tmp_path / "out"
    first = run_kg("build", "--corpus", str(corpus), "--out-dir", str(out), "--answers")
    n = len(questions())
    assert first.returncode == 0, first.stderr
    assert f"answers: {n} catalog answers kept beside the store ({n} asked in " in first.stdout
    again = run_kg("build", "--corpus", str(corpus), "--out-dir", str(out), "--answers")
    assert f"answers: {n} catalog answers kept beside the store (0 asked in " in again.stdout
    assert f"{n} already kept" in again.stdout


def test_query_all_on_a_store_prepares_every_answer_first(prepared, tmp_path):
    _, out, _ = prepared
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    shutil.rmtree(copy / "store" / "answers")
    r = run_kg("query", "--all", "--graph", str(copy / "graph.trig"), "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert "## honors-by-person:" in r.stdout and "吴哲,全国五一劳动奖章" in r.stdout
    st = store_for(copy / "graph.trig")
    assert all(answers.kept(q.bound_text(), store=st).is_file() for q in questions().values())


def test_kg_answers_in_the_environment_asks_for_answers_and_no_answers_overrides_it(tmp_path):
    import os

    env = dict(os.environ, KG_ANSWERS="1")
    r = subprocess.run([sys.executable, "-m", "kg", "build", "--corpus", str(CORPUS), "--out-dir", str(tmp_path / "a")],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0 and "answers: nothing to prepare" in r.stderr
    r = subprocess.run([sys.executable, "-m", "kg", "build", "--corpus", str(CORPUS), "--out-dir", str(tmp_path / "b"),
                        "--no-answers"], capture_output=True, text=True, env=env)
    assert r.returncode == 0 and "answers:" not in r.stderr
