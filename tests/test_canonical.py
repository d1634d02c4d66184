"""kg.serialize.canonical: JSON-LD and RDF/XML exports are the same bytes whatever the process's hash seed, and
still standard (they parse back, in rdflib, Oxigraph and raptor, to the graph exported as Turtle)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.serialize.canonical import canonical_jsonld, to_jsonld, to_rdfxml
from kg.serialize.rdf import parse_export, serialize

FORMATS = ("jsonld", "xml")
SEP = "\n\x00--- next export ---\x00\n"
# Each graph file given is exported in each format by kg.api.export (the export path, personal data left out)
EXPORT_SCRIPT = """
import sys
from kg.api import export
texts = [export(format=fmt, graph=path).text for path in sys.argv[1:] for fmt in %r]
sys.stdout.buffer.write(%r.join(texts).encode("utf-8"))
""" % (FORMATS, SEP)

BLANK_NODES = """\
@prefix ex: <http://example.org/> .
@prefix schema: <http://schema.org/> .
ex:a ex:steps ( "一" "二" [ ex:k 3 ] ) ; schema:address [ schema:streetAddress "甲" ] , [ schema:streetAddress "乙" ] .
[] ex:about ex:a ; ex:note "无名" .
"""


def exports_with_seeds(seeds, *paths) -> list[list[str]]:
    """The exports of ``paths`` made by one process per hash seed (run side by side)."""
    procs = [subprocess.Popen([sys.executable, "-c", EXPORT_SCRIPT, *map(str, paths)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=dict(os.environ, PYTHONHASHSEED=seed)) for seed in seeds]
    outs = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
        outs.append(out.decode("utf-8").split(SEP))
    return outs


@pytest.fixture(scope="module")
def bnode_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("bnodes") / "bnodes.ttl"
    path.write_text(BLANK_NODES, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seeded(dataset_file, bnode_file):
    """Exports of the letter's dataset and of a graph with blank nodes, in two processes with other hash seeds."""
    return exports_with_seeds(("1", "2"), dataset_file, bnode_file)


@pytest.mark.slow  # two fresh interpreters export twice each
def test_jsonld_and_xml_bytes_do_not_depend_on_the_hash_seed(seeded):
    first, second = seeded
    assert len(first) == len(second) == 2 * len(FORMATS)
    for a, b in zip(first, second):
        assert a.encode("utf-8") == b.encode("utf-8")


@pytest.mark.slow  # shares the two-interpreter fixture
def test_seeded_exports_are_standard_and_leave_out_personal_data(seeded, dataset_file, bnode_file):
    from kg.api import export
    from kg.graph.personal import personal_properties

    texts = dict(zip([(p, f) for p in (dataset_file, bnode_file) for f in FORMATS], seeded[0]))
    for path in (dataset_file, bnode_file):
        expected = parse_export(export(format="turtle", graph=path).text, "turtle")
        for fmt in FORMATS:
            back = parse_export(texts[path, fmt], fmt)
            assert len(back) == len(expected) and isomorphic(back, expected), (path.name, fmt)
    letter = parse_export(texts[dataset_file, "jsonld"], "jsonld")
    assert len(letter) > 3000
    personal = set(personal_properties())
    assert personal and not any(p in personal for p in letter.predicates())
    assert any(p in personal for p in parse_export(export(format="nt", graph=dataset_file,
                                                          include_personal=True).text, "nt").predicates())


def test_oxigraph_and_raptor_read_them(seeded, dataset_file):
    import pyoxigraph as ox

    jsonld, xml = seeded[0][:2]
    expected = len(parse_export(jsonld, "jsonld"))
    assert len(list(ox.parse(jsonld.encode("utf-8"), format=ox.RdfFormat.JSON_LD))) == expected
    assert len(list(ox.parse(xml.encode("utf-8"), format=ox.RdfFormat.RDF_XML))) == expected
    if shutil.which("rapper"):
        r = subprocess.run(["rapper", "-i", "rdfxml", "-c", "-", "http://example.org/"], input=xml.encode("utf-8"),
                           capture_output=True, timeout=120)
        assert r.returncode == 0 and f"returned {expected} triples" in r.stderr.decode()


def test_jsonld_keeps_the_context_and_sorts_nodes(seeded):
    data = json.loads(seeded[0][0])
    assert data["@context"]["kg"] == "https://w3id.org/kg-talent/ontology#"
    ids = [node["@id"] for node in data["@graph"]]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    for node in data["@graph"]:
        for key, value in node.items():
            if isinstance(value, list):
                keys = [json.dumps(v, sort_keys=True, ensure_ascii=False) for v in value]
                assert keys == sorted(keys), (node["@id"], key)
    assert "技能" in seeded[0][0]  # Chinese stays readable, not \\u-escaped


def test_rdfxml_declares_our_prefixes(seeded):
    xml = seeded[0][1]
    for prefix in ("kg", "prov", "skos", "schema"):
        assert f'xmlns:{prefix}="' in xml
    assert "<kg:" in xml


def test_blank_node_labels_come_from_the_content(seeded):
    """The same blank-node graph parsed twice (random labels each time) is written the same way."""
    from kg.namespaces import PREFIXES

    a, b = (Graph(bind_namespaces="none").parse(data=BLANK_NODES, format="turtle") for _ in range(2))
    assert set(a) != set(b)  # the parser's labels differ...
    assert to_rdfxml(a) == to_rdfxml(b)  # ...the writer's do not
    assert to_jsonld(a, context=dict(PREFIXES)) == to_jsonld(b, context=dict(PREFIXES))
    assert [serialize(a, fmt) for fmt in FORMATS] == seeded[0][2:]  # as in another process


def test_list_order_is_kept():
    text = canonical_jsonld('{"@id": "x", "p": [{"@list": ["b", "a"]}, "c"], "@type": ["t2", "t1"]}')
    data = json.loads(text)
    assert data["@type"] == ["t1", "t2"] and {"@list": ["b", "a"]} in data["p"]


@pytest.mark.slow
def test_corpus_exports_do_not_depend_on_the_hash_seed(corpus_built):
    trig = corpus_built.outputs[0]
    first, second = exports_with_seeds(("1", "3"), trig)
    assert [t.encode("utf-8") for t in first] == [t.encode("utf-8") for t in second]
    from kg.api import export

    expected = parse_export(export(format="turtle", graph=trig).text, "turtle")
    assert len(corpus_built.documents) >= 6 and len(expected) > 0
    for fmt, text in zip(FORMATS, first):
        assert isomorphic(parse_export(text, fmt), expected), fmt
