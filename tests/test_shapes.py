"""The SHACL shapes by example: every node shape in ontology/shapes.ttl has a valid and an invalid example.

Examples are small Turtle files:

* ``tests/shapes/valid/<ShapeName>.ttl`` must conform;
* ``tests/shapes/invalid/<ShapeName>-<what>.ttl`` must fail; together they trigger every sh:message of the shape.  Its first comment lines say what
  ``kg validate`` reports: ``# expect: <message>`` (a message of that shape, reported for a node of the
  example) and, when the broken node also trips other shapes, one ``# also: <message>`` per extra message.
  The messages reported must be exactly these.

``tests/shapes/_prelude.ttl`` (source text, document, quotes, a few agents) is merged into every example;
each is validated together with the ontology and vocabularies, as ``kg validate`` sees a built graph.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SH

from kg.namespaces import KG
from kg.facts.ontology import load_ontology, load_shapes
from kg.paths import SHAPES_FILE
from kg.check.shacl import validate_graph

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = Path(__file__).resolve().parent / "shapes"
PRELUDE = EXAMPLES / "_prelude.ttl"
VALID = sorted((EXAMPLES / "valid").glob("*.ttl"))
INVALID = sorted((EXAMPLES / "invalid").glob("*.ttl"))
SOURCES = ROOT / "data" / "documents" / "zhuzhou-2022-37"
KGR = Namespace("https://w3id.org/kg-talent/id/")

# Classes of the controlled vocabularies (ontology/vocab.ttl). Their instances are fixed concepts
# (kg:national, kg:person, kg:curated ...), not facts, and no node shape targets them.
# test_vocabulary_exemption_is_honest keeps this list from hiding data classes.
VOCABULARY_CLASSES: frozenset = frozenset()  # every class used has a shape of its own


# -------------------------------------------------------------------- cached inputs


@lru_cache(maxsize=None)
def _ontology() -> Graph:
    return load_ontology().graph


@lru_cache(maxsize=None)
def _shapes() -> Graph:
    return load_shapes()


@lru_cache(maxsize=None)
def _prelude() -> Graph:
    return Graph().parse(PRELUDE, format="turtle")


def _node_shapes() -> dict[str, URIRef]:
    """Named node shapes of shapes.ttl by local name (read at collection time, so new shapes show up)."""
    g = Graph().parse(SHAPES_FILE, format="turtle")
    return {str(s).rsplit("#", 1)[-1]: s for s in g.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)}


SHAPES = _node_shapes()


def _shape_of(path: Path) -> str:
    return path.stem.split("-", 1)[0]


def _shape_messages(shape: URIRef) -> set[str]:
    """sh:message values of a node shape and of its property shapes."""
    g = _shapes()
    nodes = [shape, *g.objects(shape, SH.property)]
    return {str(m) for n in nodes for m in g.objects(n, SH.message)}


def _all_messages() -> set[str]:
    return {str(m) for m in _shapes().objects(None, SH.message)}


def _expectations(path: Path) -> tuple[str | None, list[str]]:
    """(expect, also) from the comment lines at the top of an invalid example."""
    expect, also = None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        body = line.lstrip("#").strip()
        if body.startswith("expect:"):
            assert expect is None, f"{path.name}: more than one '# expect:' line"
            expect = body[len("expect:"):].strip()
        elif body.startswith("also:"):
            also.append(body[len("also:"):].strip())
    return expect, also


def _example(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def _merged(example: Graph) -> Graph:
    """ontology + vocabularies + prelude + example, as one data graph."""
    g = Graph()
    g.bind("kg", KG)
    g.bind("kgr", KGR)
    g += _ontology()
    g += _prelude()
    g += example
    return g


def _short(node) -> str:
    """A node as kg.check.shacl prints it in the merged graph (prefixes kg: and kgr: bound)."""
    for prefix, ns in (("kgr", KGR), ("kg", KG)):
        if str(node).startswith(str(ns)):
            return f"{prefix}:{str(node)[len(str(ns)):]}"
    return str(node)


def _ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


# -------------------------------------------------------------------- coverage of the shapes


def test_shapes_file_has_the_documented_shapes():
    # guards the enumeration itself: shapes are found, shared and class shapes alike
    assert {"LabelShape", "ProvenanceShape", "SourceTextShape", "SourceQuoteShape", "ReplyLetterShape",
            "HonorCountShape", "MediaReportShape"} <= set(SHAPES)
    assert len(SHAPES) >= 30


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_every_shape_has_a_valid_and_an_invalid_example(name):
    assert (EXAMPLES / "valid" / f"{name}.ttl").is_file(), f"write tests/shapes/valid/{name}.ttl"
    assert any(_shape_of(p) == name for p in INVALID), f"write tests/shapes/invalid/{name}-<what>.ttl"


def _declared_messages() -> list[tuple[str, str]]:
    g = Graph().parse(SHAPES_FILE, format="turtle")
    return sorted({(name, str(m)) for name, shape in SHAPES.items()
                   for node in (shape, *g.objects(shape, SH.property)) for m in g.objects(node, SH.message)})


@pytest.mark.parametrize(("name", "message"), _declared_messages())
def test_every_message_of_a_shape_is_expected_by_an_invalid_example(name, message):
    # a message nothing can trigger is a broken constraint; one nobody triggers is an untested one
    expected = {_expectations(p)[0] for p in INVALID if _shape_of(p) == name}
    assert message in expected, f"no tests/shapes/invalid/{name}-*.ttl expects {message!r}"


def test_every_example_names_an_existing_shape():
    orphans = sorted(p.name for p in VALID + INVALID if _shape_of(p) not in SHAPES)
    assert not orphans, f"examples for shapes that are not in shapes.ttl: {orphans}"


# -------------------------------------------------------------------- the examples


def test_prelude_conforms_on_its_own():
    report = validate_graph(_merged(Graph()), shapes=_shapes())
    assert report.conforms, report.text()


# pySHACL (what `kg validate` runs) checks each example on its own in the slow tier; the fast tier runs it
# once over all valid examples together and on every 8th invalid one, and checks every example on its own
# with the local engine (kg/check/localshacl.py; tests/test_localshacl.py shows it gives pySHACL's results
# on every example).
def _sampled(paths: list[Path]) -> list:
    return [pytest.param(p, id=p.stem, marks=() if i % 8 == 0 else pytest.mark.slow) for i, p in enumerate(paths)]


@lru_cache(maxsize=None)
def _compiled():
    from kg.check.localshacl import compile_shapes

    return compile_shapes(_shapes())


@lru_cache(maxsize=None)
def _base() -> Graph:
    """ontology + vocabularies + prelude, built once; _local adds an example's triples and takes them out again."""
    return _merged(Graph())


_base_supers: dict = {}


def _local(example: Graph) -> list:
    """The local engine's results for the example merged with the ontology and prelude (as _merged)."""
    from dataclasses import replace

    from kg.check.localshacl import Data, from_nt, nt_triples, subclass_closure, validate_part

    g = _base()
    added = [t for t in example if t not in g]
    for t in added:
        g.add(t)
    try:
        triples = nt_triples(g)
        if _base_supers.get(id(g)) is None:
            _base_supers[id(g)] = subclass_closure(triples)
        supers = subclass_closure(triples) if any(p == RDFS.subClassOf for _, p, _ in added) else _base_supers[id(g)]
        data = Data(triples, supers=supers)
        return [replace(r, focus=from_nt(r.focus), path=from_nt(r.path), value=from_nt(r.value))
                for r in validate_part(_compiled(), data, list(data.out))]
    finally:
        for t in added:
            g.remove(t)


def _targets_a_node(path: Path, example: Graph) -> None:
    targets = set(_shapes().objects(SHAPES[_shape_of(path)], SH.targetClass))
    typed = {o for o in example.objects(None, RDF.type)}
    assert typed & targets, f"{path.name} has no node of a class {path.stem} targets"


@pytest.mark.slow
@pytest.mark.parametrize("path", VALID, ids=_ids(VALID))
def test_valid_example_conforms(path):
    example = _example(path)
    _targets_a_node(path, example)
    report = validate_graph(_merged(example), shapes=_shapes())
    assert report.conforms, report.text()


def test_valid_examples_conform_together():
    """One pySHACL run over every valid example at once (each on its own: the slow tier, and _locally below)."""
    together = Graph()
    for path in VALID:
        together += _example(path)
    report = validate_graph(_merged(together), shapes=_shapes())
    assert report.conforms, report.text()
    assert len(VALID) == len(SHAPES)


@pytest.mark.parametrize("path", VALID, ids=_ids(VALID))
def test_valid_example_conforms_locally(path):
    example = _example(path)
    _targets_a_node(path, example)
    assert _local(example) == []


def _declares_its_messages(path: Path) -> tuple[str, list[str]]:
    expect, also = _expectations(path)
    assert expect, f"{path.name} must start with '# expect: <message>'"
    assert expect in _shape_messages(SHAPES[_shape_of(path)]), f"{expect!r} is not a message of {_shape_of(path)}"
    assert set(also) <= _all_messages(), f"{path.name}: an '# also:' message is in no shape"
    return expect, also


@pytest.mark.parametrize("path", _sampled(INVALID))
def test_invalid_example_fails_with_its_message(path):
    expect, also = _declares_its_messages(path)
    example = _example(path)
    report = validate_graph(_merged(example), shapes=_shapes())
    assert not report.conforms
    assert {r.message for r in report.results} == {expect, *also}, report.text()
    mine = {_short(s) for s in example.subjects()}
    assert any(r.message == expect and r.focus in mine for r in report.results), report.text()


@pytest.mark.parametrize("path", INVALID, ids=_ids(INVALID))
def test_invalid_example_fails_with_its_message_locally(path):
    expect, also = _declares_its_messages(path)
    example = _example(path)
    results = _local(example)
    assert {r.message for r in results} == {expect, *also}, results
    mine = set(example.subjects())
    assert any(r.message == expect and r.focus in mine for r in results), results


def test_examples_quote_the_real_source_text():
    """Quotes in the prelude and examples are the words at their offsets; the source text is the real file."""
    prelude = _prelude()
    for st in prelude.subjects(RDF.type, KG.SourceText):
        data = (SOURCES / str(prelude.value(st, KG.fileName))).read_bytes()
        assert str(prelude.value(st, KG.sha256)) == hashlib.sha256(data).hexdigest()
    text = (SOURCES / "000_cac52bcbbc1639b0.txt").read_text(encoding="utf-8")
    # invalid SourceQuoteShape examples break quotes on purpose
    files = [PRELUDE, *VALID, *(p for p in INVALID if _shape_of(p) != "SourceQuoteShape")]
    checked = 0
    for path in files:
        g = _example(path)
        for q in g.subjects(RDF.type, KG.SourceQuote):
            start, end, value = g.value(q, KG.startOffset), g.value(q, KG.endOffset), g.value(q, PROV.value)
            assert text[int(start):int(end)] == str(value), f"{path.name}: {q} does not quote the text"
            checked += 1
    assert checked >= 10


# -------------------------------------------------------------------- drift between the data and the shapes


def test_every_class_in_the_built_graph_has_its_own_shape(graph):
    """Each kg: class used as rdf:type in the built graph is the sh:targetClass of a shape (not only a superclass's)."""
    targets = set(_shapes().objects(None, SH.targetClass))
    used = {o for o in graph.objects(None, RDF.type) if isinstance(o, URIRef) and str(o).startswith(str(KG))}
    assert len(used) >= 30
    missing = sorted(str(c).rsplit("#", 1)[-1] for c in used - targets - VOCABULARY_CLASSES)
    assert not missing, f"kg: classes used in the built graph that no shape targets directly: {missing}"


# -------------------------------------------------------------------- what `kg validate` prints


def test_kg_validate_prints_the_failure_of_an_invalid_example(tmp_path, capsys):
    from kg.cli import main

    path = EXAMPLES / "invalid" / "HonorConferralShape-no-honor.ttl"
    expect, _ = _expectations(path)
    example = _example(path)
    focus = next(example.subjects(RDF.type, KG.HonorConferral))
    label = str(next(o for o in example.objects(focus, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))
                     if isinstance(o, Literal) and o.language == "zh"))
    out = tmp_path / "graph.ttl"
    _merged(example).serialize(out, format="turtle")

    assert main(["validate", str(out)]) == 1
    printed = capsys.readouterr()
    text = printed.out + printed.err
    line = next((ln for ln in text.splitlines() if expect in ln), None)
    assert line is not None, text
    assert f"{_short(focus)} ({label})" in line
    assert "kg:honor" in line


def test_kg_validate_accepts_a_valid_example(tmp_path, capsys):
    from kg.cli import main

    out = tmp_path / "graph.ttl"
    _merged(_example(EXAMPLES / "valid" / "HonorConferralShape.ttl")).serialize(out, format="turtle")
    assert main(["validate", str(out)]) == 0
    assert "conforms" in capsys.readouterr().out
