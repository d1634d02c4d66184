"""Corpus builds that scale (kg/pipeline.py): the same bytes as the one-graph build, the same violations as
pySHACL over the whole graph, an incremental rebuild exactly equal to a cold one, and little work when
nothing changed."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from benchmarks.gen_corpus import generate
from kg.errors import CheckFailed
from kg.pipeline import build_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    generate(root, docs=4, seed=11)
    return root


def _files(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("graph.*"))}


def _quads(out: Path) -> set:
    """The quads of a build's store, as N-Quads lines."""
    import pyoxigraph as ox

    st = ox.Store.read_only(str(out / "store"))
    return {str(q) for q in st.quads_for_pattern(None, None, None, None)}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.slow
def test_same_bytes_as_the_one_graph_build(corpus, tmp_path, monkeypatch):
    from kg.api import build

    work = tmp_path / "corpus"
    shutil.copytree(corpus, work)  # a note with line separators inside: not line ends in N-Triples
    _edit(work / "documents" / "gen-00000" / "facts.yaml", "- id: deputy\n", "- id: deputy\n  note: \"a\\u2028b\\x85c\"\n")
    r = build_corpus(corpus=work, out_dir=tmp_path / "scale", jobs=2, progress=False)
    assert r.conforms and r.documents == 4 and r.rebuilt == 4
    ref = build(corpus=work, out_dir=tmp_path / "ref")
    assert r.triples == ref.triples
    assert _files(tmp_path / "scale") == _files(tmp_path / "ref")
    # shared lines cut into small pieces (a few lines each: where a subject's or graph's block ends after a
    # line whose digest says so)
    import kg.pipeline

    monkeypatch.setattr(kg.pipeline, "PIECE_LINES", 3)
    build_corpus(corpus=work, out_dir=tmp_path / "pieces", jobs=2, progress=False)
    assert _files(tmp_path / "pieces") == _files(tmp_path / "ref")
    from kg.store.cache import BuildCache

    layout = BuildCache(tmp_path / "pieces" / "cache").index["outputs"]["layout"]
    assert all(layout[kind][0].count("\nl") > 20 for kind in ("ttl", "trig"))  # keys of shared pieces


@pytest.mark.slow
def test_incremental_equals_cold_and_no_change_does_nothing(corpus, tmp_path):
    work = tmp_path / "corpus"
    shutil.copytree(corpus, work)
    out = tmp_path / "out"
    first = build_corpus(corpus=work, out_dir=out, jobs=2, progress=False, store=True)
    again = build_corpus(corpus=work, out_dir=out, progress=False, store=True)
    assert again.rebuilt == 0 and set(again.seconds) == {"total"}  # file stamps only: nothing else was read
    assert (again.triples, again.ids, again.conforms) == (first.triples, first.ids, True)
    os.utime(work / "documents" / "gen-00001" / "facts.yaml")  # a new stamp, the same bytes: read, not rebuilt
    touched = build_corpus(corpus=work, out_dir=out, progress=False, store=True)
    assert touched.rebuilt == 0 and "documents" in touched.seconds and touched.triples == first.triples
    before = {p: p.stat().st_mtime_ns for p in out.glob("graph.*")}
    facts = work / "documents" / "gen-00002" / "facts.yaml"
    _edit(facts, "  period: \"截至目前\"\n", "  period: \"截至今年\"\n")  # one document changes
    inc = build_corpus(corpus=work, out_dir=out, progress=False, store=True)
    assert inc.rebuilt == 1
    assert any(p.stat().st_mtime_ns != t for p, t in before.items())
    cold = build_corpus(corpus=work, out_dir=tmp_path / "cold", jobs=2, progress=False, store=True)
    assert _files(out) == _files(tmp_path / "cold")  # exactly the cold result
    assert _quads(out) == _quads(tmp_path / "cold")  # the store updated in place = the one loaded cold
    assert len(_quads(out)) == cold.triples
    from kg.api import query
    from kg.store.embedded import Store
    from kg.store.read import open_graph

    assert isinstance(open_graph(out / "graph.ttl"), Store)
    q = ("SELECT (COUNT(*) AS ?n) WHERE { ?o <https://w3id.org/kg-talent/ontology#period> ?p "
         "FILTER(STR(?p) = \"截至今年\") }")
    assert query(q, graph=out / "graph.ttl").rows[0]["n"].toPython() == 1  # the store was updated too
    # a registry change: a new label only redoes the registry graph; a new class reaches the documents
    # that name the entity (and only those)
    import re

    city = re.search(r"about: (city-[a-z]+)", facts.read_text(encoding="utf-8")).group(1)
    naming = {d.name for d in (work / "documents").iterdir() if city in (d / "facts.yaml").read_text(encoding="utf-8")}
    reg = work / "registry" / "entities.yaml"
    text = reg.read_text(encoding="utf-8")
    at = text.index(f"- id: {city}\n")
    reg.write_text(text[:at] + text[at:].replace('en: "', 'en: "New ', 1), encoding="utf-8")
    relabelled = build_corpus(corpus=work, out_dir=out, progress=False, store=True)
    assert relabelled.rebuilt == 0
    assert "New " in (out / "graph.ttl").read_text(encoding="utf-8")
    assert _files(out) == _files(build_corpus(corpus=work, out_dir=tmp_path / "cold2", jobs=2, progress=False).outputs[0].parent)
    _edit(reg, f"- id: {city}\n  a: Municipality", f"- id: {city}\n  a: Place")
    with pytest.raises(CheckFailed) as failed:  # a place cannot fund or issue: the letters naming it say so
        build_corpus(corpus=work, out_dir=out, progress=False)
    focus = set(re.findall(r"kgr:([a-z0-9-]+)/", failed.value.details))
    assert focus == naming and len(naming) < 4
    # fixed again: the outputs and the store are those of a cold build (the failed build left the store as
    # it was, though it rebuilt documents)
    _edit(reg, f"- id: {city}\n  a: Place", f"- id: {city}\n  a: Municipality")
    build_corpus(corpus=work, out_dir=out, progress=False, store=True)
    build_corpus(corpus=work, out_dir=tmp_path / "cold3", jobs=2, progress=False, store=True)
    assert _files(out) == _files(tmp_path / "cold3") and _quads(out) == _quads(tmp_path / "cold3")


def _made(out: Path) -> dict:
    """Bytes of each output file the last build made (not copied from the previous file)."""
    from kg.store.cache import BuildCache

    return {kind: made for kind, (made, _copied) in BuildCache(out / "cache").index["outputs"]["made"].items()}


@pytest.mark.slow
def test_a_rebuild_splices_the_previous_outputs_and_equals_cold(tmp_path):
    """graph.ttl and graph.trig after a change are the previous files with only what changed made again (the
    rest copied): a document changed first, in the middle, last; one added, one removed; a shared registry
    entity changed. Each time the same bytes and store as a cold build."""
    from kg.store.cache import BuildCache

    work = tmp_path / "corpus"
    generate(work, docs=7, seed=5)
    docs = work / "documents"
    shutil.move(docs / "gen-00006", tmp_path / "gen-00006")  # added later
    out = tmp_path / "out"
    build_corpus(corpus=work, out_dir=out, jobs=2, progress=False, store=True)
    sizes = {p.name: p.stat().st_size for p in out.glob("graph.*")}

    def same_as_cold(step: str, rebuilt: int, swapped: bool = False) -> None:
        inc = build_corpus(corpus=work, out_dir=out, progress=False, store=True)
        assert inc.rebuilt == rebuilt, step
        # an edit that leaves what the document says about the rest: its blocks are swapped in place (the
        # file is not laid out again); else the pieces are worked out afresh, from the shared lines of the
        # previous files (kept in the cache) and what changed, not gathered from every part again
        outs = BuildCache(out / "cache").index["outputs"]
        assert outs["swapped"] == swapped, step
        assert outs["edited"] == ([] if swapped else ["trig", "ttl"]), step
        cold = tmp_path / f"cold-{step}"
        coldr = build_corpus(corpus=work, out_dir=cold, jobs=2, progress=False, store=True)
        assert inc.triples == coldr.triples, step
        assert _files(out) == _files(cold), step
        assert _quads(out) == _quads(cold), step
        made = _made(out)
        # a document is about a sixth of each file: only a small part of it was made again (at least the
        # changed document's block)
        assert made["trig"] < sizes["graph.trig"] / 3 and made["ttl"] < sizes["graph.ttl"] / 3, (step, made)
        assert min(made.values()) > 0 or not rebuilt, (step, made)

    def period(doc: str) -> None:
        facts = docs / doc / "facts.yaml"
        text = facts.read_text(encoding="utf-8")
        at = text.index('period: "') + len('period: "')
        facts.write_text(text[:at] + "起" + text[at:], encoding="utf-8")

    for step, doc in (("first", "gen-00000"), ("middle", "gen-00003"), ("last", "gen-00005")):
        period(doc)
        same_as_cold(step, 1, swapped=True)
    # what a document says about a registry entity changes: a mention's quote is shortened (a new quote node)
    import re

    facts = docs / "gen-00004" / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    quote = re.search(r'- mention: [a-z0-9-]+\n  quote: "([^"]{3,})"\n', text)
    at = quote.end(1)
    facts.write_text(text[: at - 1] + text[at:], encoding="utf-8")
    same_as_cold("foreign", 1)
    shutil.move(tmp_path / "gen-00006", docs / "gen-00006")
    same_as_cold("added", 1)
    shutil.move(docs / "gen-00002", tmp_path / "gen-00002")
    same_as_cold("removed", 0)
    shutil.move(tmp_path / "gen-00002", docs / "gen-00002")
    same_as_cold("added in the middle", 1)
    shutil.rmtree(docs / "gen-00002")
    same_as_cold("removed again", 0)
    reg = work / "registry" / "entities.yaml"  # a registry entity every document names gets a new label
    text = reg.read_text(encoding="utf-8")
    city = re.search(r"about: (city-[a-z]+)", (docs / "gen-00004" / "facts.yaml").read_text(encoding="utf-8")).group(1)
    at = text.index(f"- id: {city}\n")
    reg.write_text(text[:at] + text[at:].replace('en: "', 'en: "New ', 1), encoding="utf-8")
    same_as_cold("registry", 0)
    assert "New " in (out / "graph.ttl").read_text(encoding="utf-8")
    # an output file that is not the one the cache describes is made whole again, not spliced
    (out / "graph.ttl").write_bytes((out / "graph.ttl").read_bytes().replace(b"New ", b"Old "))
    period("gen-00001")
    inc = build_corpus(corpus=work, out_dir=out, progress=False, store=True)
    assert _made(out)["ttl"] == (out / "graph.ttl").stat().st_size and _made(out)["trig"] < sizes["graph.trig"] / 3
    cold = build_corpus(corpus=work, out_dir=tmp_path / "cold-edited", jobs=2, progress=False, store=True)
    assert inc.rebuilt == 1 and _files(out) == _files(cold.outputs[0].parent)


@pytest.mark.slow
def test_same_violations_as_pyshacl_over_the_whole_graph(corpus, tmp_path):
    """Planted violations in documents and in the registry, found by a cold build and by an incremental one
    (which checks again only the shared nodes that a changed document speaks about)."""
    import re

    from kg.check.shacl import validate_graph
    from kg.graph.builder import build_graph

    work = tmp_path / "corpus"
    shutil.copytree(corpus, work)
    out = tmp_path / "warm"
    build_corpus(corpus=work, out_dir=out, progress=False)  # a clean corpus: the cache is warm
    d1 = work / "documents" / "gen-00001" / "facts.yaml"
    _edit(d1, "  qualifier: exactly\n  unit: person\n", "  qualifier: exactly\n")  # an observation without unit
    _edit(d1, "  member: deputy\n  role: role-deputy\n", "  member: deputy\n  role: [role-deputy, role-secretary]\n")
    # the city's only mention goes, its references stay: a registry entity without provenance
    text = d1.read_text(encoding="utf-8")
    city = re.search(r"- mention: (city-[a-z]+)\n  quote: [^\n]+\n", text)
    others = [d for d in (work / "documents").iterdir() if d.name != "gen-00001"
              and f"mention: {city.group(1)}" in (d / "facts.yaml").read_text(encoding="utf-8")]
    d1.write_text(text.replace(city.group(0), ""), encoding="utf-8")
    d3 = work / "documents" / "gen-00003" / "facts.yaml"
    _edit(d3, "  currency: CNY\n", "  currency: yuan\n")

    def check(where):
        want = validate_graph(build_graph(corpus_dir=work).graph)
        with pytest.raises(CheckFailed) as got:
            build_corpus(corpus=work, out_dir=where, progress=False)
        assert got.value.details == want.text()
        assert not (where / "graph.ttl").exists() or where == out
        return want

    want = check(out)  # incremental
    assert (f"kgr:{city.group(1)}" in want.text()) == (not others)
    assert len(want.results) >= 3
    check(tmp_path / "cold")
    reg = work / "registry" / "entities.yaml"  # a registry entity that a document uses but never mentions
    reg.write_text(reg.read_text(encoding="utf-8") + "\n- id: orphan-place\n  a: Place\n  label: {zh: 某地}\n",
                   encoding="utf-8")
    _edit(d3, "  fundedFor: policy-workshops\n", "  fundedFor: [policy-workshops, orphan-place]\n")
    assert "kgr:orphan-place" in check(out).text()


def test_an_error_names_the_file_and_line(corpus, tmp_path):
    from kg.errors import QuoteNotFound

    work = tmp_path / "corpus"
    shutil.copytree(corpus, work)
    _edit(work / "documents" / "gen-00000" / "facts.yaml", "  quote: \"市", "  quote: \"市不在原文")
    with pytest.raises(QuoteNotFound, match=r"gen-00000/facts\.yaml:\d+: .*quote not found"):
        build_corpus(corpus=work, out_dir=tmp_path / "out", jobs=2, progress=False)


def test_a_corpus_of_a_dozen_documents_keeps_the_store_and_is_asked_there(tmp_path):
    """Past 10,000 triples a build keeps the embedded store: rdflib's SPARQL took 37 s on honor-holders-by-city
    over these 12 generated documents; the store answers it in milliseconds, with the same rows."""
    from kg.api import query
    from kg.store.read import open_graph

    generate(tmp_path / "c", docs=12, seed=1)
    result = build_corpus(corpus=tmp_path / "c", out_dir=tmp_path / "out", progress=False)
    assert result.triples > 10_000
    assert (tmp_path / "out" / "store").is_dir()
    g = open_graph(tmp_path / "out" / "graph.ttl")
    assert type(g).__name__ == "Store"
    rows = query("honor-holders-by-city", graph=g).rows
    assert len(rows) > 12
