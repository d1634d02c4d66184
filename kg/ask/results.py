"""The result of a SPARQL query, the same whether it ran on the local graph or on a remote endpoint.

>>> from rdflib import Literal
>>> r = QueryResult(kind="select", variables=["name"], rows=[{"name": Literal("张三", lang="zh")}])
>>> r.as_dicts()
[{'name': '张三'}]
"""
from __future__ import annotations

from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph
from rdflib.term import Node


def term_tag(term: Node) -> tuple[str, str]:
    """(tag, text) of an rdflib term, the form :class:`TermRows` keeps: tag ``<`` an IRI, ``_`` a blank node,
    ``""`` a plain literal, ``@lang`` a literal with a language, ``^datatype-IRI`` a typed literal.

    >>> from rdflib import Literal, URIRef
    >>> term_tag(Literal("26", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")))
    ('^http://www.w3.org/2001/XMLSchema#decimal', '26')
    >>> term_tag(Literal("张三", lang="zh")), term_tag(URIRef("http://e/x"))
    (('@zh', '张三'), ('<', 'http://e/x'))
    """
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return "<", str(term)
    if isinstance(term, BNode):
        return "_", str(term)
    if isinstance(term, Literal):
        if term.language:
            return "@" + term.language, str(term)
        return ("^" + str(term.datatype) if term.datatype is not None else ""), str(term)
    raise TypeError(f"not an RDF term: {term!r}")


def tagged_term(tag: str, text: str) -> Node:
    """The rdflib term of a (tag, text) pair (the inverse of :func:`term_tag`)."""
    from rdflib import BNode, Literal, URIRef

    if tag == "<":
        return URIRef(text)
    if tag == "_":
        return BNode(text)
    if not tag:
        return Literal(text)
    if tag[0] == "@":
        return Literal(text, lang=tag[1:])
    return Literal(text, datatype=URIRef(tag[1:]))


def _string_literals():
    """A maker of string literals (plain or with a language) for many terms at once: rdflib's constructor
    checks and normalises each one (~2 µs, most of reading a kept answer of 175,000 labels); a kept term was
    written from a valid rdflib term, so this sets the same four slots rdflib sets for a string (its
    language as rdflib normalises it, learnt once per tag). tests/test_results.py checks the terms are
    equal, hash alike and read alike (value, language, datatype, n3) to rdflib's own."""
    from rdflib import Literal

    new = str.__new__
    languages: dict = {}

    def make(text: str, lang: str | None) -> Literal:
        if lang is not None:
            norm = languages.get(lang)
            if norm is None:
                norm = languages[lang] = Literal("", lang=lang).language
        else:
            norm = None
        term = new(Literal, text)
        term._language, term._datatype, term._value, term._ill_typed = norm, None, text, None
        return term

    return make


class TermPairs(Sequence):
    """The (tag, text) pairs of a flat list ``[tag, text, tag, text, ...]`` (as a kept answer's file holds
    them), without making a tuple per term until one is asked for.

    >>> pairs = TermPairs(["@zh", "张三", "", "http://e/a"])
    >>> len(pairs), pairs[1], list(pairs)[0]
    (2, ('', 'http://e/a'), ('@zh', '张三'))
    """

    def __init__(self, flat: list[str]):
        self.flat = flat

    def __len__(self) -> int:
        return len(self.flat) // 2

    def __getitem__(self, index):
        if isinstance(index, slice):
            return list(self)[index]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self.flat[2 * index], self.flat[2 * index + 1]

    def __iter__(self):
        return zip(self.flat[0::2], self.flat[1::2])


@contextmanager
def collector_paused():
    """Pause the cyclic garbage collector while many acyclic objects (terms, rows, the lists of a kept answer)
    are made: it would walk them again and again; reference counting still frees them."""
    import gc

    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


class TermRows(Sequence):
    """The rows of a SELECT answer kept as text: each distinct term once, as (tag, text) (see :func:`term_tag`),
    and each row as one index per variable (-1: unbound). It reads like the list of rows of a
    :class:`QueryResult` (dicts variable -> rdflib term); the rdflib terms (one per distinct term, shared by the
    rows) and the dicts are made only when a row is first read. ``len`` makes nothing.

    >>> rows = TermRows(["name", "n"], [("@zh", "张三"), ("^http://www.w3.org/2001/XMLSchema#integer", "2")], [0, 1, 0, -1])
    >>> len(rows), rows[1]
    (2, {'name': rdflib.term.Literal('张三', lang='zh')})
    """

    def __init__(self, variables: list[str], terms: list[tuple[str, str]], cells: list[int], *, count: int | None = None):
        self.variables = list(variables)
        self.terms = terms
        self.cells = cells
        self.count = count if count is not None else (len(cells) // len(self.variables) if self.variables else 0)
        self._rows: list | None = None

    def __len__(self) -> int:
        return self.count

    def rdflib_terms(self) -> list[Node]:
        """The distinct terms as rdflib terms, in the order of ``terms``."""
        string = _string_literals()
        return [string(text, None) if not tag else string(text, tag[1:]) if tag[0] == "@" else tagged_term(tag, text)
                for tag, text in self.terms]

    def value_rows(self, values: list) -> "zip":
        """Each row as a tuple of ``values[i]`` for its cells ``i`` (``values[-1]`` for an unbound cell):
        ``values`` is one value per distinct term, plus the one for unbound last."""
        width = len(self.variables)
        return zip(*[map(values.__getitem__, self.cells[: self.count * width])] * width)

    def _made(self) -> list[dict[str, Node]]:
        if self._rows is None:
            with collector_paused():
                self._make()
        return self._rows

    def _make(self) -> None:
        made = self.rdflib_terms()
        made.append(None)  # cell -1: unbound
        names = self.variables
        width = len(names)
        if not width:
            self._rows = [{} for _ in range(self.count)]
            return
        cells = self.cells[: self.count * width]
        rows = self.value_rows(made)
        self._rows = made_rows = [dict(zip(names, row)) for row in rows]
        if -1 in cells:  # an unbound cell: its variable is left out of its row (found in C, not row by row)
            at = cells.index(-1)
            while True:
                del made_rows[at // width][names[at % width]]
                try:
                    at = cells.index(-1, at + 1)
                except ValueError:
                    break

    def __getitem__(self, index):
        return self._made()[index]

    def __iter__(self):
        return iter(self._made())

    def __eq__(self, other) -> bool:
        if isinstance(other, (list, tuple, TermRows)):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"TermRows({len(self)} rows, {len(self.terms)} terms)"


@dataclass
class QueryResult:
    """kind is "select", "ask" or "graph" (CONSTRUCT/DESCRIBE).

    For select: ``variables`` and ``rows`` (each a dict variable → rdflib term; unbound variables absent;
    an answer read from the answer cache has a :class:`TermRows`, which reads the same).
    For ask: ``boolean``. For graph: ``graph``.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Node]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def as_dicts(self) -> list[dict[str, Any]]:
        """Rows as plain Python values (str for IRIs and text, int/Decimal/date for typed literals)."""
        out = []
        for row in self.rows:
            d = {}
            for var in self.variables:
                term = row.get(var)
                if term is None:
                    d[var] = None
                elif hasattr(term, "toPython"):
                    value = term.toPython()
                    d[var] = str(value) if type(value).__name__ == "Literal" else value
                else:
                    d[var] = str(term)
            out.append(d)
        return out
