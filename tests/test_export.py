"""kg export: every format round-trips to a graph isomorphic to the built one; Turtle is stable and parses elsewhere."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from rdflib.compare import isomorphic

from kg.api import export, load
from kg.cli import main
from kg.serialize.rdf import EXPORT_FORMATS, parse_export, serialize

NAME = "https://example.org/graph/one"


@pytest.fixture(scope="module")
def loaded(graph_file):
    return load(graph_file)


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_round_trip(graph, fmt):
    text = serialize(graph, fmt)
    back = parse_export(text, fmt)
    assert len(back) == len(graph)
    assert isomorphic(back, graph)


def test_built_file_round_trips_too(graph, loaded):
    assert isomorphic(loaded, graph)


def test_turtle_is_byte_identical_and_declares_prefixes(graph, loaded):
    a = serialize(graph, "turtle")
    assert a == serialize(graph, "turtle") == serialize(loaded, "turtle")
    for prefix in ("kg:", "kgr:", "prov:", "skos:", "schema:"):
        assert f"@prefix {prefix} <" in a


def test_ntriples_sorted(graph):
    lines = serialize(graph, "nt").splitlines()
    assert lines == sorted(lines) and len(lines) == len(graph)


def test_jsonld_has_our_context(graph):
    data = json.loads(serialize(graph, "jsonld"))
    assert data["@context"]["kg"] == "https://w3id.org/kg-talent/ontology#"
    assert data["@context"]["schema"] == "http://schema.org/"


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_plain_graph_in_the_named_graph_given(graph, fmt):
    text = serialize(graph, fmt, graph_name=NAME)
    assert f"<{NAME}>" in text
    if fmt == "nquads":
        assert all(line.endswith(f"<{NAME}> .") for line in text.splitlines())


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_dataset_export_keeps_one_named_graph_per_document(corpus_built, fmt, tmp_path):
    """TriG/N-Quads of the built dataset keep documents, registry and ontology apart; Turtle is their union."""
    trig = corpus_built.outputs[0]
    r = export(format=fmt, graph=trig, output=tmp_path / f"x.{fmt}", include_personal=True)
    import pyoxigraph as ox

    quads = list(ox.parse(r.text.encode("utf-8"), format=ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS))
    names = {q.graph_name.value for q in quads}
    base = "https://w3id.org/kg-talent/graph/"
    assert names == {base + d for d in corpus_built.documents} | {base + "registry", base + "ontology"}
    assert len(corpus_built.documents) >= 6
    union = {(q.subject, q.predicate, q.object) for q in quads}
    assert len(union) == corpus_built.triples == len(load(corpus_built.outputs[1]))


def test_turtle_parses_in_oxigraph(graph):
    import pyoxigraph as ox

    triples = list(ox.parse(serialize(graph, "turtle").encode("utf-8"), format=ox.RdfFormat.TURTLE))
    assert len(triples) == len(graph)


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not installed")
def test_turtle_parses_in_rapper(graph, tmp_path):
    f = tmp_path / "g.ttl"
    f.write_text(serialize(graph, "turtle"), encoding="utf-8")
    out = subprocess.run(["rapper", "-q", "-i", "turtle", "-o", "ntriples", str(f)], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert len(out.stdout.splitlines()) == len(graph)


def test_api_export_writes_file(graph, tmp_path):
    r = export(format="xml", output=tmp_path / "g.rdf", graph=graph, include_personal=True)
    assert r.output.read_text(encoding="utf-8") == r.text and r.triples == len(graph)
    assert isomorphic(parse_export(r.text, "xml"), graph)


def test_cli_export(capsys, graph_file, tmp_path):
    out = tmp_path / "sub" / "g.nq"
    assert main(["export", "--format", "nquads", "-o", str(out), "--graph", str(graph_file), "--include-personal"]) == 0
    assert "wrote" in capsys.readouterr().err
    assert isomorphic(parse_export(out.read_text(encoding="utf-8"), "nquads"), load(graph_file))
    assert [p.name for p in out.parent.iterdir()] == ["g.nq"]  # no temporary file left
    assert main(["export", "--format", "turtle", "--graph", str(graph_file), "--include-personal"]) == 0
    assert capsys.readouterr().out == graph_file.read_text(encoding="utf-8")


def test_cli_export_unknown_format_writes_nothing(capsys, graph_file, tmp_path):
    out = tmp_path / "g.yaml"
    assert main(["export", "--format", "yaml", "-o", str(out), "--graph", str(graph_file)]) == 2
    err = capsys.readouterr().err
    assert "unknown format 'yaml'" in err and "Traceback" not in err
    assert not out.exists()


# the fast tier samples two formats (one per reader: datasets, JSON-LD); make test runs them all
@pytest.mark.parametrize("fmt,suffix", [pytest.param("trig", "trig", marks=pytest.mark.slow), ("nquads", "nq"), ("jsonld", "jsonld"),
                                        pytest.param("nt", "nt", marks=pytest.mark.slow)])
def test_exports_can_be_queried(capsys, graph_file, tmp_path, fmt, suffix):
    out = tmp_path / f"g.{suffix}"
    assert main(["export", "-f", fmt, "-o", str(out), "--graph", str(graph_file)]) == 0
    capsys.readouterr()
    assert main(["query", "provincial-contest", "--graph", str(out), "-f", "csv"]) == 0
    assert "湖南省第一届职业技能大赛,1,2022-07-03,2022-07-06" in capsys.readouterr().out


@pytest.mark.parametrize("iri", ["bad> <x", "notaurl", "http://e.org/a b"])
def test_bad_graph_iri_is_one_line(capsys, graph_file, tmp_path, iri):
    """`kg export --graph-name 'bad> <x'` used to end in a traceback."""
    out = tmp_path / "g.nq"
    for fmt in ("trig", "nquads"):
        assert main(["export", "-f", fmt, "--graph-iri", iri, "-o", str(out), "--graph", str(graph_file)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and f"--graph-iri {iri!r} is not an absolute IRI" in err
    assert not out.exists()
    # the IRI is refused before the graph is read (it names no file here)
    assert main(["export", "-f", "nquads", "--graph-iri", iri, "--graph", str(tmp_path / "none.ttl")]) == 2
    assert "is not an absolute IRI" in capsys.readouterr().err


def test_export_to_stdout_with_dash(capsys, graph_file):
    assert main(["export", "-f", "nt", "-o", "-", "--graph", str(graph_file)]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == len(load(graph_file)) - 1 and "wrote" in err  # less the personal phone


@pytest.mark.parametrize("fmt", ["turtle", pytest.param("nt", marks=pytest.mark.slow), "jsonld", "xml",
                                 pytest.param("trig", marks=pytest.mark.slow), "nquads"])
def test_personal_data_left_out_of_exports_unless_asked(graph, fmt):
    """The handler's personal mobile number was in every export."""
    phone = "18073339653"
    assert phone in {str(o) for o in graph.objects()}  # the built graph keeps it
    assert phone not in export(format=fmt, graph=graph).text
    assert phone in export(format=fmt, graph=graph, include_personal=True).text


@pytest.mark.parametrize("fmt", ["turtle", "jsonld"])
def test_personal_data_left_out_of_cli_exports_unless_asked(fmt, capsys, graph_file):
    """The same from the command line (which passes --include-personal to the export above)."""
    phone = "18073339653"
    assert main(["export", "-f", fmt, "--graph", str(graph_file)]) == 0
    assert phone not in capsys.readouterr().out
    assert main(["export", "-f", fmt, "--graph", str(graph_file), "--include-personal"]) == 0
    assert phone in capsys.readouterr().out


@pytest.fixture(scope="module")
def corpus_stored(generated_build):
    """A generated corpus large enough for the store path (over 10,000 triples), built with its cache."""
    return generated_build(docs=8, seed=3)


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
@pytest.mark.parametrize("name", ["graph.trig", "graph.ttl"])
def test_dataset_export_of_a_stored_build_is_the_built_dataset(corpus_stored, name, fmt, tmp_path):
    """On the store path too, each document's graph holds every triple the document states (as graph.trig),
    not only those the store keeps under it."""
    import pyoxigraph as ox

    from kg.store.embedded import store_for

    assert store_for(corpus_stored / name) is not None  # the store path
    out = tmp_path / f"out.{fmt}"
    r = export(format=fmt, graph=corpus_stored / name, output=out)
    oxfmt = ox.RdfFormat.N_QUADS if fmt == "nquads" else ox.RdfFormat.TRIG
    got = {str(q) for q in ox.parse(path=str(out), format=oxfmt)}
    want = {str(q) for q in ox.parse(path=str(corpus_stored / "graph.trig"), format=ox.RdfFormat.TRIG)}
    assert got == want and r.triples < len(want)  # triples: the distinct ones; a shared one is in several graphs
    assert len({q.graph_name.value for q in ox.parse(path=str(out), format=oxfmt)}) == 8 + 2  # + ontology, registry


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_export_of_a_stored_build_reuses_the_build_file_that_holds_it(corpus_stored, fmt, tmp_path):
    """Turtle of graph.trig is the build's graph.ttl (the merged graph of graph.trig, triple for triple), and
    TriG of graph.ttl is graph.trig: the same bytes whichever of the build's files is given."""
    import pyoxigraph as ox

    from kg.store.embedded import store_for

    names = ("graph.trig", "graph.ttl")
    assert all(store_for(corpus_stored / n) is not None for n in names)
    outs = []
    for name in names:
        out = tmp_path / f"{name}.{fmt}"
        export(format=fmt, graph=corpus_stored / name, output=out)
        outs.append(out.read_bytes())
    built = corpus_stored / ("graph.ttl" if fmt == "turtle" else "graph.trig")
    assert outs[0] == outs[1] == built.read_bytes()
    merged = {str(ox.Triple(q.subject, q.predicate, q.object))
              for q in ox.parse(path=str(corpus_stored / "graph.trig"), format=ox.RdfFormat.TRIG)}
    turtle = {str(t) for t in ox.parse(path=str(corpus_stored / "graph.ttl"), format=ox.RdfFormat.TURTLE)}
    assert turtle == merged and len(merged) > 10_000


def test_turtle_of_a_stored_build_is_written_from_the_store_when_graph_ttl_changed(corpus_stored, tmp_path):
    """A graph.ttl that is no longer the build's (edited since) is not taken for the export of graph.trig."""
    import shutil

    import pyoxigraph as ox

    out = tmp_path / "out"
    shutil.copytree(corpus_stored, out)
    trig = out / "graph.trig"
    with open(out / "graph.ttl", "a", encoding="utf-8") as f:
        f.write("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n")
    from kg.store.embedded import store_for

    st = store_for(trig)
    if st is None:  # the copy changed the files' times: nothing of the build's is taken then
        pytest.skip("the copied build is not stamped")
    assert out / "graph.ttl" not in st.files
    export(format="turtle", graph=trig, output=tmp_path / "x.ttl")
    got = {str(t) for t in ox.parse(path=str(tmp_path / "x.ttl"), format=ox.RdfFormat.TURTLE)}
    assert "<http://example.org/a> <http://example.org/b> <http://example.org/c>" not in got
    want = {str(ox.Triple(q.subject, q.predicate, q.object)) for q in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG)}
    assert len(got) == len(want)  # the same triples; the store writes numbers in their canonical form (16.0 -> 16)


def test_slow_formats_of_a_large_store_say_so_first(corpus_stored, tmp_path, monkeypatch):
    """Past a size, a format written one triple at a time from the store tells which ones are quick; the
    build's own files and N-Quads say nothing."""
    import kg.serialize.rdf as rdf

    monkeypatch.setattr(rdf, "SLOW_NOTE_TRIPLES", 0)  # the generated build stands for a large one
    for fmt, said in (("nt", True), ("jsonld", True), ("turtle", False), ("trig", False), ("nquads", False)):
        notes: list[str] = []
        export(format=fmt, graph=corpus_stored / "graph.trig", output=tmp_path / f"x.{fmt}", note=notes.append)
        assert (tmp_path / f"x.{fmt}").stat().st_size > 0
        assert len(notes) == int(said), (fmt, notes)
        if said:
            assert "one triple at a time" in notes[0] and "--format turtle" in notes[0] and "\n" not in notes[0]
            assert {"nt": "N-Triples", "jsonld": "JSON-LD"}[fmt] in notes[0]
