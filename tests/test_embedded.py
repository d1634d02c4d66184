"""The embedded store: a graph in Oxigraph on disk (named graphs), chosen for large graphs; the same answers."""
from __future__ import annotations

import os

import pytest
from rdflib import Graph

from kg.ask.catalog import load_catalog
from kg.ask.sparql import run_local, run_query
from kg.store import read
from kg.store.embedded import Store, memory_store, open_store, store_dir, store_for, write_store
from tests.oxigraph_helpers import comparable

GRAPH_IRI = "https://w3id.org/kg-talent/graph/test-doc"


def _nquads(graph: Graph, name: str) -> bytes:
    nt = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    return "".join(line[:-1] + f"<{name}> .\n" for line in nt.splitlines() if line.strip()).encode("utf-8")


@pytest.fixture(scope="module")
def stored(tmp_path_factory, graph):
    """The shipped graph as a Turtle file with its on-disk store beside it, split into two named graphs."""
    from kg.serialize.turtle import to_turtle

    folder = tmp_path_factory.mktemp("stored")
    ttl = folder / "graph.ttl"
    ttl.write_text(to_turtle(graph), encoding="utf-8")
    triples = sorted(graph, key=str)
    half = len(triples) // 2
    a, b = Graph(), Graph()
    for t in triples[:half]:
        a.add(t)
    for t in triples[half:]:
        b.add(t)
    write_store(store_dir(ttl), [_nquads(a, GRAPH_IRI), _nquads(b, GRAPH_IRI + "-2")], graph_file=ttl)
    return ttl


def test_store_is_chosen_only_while_fresh(stored, tmp_path):
    st = read.open_graph(stored)
    assert isinstance(st, Store) and st.path == store_dir(stored)
    assert st.graphs() == [GRAPH_IRI, GRAPH_IRI + "-2"]
    copy = tmp_path / "graph.ttl"  # the same file elsewhere has no store: the in-memory path
    copy.write_bytes(stored.read_bytes())
    assert isinstance(read.open_graph(copy), Graph)
    os.utime(stored, ns=(stored.stat().st_atime_ns, stored.stat().st_mtime_ns + 1_000_000))
    try:
        assert store_for(stored) is None  # the file changed after the store was made: stale, not used
    finally:
        os.utime(stored, ns=(stored.stat().st_atime_ns, stored.stat().st_mtime_ns - 1_000_000))
    assert store_for(stored) is not None


def test_graph_file_over_the_input_limit_is_answered_from_its_store(stored, tmp_path):
    """A corpus's graph.ttl can be larger than the input limit; with its up-to-date store beside it the file is
    not read, so queries, export and the picture still work; without the store the limit applies."""
    from kg.draw.reading import open_source
    from kg.errors import InputError
    from kg.inputs import set_max_input_mb

    set_max_input_mb(0.001)  # ~1 kB: far below the file
    try:
        assert isinstance(read.open_graph(stored), Store)
        assert open_source(stored).documents == ["test-doc", "test-doc-2"]  # the store's named graphs
        copy = tmp_path / "graph.ttl"
        copy.write_bytes(stored.read_bytes())
        with pytest.raises(InputError, match="above the limit"):
            read.open_graph(copy)
    finally:
        set_max_input_mb(None)


def test_large_file_goes_to_oxigraph(stored, tmp_path, monkeypatch):
    copy = tmp_path / "big.ttl"
    copy.write_bytes(stored.read_bytes())
    monkeypatch.setattr(read, "LARGE_FILE_BYTES", 1000)
    st = read.open_graph(copy)
    assert isinstance(st, Store) and st.path is None and len(st) == len(read.read_graph(copy))


# every other question in the fast tier, all of them in the slow one (each is an rdflib run of the question)
@pytest.mark.parametrize("name", [pytest.param(n, marks=() if i % 2 == 0 else pytest.mark.slow)
                                  for i, n in enumerate(sorted(load_catalog()))])
def test_catalog_same_rows_on_store(stored, graph, name):
    """Every catalog question: the store's rows equal the in-memory rows (values, not lexical forms)."""
    q = load_catalog()[name]
    text = q.bound_text()
    got = run_query(text, graph=read.open_graph(stored))
    want = run_local(text, graph)
    assert got.kind == want.kind and got.variables == want.variables
    assert comparable(got) == comparable(want)


def test_api_query_and_errors_on_store(stored):
    from kg.api import query
    from kg.errors import QueryError

    r = query("person-profile", graph=stored, params={"name": "易冉"})
    assert sorted(row["value"] for row in r.as_dicts() if row["aspect"] == "荣誉") == ["党的二十大代表", "大国工匠"]
    with pytest.raises(QueryError, match="syntax error"):
        query("SELECT ?x WHERE { ?x ", graph=stored)
    with pytest.raises(QueryError, match="updates are not allowed"):
        query("DELETE WHERE { ?s ?p ?o }", graph=stored)


def test_export_from_store(stored, graph, tmp_path):
    from kg.api import export
    from rdflib import Dataset

    from tests.oxigraph_helpers import as_stored

    r = export(format="turtle", graph=stored, output=tmp_path / "out.ttl", include_personal=True)
    assert (tmp_path / "out.ttl").read_bytes() == stored.read_bytes() and r.triples == len(graph)
    export(format="turtle", graph=stored, output=tmp_path / "out.ttl")  # personal data left out by default
    assert "18073339653" in stored.read_text(encoding="utf-8")
    assert "18073339653" not in (tmp_path / "out.ttl").read_text(encoding="utf-8")
    export(format="nquads", graph=stored, output=tmp_path / "out.nq")
    assert "18073339653" not in (tmp_path / "out.nq").read_text(encoding="utf-8")
    export(format="nquads", graph=stored, output=tmp_path / "out.nq", include_personal=True)
    ds = Dataset()
    ds.parse(tmp_path / "out.nq", format="nquads")
    names = {str(c.identifier) for c in ds.graphs() if len(c)}
    assert names == {GRAPH_IRI, GRAPH_IRI + "-2"}
    nt = export(format="nt", graph=stored, include_personal=True).text
    def values(g):  # Oxigraph writes canonical literals ("20000" for "20000.0"): compare values
        return {(s, p, as_stored(o)) for s, p, o in g}

    assert values(Graph().parse(data=nt, format="nt")) == values(graph)


def test_union_of_graphs_keeps_both_and_neighbourhood():
    st = memory_store(b'<http://e/a> <http://e/p> <http://e/b> <http://e/g1> .\n'
                      b'<http://e/b> <http://e/p> <http://e/c> <http://e/g2> .\n'
                      b'<http://e/b> <http://www.w3.org/2000/01/rdf-schema#label> "B"@zh <http://e/g2> .\n')
    r = run_query("SELECT ?x WHERE { <http://e/a> <http://e/p>/<http://e/p> ?x }", graph=st)
    assert [str(row["x"]) for row in r.rows] == ["http://e/c"]  # the path crosses the two named graphs
    g = st.neighbourhood(["http://e/a"], depth=1)
    assert {str(o) for o in g.objects()} == {"http://e/b", "B"}  # b's label comes along to draw it
    assert len(st.neighbourhood(["http://e/a"], depth=2)) == 3


def test_open_store_error_is_one_line(tmp_path):
    from kg.errors import InputError

    (tmp_path / "junk").write_text("x")
    with pytest.raises(InputError, match="cannot open the store"):
        open_store(tmp_path / "junk")
