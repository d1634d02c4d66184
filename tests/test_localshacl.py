"""Local SHACL: the same results as pySHACL (focus, path, message, value — and how many) on every shape example,
and the shapes that cannot be checked one node at a time are refused (the caller then uses pySHACL)."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF, SH

from kg.check.localshacl import Data, Unsupported, compile_shapes, from_nt, nt_triples, subclass_closure, validate_part
from kg.facts.ontology import load_ontology, load_shapes

EXAMPLES = Path(__file__).resolve().parent / "shapes"
FILES = sorted((EXAMPLES / "invalid").glob("*.ttl")) + sorted((EXAMPLES / "valid").glob("*.ttl"))


@lru_cache(maxsize=1)
def _shapes():
    sg = load_shapes()
    return sg, compile_shapes(sg)


def pyshacl_results(g: Graph) -> Counter:
    import pyshacl

    _conforms, rg, _ = pyshacl.validate(g, shacl_graph=_shapes()[0], inference="none", advanced=True)
    out = Counter()
    for r in rg.subjects(RDF.type, SH.ValidationResult):
        msgs = sorted(str(m) for m in rg.objects(r, SH.resultMessage))
        out[(rg.value(r, SH.focusNode), rg.value(r, SH.resultPath), msgs[0], rg.value(r, SH.value))] += 1
    return out


def local_results(g: Graph) -> Counter:
    triples = nt_triples(g)
    data = Data(triples, supers=subclass_closure(triples))
    return Counter((from_nt(r.focus), from_nt(r.path), r.message, from_nt(r.value))
                   for r in validate_part(_shapes()[1], data, list(data.out)))


# every 16th example in the fast tier, all of them in the slow one (tests/test_shapes.py checks every example
# with the local engine in the fast tier, and pySHACL on a sample)
PARAMS = [pytest.param(p, id=f"{p.parent.name}/{p.stem}", marks=() if i % 16 == 0 else pytest.mark.slow)
          for i, p in enumerate(FILES)]


@pytest.mark.parametrize("path", PARAMS)
def test_same_results_as_pyshacl(path):
    g = Graph()
    g += load_ontology().graph
    g.parse(EXAMPLES / "_prelude.ttl")
    g.parse(path)
    want = pyshacl_results(g)
    assert local_results(g) == want
    assert bool(want) == (path.parent.name == "invalid")


def test_shapes_outside_the_local_core_are_refused():
    base = "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://e/> .\n"
    for body in ("ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:p ; sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:message 'm' ] .",
                 "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path [ sh:inversePath ex:p ] ; sh:minCount 1 ; sh:message 'm' ] .",
                 "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:node ex:T ; sh:message 'm' ] .",
                 "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 1 ] ."):
        with pytest.raises(Unsupported):
            compile_shapes(Graph().parse(data=base + body, format="turtle"))
