"""The text index a build writes beside its store (kg/store/textindex.py) and the word searches answered from
it (kg/ask/textsearch.py): the same rows as the query as written, on the store and in rdflib; it follows an
incremental build; a missing or damaged index is not used."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from benchmarks.gen_corpus import generate
from kg.api import query
from kg.ask.catalog import resolve
from kg.ask.sparql import run_query
from kg.ask.textsearch import narrowed
from kg.pipeline import build_corpus
from kg.store.read import open_graph, read_graph
from kg.store.textindex import MANIFEST, index_dir, open_index

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data"


def _rows(result) -> list:
    return sorted(tuple(str(row.get(v)) for v in result.variables) for row in result.rows)


def _as_written(out: Path, word: str) -> list:
    """find-quote's rows on the build's store, the query as written (every quote read)."""
    entry = resolve("find-quote")
    return _rows(run_query(entry.text, graph=open_graph(out / "graph.trig"), params={"text": word}))


def _indexed(out: Path, word: str) -> list:
    return _rows(query("find-quote", graph=out / "graph.trig", params={"text": word}, cache=False))


def _uses_index(out: Path, word: str) -> bool:
    entry = resolve("find-quote")
    return narrowed(entry, {"text": word}, open_graph(out / "graph.trig")) != entry.text


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    """The shipped corpus built with a store (so with a text index)."""
    out = tmp_path_factory.mktemp("shipped")
    build_corpus(corpus=CORPUS, out_dir=out, progress=False, store=True)
    return out


def test_same_rows_with_and_without_the_index(shipped):
    default = resolve("find-quote").params["text"]
    rdflib_graph = read_graph(shipped / "graph.trig")
    # the default word; words of the shipped letter; a quote with a line break; a word in no quote
    for word in (default, "人社部", "技能大师工作室", "010", "株洲", "湖南省", "没有这个词"):
        assert _uses_index(shipped, word), word
        found = _indexed(shipped, word)
        assert found == _as_written(shipped, word), word
        assert found == _rows(query("find-quote", graph=rdflib_graph, params={"text": word})), word
        if word != "没有这个词":
            assert found and all(word in row[2] for row in found), word
    assert not _indexed(shipped, "没有这个词")


def test_the_index_holds_every_quote_text(shipped):
    from kg.store.embedded import store_for

    st = store_for(shipped / "graph.trig")
    n = len(list(st.ox.query("SELECT DISTINCT ?v WHERE { ?q <http://www.w3.org/ns/prov#value> ?v }",
                             use_default_graph_as_union=True)))
    index = open_index(shipped / "graph.trig")
    assert n > 100 and len(index.search("")) == n


def test_missing_or_damaged_index_falls_back_to_the_query_as_written(shipped, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(shipped, out)
    word = "人社部"
    expected = _as_written(out, word)
    assert expected
    folder = index_dir(out / "graph.ttl")
    files = sorted(p for p in folder.glob("*.txt") if p.stat().st_size)
    files[0].write_bytes(files[0].read_bytes()[:-3])  # cut short
    assert not _uses_index(out, word) and _indexed(out, word) == expected
    files[0].unlink()  # gone
    assert not _uses_index(out, word) and _indexed(out, word) == expected
    (folder / MANIFEST).write_text("{not json", encoding="utf-8")
    assert not _uses_index(out, word) and _indexed(out, word) == expected
    shutil.rmtree(folder)
    assert not _uses_index(out, word) and _indexed(out, word) == expected
    build_corpus(corpus=CORPUS, out_dir=out, progress=False, store=True)  # the next build writes it again
    assert _uses_index(out, word) and _indexed(out, word) == expected


@pytest.mark.slow
def test_an_incremental_build_updates_the_index(tmp_path):
    work = tmp_path / "corpus"
    generate(work, docs=6, seed=11)
    out = tmp_path / "out"
    build_corpus(corpus=work, out_dir=out, progress=False, store=True)
    folder = index_dir(out / "graph.ttl")
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}

    build_corpus(corpus=work, out_dir=out, progress=False, store=True)  # no change: nothing written
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before

    doc = work / "documents" / "gen-00000"
    old, new = "研究", "琢磨"  # same length: the quotes' offsets stay right
    assert old in (doc / "facts.yaml").read_text(encoding="utf-8")
    assert not _indexed(out, new)
    had = _indexed(out, old)
    assert any(row[3] == "gen-00000" for row in had)
    for name in ("facts.yaml", "source.txt"):
        path = doc / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    build_corpus(corpus=work, out_dir=out, progress=False, store=True)
    after = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    rewritten = sorted(n for n in after if n != MANIFEST and before.get(n) != after[n])
    assert len(rewritten) == 1  # the group of the changed document only

    found = _indexed(out, new)
    assert found and {row[3] for row in found} == {"gen-00000"} and found == _as_written(out, new)
    now = _indexed(out, old)
    assert now == _as_written(out, old)
    assert not any(row[3] == "gen-00000" for row in now)
    assert now == [row for row in had if row[3] != "gen-00000"]
