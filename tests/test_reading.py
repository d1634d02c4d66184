"""kg.draw.reading: answers of the store read as terms (TSV), without SPARQL functions."""
from __future__ import annotations

import pyoxigraph as ox

from kg.draw.reading import LANG_STRING, XSD, Lit, Source

TRICKY = r'''<http://e/a> <http://e/p> 1, -2, 1.5, 1e3, true, "x\ty\\z\"q\""@zh, "2020"^^<http://www.w3.org/2001/XMLSchema#gYear>,
  "plain", _:b, <http://e/o>, """two
lines""", "tab\there", "\u0001ctl", "张三"@zh-Hans, "emoji \U0001F600" .'''


def test_terms_give_back_every_kind_of_term_as_the_store_holds_it():
    store = ox.Store()
    store.load(TRICKY.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    want = []
    for q in store.quads_for_pattern(None, None, None, None):
        o = q.object
        if isinstance(o, ox.NamedNode):
            want.append(o.value)
        elif isinstance(o, ox.BlankNode):
            want.append("_:" + o.value)
        else:
            want.append(Lit(o.value, o.language or "", o.datatype.value))
    got = [row[0] for row in Source(store).terms("SELECT ?o WHERE { ?s ?p ?o }")]
    assert sorted(map(repr, got)) == sorted(map(repr, want)) and len(got) == 15
    assert Lit("x\ty\\z\"q\"", "zh", LANG_STRING) in got and Lit("two\nlines", "", XSD + "string") in got
    assert Lit("-2", "", XSD + "integer") in got and "http://e/o" in got
