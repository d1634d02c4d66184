"""kg.draw.compact: the relationship graph of a large graph's page, read without networkx."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.draw.compact import from_networkx
from kg.draw.network import page_graph, to_compact, to_networkx
from kg.draw.page import index_data

TWO = Path(__file__).parent / "data" / "two-documents.trig"


def _relations(g) -> list:
    labels = g.label_list()
    return sorted((g.ids[a], g.ids[b], labels[k]) for a, b, k in g.relations())


def _same(compact, G) -> None:
    copied = from_networkx(G)
    assert compact.ids == copied.ids and compact.zh == copied.zh and compact.en == copied.en
    assert compact.cls == copied.cls and compact.own_docs == copied.own_docs
    assert _relations(compact) == _relations(copied) and len(_relations(compact)) > 2
    assert compact.number_of_edges() == G.number_of_edges() and compact.number_of_nodes() == G.number_of_nodes()
    assert compact.class_pairs() == copied.class_pairs()
    assert index_data(compact) == index_data(G)


@pytest.mark.parametrize("nary", ["edges", "nodes"])
def test_compact_graph_says_what_the_networkx_graph_says(graph, nary):
    _same(to_compact(graph, nary=nary), to_networkx(graph, nary=nary, details=False))


def test_compact_graph_of_a_corpus_keeps_documents_and_personal_data_out(corpus_built):
    trig = corpus_built.outputs[0]
    g = to_compact(trig)
    _same(g, to_networkx(trig, details=False))
    mohrss = g.index["mohrss"]
    assert {"mohrss-2018-reply-4264", "hunan-2022-news-skills-competition-opening"} <= set(g.own_docs[mohrss])
    one = to_compact(trig, doc="mohrss-2018-reply-4264")
    _same(one, to_networkx(trig, doc="mohrss-2018-reply-4264", details=False))
    assert {n.split("/")[0] for n in one.ids if "/" in n} == {"mohrss-2018-reply-4264"}


def test_compact_graph_leaves_personal_data_out_unless_asked():
    plain, personal = to_compact(TWO), to_compact(TWO, include_personal=True)
    _same(plain, to_networkx(TWO, details=False))
    _same(personal, to_networkx(TWO, details=False, include_personal=True))


def test_page_graph_is_compact_past_the_limit(graph):
    assert type(page_graph(graph)).__name__ == "MultiDiGraph"
    big = page_graph(graph, limit=10)
    assert type(big).__name__ == "CompactGraph" and "易冉" in big.zh
