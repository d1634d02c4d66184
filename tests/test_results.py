"""kg.ask.results: TermRows (the rows of a kept answer) read exactly like rows of rdflib terms made by
rdflib's own constructors, including the string literals made without rdflib's constructor."""
from __future__ import annotations

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.ask.results import TermRows, tagged_term, term_tag

TERMS = [Literal("何鹏", lang="zh"), Literal("Zhuzhou", lang="en"), Literal("x", lang="ZH-cn"), Literal(""),
         Literal("plain"), Literal("", lang="zh"), Literal("26", datatype=XSD.decimal),
         Literal("2022-03-01", datatype=XSD.date), URIRef("https://w3id.org/kg-talent/id/p1"), BNode("b0"),
         Literal("技能大师工作室", datatype=XSD.string)]


def test_terms_of_kept_rows_are_rdflibs_own():
    rows = TermRows(["t"], [term_tag(t) for t in TERMS], list(range(len(TERMS))))
    made = [row["t"] for row in rows]
    for ours, theirs in zip(made, TERMS):
        assert type(ours) is type(theirs) and ours == theirs and hash(ours) == hash(theirs)
        assert ours.n3() == theirs.n3() and repr(ours) == repr(theirs)
        if isinstance(theirs, Literal):
            assert (ours.value, ours.language, ours.datatype) == (theirs.value, theirs.language, theirs.datatype)
            assert ours.eq(theirs) and not ours.neq(theirs)
            assert ours == tagged_term(*term_tag(theirs))
    # and they compare with other terms as rdflib's do (sorting a column mixes both)
    assert sorted(made[:6]) == sorted(TERMS[:6])
    assert made[0] != Literal("何鹏", lang="en") and made[3] != Literal("", lang="zh")


def test_unbound_cells_leave_the_variable_out_and_rows_share_their_terms():
    terms = [("@zh", "何鹏"), ("<", "https://w3id.org/kg-talent/id/p1")]
    rows = TermRows(["name", "who"], terms, [0, 1, 0, -1, -1, -1])
    assert list(rows) == [{"name": Literal("何鹏", lang="zh"), "who": URIRef("https://w3id.org/kg-talent/id/p1")},
                          {"name": Literal("何鹏", lang="zh")}, {}]
    assert rows[0]["name"] is rows[1]["name"]
    every = TermRows(["name"], terms[:1], [0, 0])
    assert list(every) == [{"name": Literal("何鹏", lang="zh")}] * 2
