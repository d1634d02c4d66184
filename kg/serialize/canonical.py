"""Byte-stable JSON-LD and RDF/XML: the same graph gives the same bytes in every process.

rdflib writes JSON-LD nodes and RDF/XML subjects in the order of its in-memory sets, which depends on
Python's hash seed (``PYTHONHASHSEED``), so two runs of ``kg export`` differed. Here:

- JSON-LD is rdflib's output (same ``@context``, compacted IRIs) put in a canonical order: the ``@graph``
  nodes sorted by ``@id``, each property's values (and ``@type``s) sorted by their JSON text; ``@list``
  keeps its order (an RDF list is ordered).
- RDF/XML is written by Oxigraph, which keeps the order it is given, from the triples sorted as N-Triples
  lines (so each subject's triples sit together), with the prefixes the data uses, declared in sorted order.
- Blank nodes, if any, get labels derived from the graph's content (rdflib's canonical labelling), not from
  the parser's random ones.

>>> from rdflib import Graph, URIRef, Literal
>>> g = Graph(bind_namespaces="none")
>>> g = g.add((URIRef("http://e/b"), URIRef("http://e/p"), Literal("乙"))).add((URIRef("http://e/a"), URIRef("http://e/p"), Literal("甲")))
>>> g = g.add((URIRef("http://e/a"), URIRef("http://e/p"), Literal("丙")))
>>> g.bind("e", "http://e/")
>>> import json
>>> [(n["@id"], n["e:p"]) for n in json.loads(to_jsonld(g, context={"e": "http://e/"}))["@graph"]]
[('e:a', ['丙', '甲']), ('e:b', '乙')]
>>> for line in to_rdfxml(g).splitlines()[2:]:
...     print(line.strip())
<rdf:Description rdf:about="http://e/a">
<e:p>丙</e:p>
<e:p>甲</e:p>
</rdf:Description>
<rdf:Description rdf:about="http://e/b">
<e:p>乙</e:p>
</rdf:Description>
</rdf:RDF>
"""
from __future__ import annotations

import json

from rdflib import BNode, Graph

from kg.serialize.turtle import sorted_lines


def stable_blank_nodes(graph: Graph) -> Graph:
    """``graph`` itself when it has no blank node; else a copy whose blank nodes are labelled from the
    graph's content (the same labels in every process), with the same prefixes bound."""
    if not any(isinstance(t, BNode) for triple in graph for t in (triple[0], triple[2])):
        return graph
    from rdflib.compare import to_canonical_graph

    out = Graph(bind_namespaces="none")
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns, override=True)
    for triple in to_canonical_graph(graph):
        out.add(triple)
    return out


def _key(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _ordered(value, key: str | None = None):
    """A JSON-LD value with every unordered array sorted (recursively); ``@list`` arrays keep their order."""
    if isinstance(value, dict):
        return {k: v if k == "@context" else _ordered(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_ordered(v) for v in value]
        return items if key == "@list" else sorted(items, key=_key)
    return value


def canonical_jsonld(text: str) -> str:
    """JSON-LD text in canonical order: ``@graph`` nodes by ``@id``, property values and types by their JSON
    text, keys sorted; ``@context`` and ``@list`` orders kept. Non-ASCII stays as is; ends with a newline.

    >>> print(canonical_jsonld('{"@graph": [{"@id": "b", "p": [2, 1]}, {"@id": "a", "@type": ["y", "x"]}]}'), end="")
    {
      "@graph": [
        {
          "@id": "a",
          "@type": [
            "x",
            "y"
          ]
        },
        {
          "@id": "b",
          "p": [
            1,
            2
          ]
        }
      ]
    }
    """
    data = json.loads(text)
    if isinstance(data, dict) and isinstance(data.get("@graph"), list):
        nodes = [_ordered(node) for node in data["@graph"]]
        data = dict(data, **{"@graph": sorted(nodes, key=lambda n: (str(n.get("@id", "")) if isinstance(n, dict)
                                                                    else "", _key(n)))})
        data = {k: v if k in ("@context", "@graph") else _ordered(v, k) for k, v in data.items()}
    else:
        data = _ordered(data)
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def to_jsonld(graph: Graph, *, context: dict[str, str]) -> str:
    """``graph`` as compacted JSON-LD with ``context``, in canonical order (:func:`canonical_jsonld`)."""
    graph = stable_blank_nodes(graph)
    return canonical_jsonld(graph.serialize(format="json-ld", context=context, indent=2, sort_keys=True))


def to_rdfxml(graph: Graph) -> str:
    """``graph`` as RDF/XML written by Oxigraph from its sorted triples, with the graph's prefixes that the
    data uses (sorted); literals keep their exact lexical form."""
    import pyoxigraph as ox

    lines = sorted_lines(stable_blank_nodes(graph).serialize(format="nt"))
    prefixes = {str(p): str(ns) for p, ns in sorted(graph.namespaces()) if p and f"<{ns}" in lines}
    triples = ox.parse(lines.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return ox.serialize(triples, format=ox.RdfFormat.RDF_XML, prefixes=prefixes).decode("utf-8")
