"""kg push of a corpus: one named graph per document, only the changed ones after a change, each swapped in
atomically; the bulk-loader hand-over (kg export --format nquads, oxigraph load) gives the same graphs."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from benchmarks.gen_corpus import generate
from kg.cli import main
from kg.pipeline import build_corpus
from kg.publish.upload import dataset_parts, push_dataset
from tests.oxigraph_helpers import count_triples, graph_names, oxigraph  # noqa: F401 (fixture)

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("push")
    corpus = root / "corpus"
    generate(corpus, docs=5, seed=5)
    out = root / "out"
    build_corpus(corpus=corpus, out_dir=out, progress=False, jobs=1)
    return corpus, out


def test_one_graph_per_document_then_only_the_changed(oxigraph, built, tmp_path, capsys):
    corpus, out = built
    work, wout = tmp_path / "corpus", tmp_path / "out"
    shutil.copytree(corpus, work)
    shutil.copytree(out, wout)
    dataset = wout / "graph.trig"
    parts = dataset_parts(dataset)
    assert [p.graph.rsplit("/", 1)[1] for p in parts] == ["ontology", "registry"] + [f"gen-{i:05d}" for i in range(5)]
    assert main(["push", "--endpoint", oxigraph.url, "--graph", str(dataset)]) == 0
    said = capsys.readouterr().out
    assert "pushed 7 named graphs" in said and "7 new ones through the server's bulk loader" in said  # a fresh server
    names = graph_names(oxigraph)
    assert {p.graph for p in parts} <= names and not any(n.startswith("urn:kg:staging:") for n in names)
    for p in parts:
        assert count_triples(oxigraph, p.graph) == p.triples
    # one document changes, one goes away: only that one is sent, the other dropped
    facts = work / "documents" / "gen-00003" / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace('period: "截至目前"', 'period: "截至今年"', 1),
                     encoding="utf-8")
    shutil.rmtree(work / "documents" / "gen-00004")
    build_corpus(corpus=work, out_dir=wout, progress=False)
    assert main(["push", "--endpoint", oxigraph.url, "--graph", str(dataset)]) == 0
    said = capsys.readouterr().out
    assert "dropped 1" in said and ("pushed 1 named graphs" in said or "pushed 2 named graphs" in said)  # + registry
    assert "each replaced atomically" in said and "bulk loader" not in said  # the server holds them: SPARQL Update
    gone = [p.graph for p in parts if p.graph.endswith("gen-00004")][0]
    assert gone not in graph_names(oxigraph)
    changed = [p for p in dataset_parts(dataset) if p.graph.endswith("gen-00003")][0]
    assert count_triples(oxigraph, changed.graph) == changed.triples
    assert main(["push", "--endpoint", oxigraph.url, "--graph", str(dataset)]) == 0
    assert "pushed 0 named graphs" in (said := capsys.readouterr().out) and "nothing changed on the server" in said
    r = push_dataset(dataset_parts(dataset), endpoint=oxigraph.url, state=wout / "cache" / "push" / "x.json")
    assert r.replaced == 6 and r.unchanged == 0  # a new state file: everything is sent again


def test_dataset_file_without_cache_is_read(oxigraph, built, tmp_path):
    _corpus, out = built
    lone = tmp_path / "graph.trig"
    shutil.copy(out / "graph.trig", lone)
    fast, slow = dataset_parts(out / "graph.trig"), dataset_parts(lone)
    assert {p.graph: p.triples for p in fast} == {p.graph: p.triples for p in slow}
    assert {p.graph: p.body() for p in fast} == {p.graph: p.body() for p in slow} or all(
        sorted(p.body().splitlines()) == sorted(q.body().splitlines()) for p, q in
        zip(sorted(fast, key=lambda p: p.graph), sorted(slow, key=lambda p: p.graph)))


def test_nquads_export_loads_into_oxigraph_with_the_same_graphs(built, tmp_path):
    """The hand-over to a server's bulk loader: `kg export --format nquads`, then `oxigraph load`."""
    from kg.publish.server import find_oxigraph

    _corpus, out = built
    nq = tmp_path / "corpus.nq"
    assert main(["export", "--format", "nquads", "--graph", str(out / "graph.trig"), "-o", str(nq)]) == 0
    location = tmp_path / "loaded"
    subprocess.run([str(find_oxigraph()), "load", "--location", str(location), "--file", str(nq)], check=True,
                   capture_output=True)
    import pyoxigraph as ox

    st = ox.Store.read_only(str(location))
    got = {g.value: len(list(st.quads_for_pattern(None, None, None, g))) for g in st.named_graphs()}
    want = {p.graph: p.triples for p in dataset_parts(out / "graph.trig")}
    assert got == want


def test_blank_nodes_and_escapes_each_graph_its_own(oxigraph, tmp_path):
    """A dataset whose graphs use the same blank node label and escaped literals: each graph keeps its own
    blank nodes and its exact literals (one update request holds several graphs' INSERT DATA blocks)."""
    from kg.ask.remote import run_remote

    trig = tmp_path / "bn.trig"
    trig.write_text('<http://e/g1> { _:b <http://e/p> "一\\n\\"二\\"" . <http://e/s> <http://e/q> _:b . }\n'
                    '<http://e/g2> { _:b <http://e/p> "三"@zh . <http://e/s> <http://e/q> _:b . }\n', encoding="utf-8")
    for loaded in (2, 0):  # first through the bulk loader (new graphs), then replaced with SPARQL Update
        r = push_dataset(dataset_parts(trig), endpoint=oxigraph.url, force=True)
        assert r.replaced == 2 and r.loaded == loaded
        assert count_triples(oxigraph, "http://e/g1") == 2 and count_triples(oxigraph, "http://e/g2") == 2
        rows = run_remote("SELECT ?g ?o WHERE { GRAPH ?g { <http://e/s> <http://e/q> ?b . ?b <http://e/p> ?o } }",
                          endpoint=oxigraph.query_url, timeout=10).rows
        assert sorted((str(x["g"]), str(x["o"])) for x in rows) == [("http://e/g1", '一\n"二"'), ("http://e/g2", "三")]


def _parts(n: int, prefix: str, bad: int | None = None):
    """``n`` small graphs ``http://e/<prefix><i>`` of 50 triples each; graph ``bad`` has a broken line."""
    from kg.store.cache import Part

    out = []
    for i in range(n):
        lines = [f'<http://e/s{k}> <http://e/p> "{prefix} {i} {k}" .' for k in range(50)]
        if i == bad:
            lines[25] = '<http://e/s> <http://e/p> "unterminated .'
        body = ("\n".join(lines) + "\n").encode()
        out.append(Part(f"http://e/{prefix}{i}", f"d{i}", lambda b=body: b, 50))
    return out


def test_refused_bulk_batch_changes_nothing(oxigraph, tmp_path):
    """New graphs go to the bulk loader in batches; a batch the server refuses (a broken line in its last
    graph) leaves none of its graphs on the server, the batches before it stay and are remembered."""
    from kg.errors import EndpointError

    state = tmp_path / "state.json"
    parts = _parts(6, "refused", bad=5)
    with pytest.raises(EndpointError) as info:
        push_dataset(parts, endpoint=oxigraph.url, state=state, bulk_triples=150, in_flight=1)
    msg = str(info.value)
    assert "while loading 3 new graphs" in msg and "dropped again, so the server holds none of them" in msg
    assert "(3 graphs pushed before)" in msg and "\n" not in msg
    names = graph_names(oxigraph)
    assert [p.graph in names for p in parts] == [True] * 3 + [False] * 3
    assert all(count_triples(oxigraph, p.graph) == 50 for p in parts[:3])
    # pushing again after the fix sends only what is missing, through the bulk loader
    fixed = _parts(6, "refused")
    r = push_dataset(fixed, endpoint=oxigraph.url, state=state, bulk_triples=150)
    assert (r.replaced, r.loaded, r.unchanged) == (3, 3, 3)
    assert all(count_triples(oxigraph, p.graph) == 50 for p in fixed)


def test_bulk_upload_cut_half_way_leaves_nothing(oxigraph, tmp_path):
    """The connection breaks in the middle of a bulk request: its graphs are dropped again."""
    from kg.errors import EndpointError
    from tests.oxigraph_helpers import DropProxy

    parts = _parts(40, "cut")
    with DropProxy(oxigraph.port, limit=60_000, cut=b"POST /store") as proxy:
        with pytest.raises(EndpointError) as info:
            push_dataset(parts, endpoint=proxy.url, state=tmp_path / "state.json", timeout=10)
        assert proxy.cuts == 1
    assert "push failed while loading 40 new graphs" in str(info.value)
    assert not {p.graph for p in parts} & graph_names(oxigraph)


def test_without_bulk_everything_is_one_update_per_batch(oxigraph, tmp_path):
    """``bulk=False`` (and any server that is not Oxigraph) takes the SPARQL Update path for new graphs too."""
    parts = _parts(4, "nobulk")
    r = push_dataset(parts, endpoint=oxigraph.url, bulk=False)
    assert (r.replaced, r.loaded) == (4, 0)
    assert all(count_triples(oxigraph, p.graph) == 50 for p in parts)


def test_readers_see_a_new_graph_whole_or_not_at_all(tmp_path):
    """While new graphs go through the bulk loader, a reader counting the triples of every graph sees each
    either absent or complete, never part of it (one bulk request is one ingestion on Oxigraph 0.5)."""
    import threading
    import time

    from kg.ask.remote import run_remote
    from kg.publish.server import OxigraphServer, free_port
    from kg.store.cache import Part

    per_graph = 4000
    parts = []
    for i in range(24):
        body = "".join(f'<http://e/s{k}> <http://e/p{k % 7}> "whole {i} {k}" .\n' for k in range(per_graph)).encode()
        parts.append(Part(f"http://e/whole{i}", f"d{i}", lambda b=body: b, per_graph))
    seen: set[int] = set()
    polls: list[int] = []
    stop = threading.Event()
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    with OxigraphServer(location=tmp_path / "store", port=free_port()) as server:
        def reader() -> None:
            deadline = time.monotonic() + 60
            while not stop.is_set() and time.monotonic() < deadline:
                rows = run_remote(query, endpoint=server.query_url, timeout=20).rows
                seen.update(int(r["n"]) for r in rows)
                polls.append(len(rows))

        t = threading.Thread(target=reader)
        t.start()
        try:
            r = push_dataset(parts, endpoint=server.url, bulk_triples=3 * per_graph, in_flight=2)
        finally:
            stop.set()
            t.join(65)
        assert r.loaded == 24
        assert count_triples(server, None) == 0 and len(graph_names(server)) == 24
    assert seen <= {per_graph}, sorted(seen)
    assert any(0 < n < 24 for n in polls), polls  # the reader saw the graphs arrive batch by batch


def test_read_only_server_refuses_a_corpus_and_nothing_changes(tmp_path):
    from kg.errors import EndpointError
    from kg.publish.server import OxigraphServer, free_port

    location = tmp_path / "store"
    OxigraphServer(location=location, port=free_port()).start().stop()  # an empty store on disk
    with OxigraphServer(location=location, port=free_port(), read_only=True) as server:
        with pytest.raises(EndpointError) as info:
            push_dataset(_parts(3, "ro"), endpoint=server.url, state=tmp_path / "state.json")
        assert "refused to load 3 new graphs" in str(info.value) and "HTTP 403" in str(info.value)
        assert "nothing of them was written" in str(info.value) and graph_names(server) == set()
    assert not (tmp_path / "state.json").exists()
