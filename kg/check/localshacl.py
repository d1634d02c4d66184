"""SHACL validation one part of a corpus at a time, with the same results as pySHACL over the whole graph.

kg's shapes are *local*: whether a focus node conforms depends only on the triples whose subject it is
and on the types of the nodes those triples point to (``sh:class``) — never on a path of two steps, an
inverse path or a SPARQL constraint. So a document can be validated with its own named graph plus the
types of the registry entities and vocabulary concepts it names (and the ontology's subclass axioms), and
the registry's entities with the registry graph plus what the documents say about them. The results for
the nodes each part owns, put together, are exactly pySHACL's over the union (the tests compare them on a
corpus with planted violations).

:func:`compile_shapes` reads the shapes into plain Python; :func:`validate_part` checks the focus nodes of a
part. Terms are N-Triples texts (``<iri>``, ``_:b``, ``"text"@zh``, ``"5"^^<…#integer>``), as a corpus build
writes them: no rdflib term is made for the data, and most comparisons are string comparisons in C. A value
whose test needs what rdflib makes of a literal (a comparison, a well-formed check) is made an rdflib term
once (:func:`from_nt`), so the results are rdflib's — pySHACL's. :func:`nt_triples` turns rdflib triples into
such texts. Shapes outside the supported core (other targets, paths, SPARQL, messages left to the engine) raise
:class:`Unsupported`, and the caller falls back to pySHACL over the whole graph.

>>> from kg.facts.ontology import load_shapes
>>> shapes = compile_shapes(load_shapes())
>>> len(shapes.node_shapes) > 20
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, Iterable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

ENGINE_VERSION = "1"
_TYPE = RDF.type
_STRINGS = (None, RDF.langString, XSD.string)

# parameters a shape may carry (besides sh:message, sh:severity, sh:name …), by what they need
_NODE_PARAMS = {SH.targetClass, SH.property, SH["or"], SH["not"], SH["and"], SH["class"], SH.datatype, SH["in"],
                SH.hasValue, SH.nodeKind, SH.pattern, SH.flags, SH.languageIn, SH.minLength, SH.maxLength,
                SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive}
_PROPERTY_PARAMS = _NODE_PARAMS | {SH.path, SH.minCount, SH.maxCount, SH.uniqueLang, SH.qualifiedValueShape,
                                   SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.qualifiedValueShapesDisjoint,
                                   SH.lessThan, SH.lessThanOrEquals}
_IGNORED = {RDF.type, RDFS.comment, RDFS.label, SH.message, SH.severity, SH.name, SH.description, SH.order,
            SH.group, SH.deactivated, SH.defaultValue}


class Unsupported(Exception):
    """The shapes use SHACL that this engine does not evaluate locally; validate the whole graph instead."""


@dataclass(eq=False)
class Shape:
    """A node or property shape: its path (None for a node shape), constraints and how it reports."""

    node: Any
    path: URIRef | None = None
    constraints: list[tuple[str, Any]] = field(default_factory=list)
    properties: list["Shape"] = field(default_factory=list)
    targets: list[URIRef] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    severity: str = "Violation"
    checks: list = field(default_factory=list)  # (function, argument) for each constraint
    empty_checks: list = field(default_factory=list)  # those that can fail when the path has no value


@dataclass
class CompiledShapes:
    """The node shapes with targets, ready to check focus nodes."""

    node_shapes: list[Shape]
    _by_class: dict | None = None
    _order: dict | None = None

    def order(self, shape: Shape) -> int:
        if self._order is None:
            self._order = {id(s): i for i, s in enumerate(self.node_shapes)}
        return self._order[id(shape)]

    def by_class(self) -> dict:
        """target class → the shapes that target it."""
        if self._by_class is None:
            self._by_class = {}
            for shape in self.node_shapes:
                for c in shape.targets:
                    self._by_class.setdefault(c, []).append(shape)
        return self._by_class


def _items(sg: Graph, head) -> list:
    return list(Collection(sg, head))


def _one(sg: Graph, node, pred):
    vals = list(sg.objects(node, pred))
    if len(vals) != 1:
        raise Unsupported(f"{node}: expected one {pred}, found {len(vals)}")
    return vals[0]


def _compile(sg: Graph, node, *, top: bool, cache: dict) -> Shape:
    if node in cache:
        return cache[node]
    preds = set(sg.predicates(node, None))
    is_property = SH.path in preds
    allowed = _PROPERTY_PARAMS if is_property else _NODE_PARAMS
    extra = preds - allowed - _IGNORED
    if extra:
        raise Unsupported(f"shape {node} uses {', '.join(sorted(str(p) for p in extra))}")
    if (node, SH.deactivated, Literal(True)) in sg:
        raise Unsupported(f"shape {node} is deactivated")
    shape = Shape(node=node)
    cache[node] = shape
    if is_property:
        path = _one(sg, node, SH.path)
        if not isinstance(path, URIRef):
            raise Unsupported(f"shape {node}: only predicate paths are evaluated locally")
        shape.path = _nt(path)
    shape.messages = sorted(str(m) for m in sg.objects(node, SH.message))
    sev = sg.value(node, SH.severity)
    if sev is not None:
        shape.severity = str(sev).rsplit("#", 1)[-1]
    shape.targets = sorted(_nt(t) for t in sg.objects(node, SH.targetClass))
    if shape.targets and not top:
        raise Unsupported(f"nested shape {node} has targets")
    c = shape.constraints
    for p in (SH.minCount, SH.maxCount):
        for v in sg.objects(node, p):
            c.append((str(p).rsplit("#", 1)[1], int(v)))
    for v in sg.objects(node, SH.datatype):
        c.append(("datatype", str(v)))
    for v in sg.objects(node, SH["class"]):
        c.append(("class", _nt(v)))
    for v in sg.objects(node, SH.nodeKind):
        c.append(("nodeKind", _NODE_KINDS.get(v, "")))
    for v in sg.objects(node, SH.languageIn):
        c.append(("languageIn", {str(x).lower() for x in _items(sg, v)}))
    for v in sg.objects(node, SH.uniqueLang):
        if v.toPython() is True:
            c.append(("uniqueLang", True))
    for v in sg.objects(node, SH["in"]):
        c.append(("in", {_key(_nt(x)) for x in _items(sg, v)}))
    for v in sg.objects(node, SH.hasValue):
        c.append(("hasValue", _key(_nt(v))))
    flags = sg.value(node, SH.flags)
    for v in sg.objects(node, SH.pattern):
        fl = 0
        for ch in str(flags or ""):
            fl |= {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}.get(ch, 0)
        c.append(("pattern", re.compile(str(v), fl)))
    for p in (SH.minLength, SH.maxLength):
        for v in sg.objects(node, p):
            c.append((str(p).rsplit("#", 1)[1], int(v)))
    for p in (SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive):
        for v in sg.objects(node, p):
            whole = v.value if isinstance(v, Literal) and v.datatype == XSD.integer and type(v.value) is int \
                and not getattr(v, "ill_typed", False) else None
            c.append((str(p).rsplit("#", 1)[1], (v, whole)))
    for p in (SH.lessThan, SH.lessThanOrEquals):
        for v in sg.objects(node, p):
            c.append((str(p).rsplit("#", 1)[1], _nt(v)))
    for p, name in ((SH["or"], "or"), (SH["and"], "and")):
        for v in sg.objects(node, p):
            c.append((name, [_compile(sg, x, top=False, cache=cache) for x in _items(sg, v)]))
    for v in sg.objects(node, SH["not"]):
        c.append(("not", _compile(sg, v, top=False, cache=cache)))
    for q in sg.objects(node, SH.qualifiedValueShape):
        disjoint = sg.value(node, SH.qualifiedValueShapesDisjoint)
        if disjoint is not None and disjoint.toPython() is True:
            raise Unsupported(f"shape {node}: sh:qualifiedValueShapesDisjoint")
        inner = _compile(sg, q, top=False, cache=cache)
        mn, mx = sg.value(node, SH.qualifiedMinCount), sg.value(node, SH.qualifiedMaxCount)
        c.append(("qualified", (inner, int(mn) if mn is not None else None, int(mx) if mx is not None else None)))
    for p in sg.objects(node, SH.property):
        shape.properties.append(_compile(sg, p, top=False, cache=cache))
    shape.checks = [(_CHECKS[kind], arg) for kind, arg in c]
    shape.empty_checks = [(_CHECKS[kind], arg) for kind, arg in c if kind in ("minCount", "hasValue", "qualified")]
    if top and not shape.messages and c:
        raise Unsupported(f"shape {node} has no sh:message (pySHACL's own wording is not reproduced)")
    for prop in shape.properties:
        if prop.constraints and not prop.messages and top:
            raise Unsupported(f"property shape {prop.node} has no sh:message")
    return shape


def compile_shapes(sg: Graph) -> CompiledShapes:
    """The node shapes of a shapes graph (those with sh:targetClass); Unsupported if any target or feature
    cannot be checked one focus node at a time."""
    for p in (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target, SH.sparql, SH.rule):
        if next(sg.subject_objects(p), None) is not None:
            raise Unsupported(f"shapes use {p}")
    for s in set(sg.subjects(RDF.type, SH.NodeShape)) | set(sg.subjects(RDF.type, SH.PropertyShape)):
        if (s, RDF.type, RDFS.Class) in sg:
            raise Unsupported(f"{s} is an implicit class target")
    cache: dict = {}
    tops = sorted({s for s in sg.subjects(SH.targetClass, None)}, key=str)
    return CompiledShapes(node_shapes=[_compile(sg, s, top=True, cache=cache) for s in tops])


# ---------------------------------------------------------------------------------------------- terms

def _nt(t) -> str:
    """An rdflib term as its N-Triples text (rdflib's own N-Triples writer's bytes): the builder's writer."""
    global _NT
    if _NT is None:
        from kg.graph.builder import NtTerms

        _NT = NtTerms()
    return _NT.term(t)


_NT = None


def nt_triples(triples: Iterable[tuple]) -> list[tuple[str, str, str]]:
    """rdflib triples as triples of N-Triples texts (what :class:`Data` holds).

    >>> from rdflib import Literal, URIRef
    >>> nt_triples([(URIRef("http://e/a"), URIRef("http://e/p"), Literal("x", lang="en"))])
    [('<http://e/a>', '<http://e/p>', '"x"@en')]
    """
    return [(_nt(s), _nt(p), _nt(o)) for s, p, o in triples]


_UNESCAPE = re.compile(r'\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))', re.DOTALL)
_SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _UNESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)) if (m.group(1) or m.group(2))
                         else _SIMPLE.get(m.group(3), m.group(3)), text)


def _parts(v: str) -> tuple[str, str | None, str | None]:
    """A literal's lexical form, language tag and datatype IRI (each None when absent)."""
    end = v.rindex('"')
    tail = v[end + 1:]
    lex = _unescape(v[1:end])
    if not tail:
        return lex, None, None
    if tail[0] == "@":
        return lex, tail[1:], None
    return lex, None, tail[3:-1]


_MADE: dict = {}


def from_nt(v: str | None):
    """The rdflib term of an N-Triples text (made once: a literal's value, well-formedness and order are
    rdflib's).

    >>> from_nt('"5"^^<http://www.w3.org/2001/XMLSchema#integer>').value, from_nt("<http://e/a>")
    (5, rdflib.term.URIRef('http://e/a'))
    """
    if v is None:
        return None
    got = _MADE.get(v)
    if got is None:
        if len(_MADE) > 200_000:
            _MADE.clear()
        if v[0] == "<":
            got = URIRef(v[1:-1])
        elif v[0] == "_":
            got = BNode(v[2:])
        else:
            lex, lang, dt = _parts(v)
            got = Literal(lex, lang=lang, datatype=URIRef(dt) if dt is not None else None)
        _MADE[v] = got
    return got


# ---------------------------------------------------------------------------------------------- data


class Data:
    """The triples of a part (N-Triples texts, see :func:`nt_triples`), by subject, and the types of every
    node they name (with subclass closure)."""

    def __init__(self, triples: Iterable[tuple], *, types: dict | None = None, supers: dict | None = None):
        self.out: dict = {}
        self.types: dict = {k: set(v) for k, v in (types or {}).items()}
        self.add(triples, unique=True)
        self.supers = supers or {}

    def add(self, triples: Iterable[tuple], *, unique: bool = False) -> None:
        """Add triples (``unique``: none of them is here yet, so no duplicate check)."""
        out, types = self.out, self.types
        rdf_type = _TYPE_NT
        for s, p, o in triples:
            preds = out.get(s)
            if preds is None:
                preds = out[s] = {}
            vals = preds.get(p)
            if vals is None:
                preds[p] = [o]
            elif unique or o not in vals:
                vals.append(o)
            if p == rdf_type:
                t = types.get(s)
                if t is None:
                    types[s] = {o}
                else:
                    t.add(o)
        self._classes: dict = {}

    def objects(self, s, p) -> list:
        return self.out.get(s, _NONE).get(p, ())

    def classes(self, node) -> set:
        got = self._classes.get(node)
        if got is None:
            got = set()
            for t in self.types.get(node, ()):
                got.add(t)
                got |= self.supers.get(t, set())
            self._classes[node] = got
        return got


_NONE: dict = {}
_TYPE_NT = "<" + str(RDF.type) + ">"


def subclass_closure(triples: Iterable[tuple]) -> dict:
    """class → all its superclasses (rdfs:subClassOf, transitively), over N-Triples texts."""
    sub = "<" + str(RDFS.subClassOf) + ">"
    direct: dict = {}
    for s, p, o in triples:
        if p == sub:
            direct.setdefault(s, set()).add(o)
    out = {}
    for c in direct:
        seen, todo = set(), list(direct[c])
        while todo:
            x = todo.pop()
            if x not in seen:
                seen.add(x)
                todo.extend(direct.get(x, ()))
        out[c] = seen
    return out


# ---------------------------------------------------------------------------------------------- checks

_VALUE_TYPES = {str(k): v for k, v in (
    (XSD.string, (str, bytes)), (RDF.langString, (str, bytes)), (XSD.integer, (int,)), (XSD.float, (float,)),
    (XSD.decimal, (Decimal,)), (XSD.boolean, (bool,)), (XSD.date, (date,)), (XSD.time, (time,)),
    (XSD.dateTime, (datetime,)))}

# datatypes whose well-formed lexical forms a pattern tells (then rdflib's value is of the right kind)
_WELL_FORMED = {str(XSD.string): None, str(XSD.integer): re.compile(r"[+-]?[0-9]+"),
                str(XSD.decimal): re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")}


def _datatype_ok(v: str, dt) -> bool:
    """pySHACL's sh:datatype test: the datatype, and a well-formed value of it."""
    if v[0] != '"':
        return False
    end = v.rindex('"')
    tail = v[end + 1:]
    if tail[:3] == "^^<":
        vdt = tail[3:-1]
        if vdt == dt:
            if vdt in _WELL_FORMED:
                pattern = _WELL_FORMED[vdt]
                if pattern is None or pattern.fullmatch(v, 1, end):
                    return True
            return _rdflib_datatype_ok(from_nt(v), dt)
        return dt == _RDFS_LITERAL or dt == _RDFS_DATATYPE
    if dt == _RDFS_LITERAL:
        return True
    if not tail:
        return dt == _XSD_STRING  # a plain literal: its value is its text
    return dt == _RDF_LANGSTRING  # a language-tagged literal: its value is its text


_RDFS_LITERAL, _RDFS_DATATYPE, _XSD_STRING, _RDF_LANGSTRING = (str(x) for x in (RDFS.Literal, RDFS.Datatype,
                                                                                XSD.string, RDF.langString))


def _rdflib_datatype_ok(v, dt) -> bool:
    vdt = v.datatype
    if vdt is not None and str(vdt) == dt:
        if getattr(v, "ill_typed", None) is True:
            return False
        kinds = _VALUE_TYPES.get(dt)
        return kinds is None or isinstance(v.value, kinds)
    return False


def _string(v: str) -> str:
    """The text a pattern or length looks at: an IRI's, a literal's lexical form."""
    if v[0] == "<":
        return v[1:-1]
    if v[0] == '"':
        end = v.rindex('"')
        return _unescape(v[1:end])
    return v


def _cmp(v, bound) -> int | None:
    """pySHACL's literal comparison (pyshacl.rdfutil.compare_literal): None when the two cannot be compared."""
    if not isinstance(v, Literal):
        return None
    if isinstance(bound.value, str) != isinstance(v.value, str):
        return None
    try:
        if v.eq(bound):
            return 0
        if v.value.__class__ in (datetime, time):
            return 0 if v.value == bound.value else 1 if v.value > bound.value else -1
        return 1 if v > bound else -1
    except (TypeError, NotImplementedError):
        return None


_RANGE = {"minInclusive": lambda c: c >= 0, "maxInclusive": lambda c: c <= 0,
          "minExclusive": lambda c: c > 0, "maxExclusive": lambda c: c < 0}

# sh:nodeKind -> the first characters of the N-Triples terms of that kind
_NODE_KINDS = {SH.IRI: "<", SH.BlankNode: "_", SH.Literal: '"', SH.BlankNodeOrIRI: "_<", SH.BlankNodeOrLiteral: '_"',
               SH.IRIOrLiteral: '<"'}


def _pair_fails(v, w, or_equal: bool) -> bool:
    if v.endswith(_XSD_INTEGER_END) and w.endswith(_XSD_INTEGER_END):
        x, y = _number(v), _number(w)
        if x is not None and y is not None:  # two whole numbers (rdflib: their values)
            return not (x <= y if or_equal else x < y)
    v, w = from_nt(v), from_nt(w)
    vs = isinstance(v, URIRef) or (isinstance(v, Literal) and isinstance(v.value, str))
    ws = isinstance(w, URIRef) or (isinstance(w, Literal) and isinstance(w.value, str))
    a = str(v) if isinstance(v, URIRef) else v.value if vs else v
    b = str(w) if isinstance(w, URIRef) else w.value if ws else w
    if vs != ws:
        return True
    try:
        return not (a <= b if or_equal else a < b)
    except TypeError:
        return True


def _key(v: str) -> str:
    """A term's text as rdflib compares terms: language tags in any case are the same."""
    if v[0] != '"':
        return v
    end = v.rindex('"')
    return v[:end + 1] + v[end + 1:].lower() if v[end + 1:end + 2] == "@" else v


def _lang(v: str) -> str | None:
    if v[0] != '"':
        return None
    tail = v[v.rindex('"') + 1:]
    return tail[1:] if tail[:1] == "@" else None


def _lang_ok(v: str, langs) -> bool:
    lang = _lang(v)
    return bool(lang) and ("*" in langs or lang.lower() in langs or lang.split("-")[0].lower() in langs)


def _length_ok(v: str, n: int, is_min: bool) -> bool:
    if v[0] == "_":
        return False
    k = len(_string(v))
    return k >= n if is_min else k <= n


_XSD_INTEGER_END = '"^^<' + str(XSD.integer) + ">"
_XSD_DECIMAL_END = '"^^<' + str(XSD.decimal) + ">"
_INTEGER = re.compile(r'"[+-]?[0-9]+')
_DECIMAL = re.compile(r'"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)')


def _number(v: str):
    """The value of a well-formed xsd:integer or xsd:decimal literal (as rdflib reads it), else None."""
    if v.endswith(_XSD_INTEGER_END):
        end = len(v) - len(_XSD_INTEGER_END)
        return int(v[1:end]) if _INTEGER.fullmatch(v, 0, end) else None
    if v.endswith(_XSD_DECIMAL_END):
        end = len(v) - len(_XSD_DECIMAL_END)
        return Decimal(v[1:end]) if _DECIMAL.fullmatch(v, 0, end) else None
    return None


def _range_fails(v: str, arg, test) -> bool:
    bound, whole = arg
    if whole is not None:  # an integer bound and a number: compared as rdflib compares their values
        x = _number(v)
        if x is not None:
            return not test((x > whole) - (x < whole))
    c = _cmp(from_nt(v), bound)
    return c is None or not test(c)


def _unique_lang(values) -> int:
    seen, dup = set(), set()
    for v in values:
        lang = _lang(v)
        if lang:
            low = lang.lower()
            (dup if low in seen else seen).add(low)
    return len(dup)


# Each check: (values, focus, data, arg) -> list of failing values (None for a result without a value).
_CHECKS = {
    "minCount": lambda vs, f, d, a: [None] if len(vs) < a else (),
    "maxCount": lambda vs, f, d, a: [None] if len(vs) > a else (),
    "datatype": lambda vs, f, d, a: [v for v in vs if not _datatype_ok(v, a)],
    "class": lambda vs, f, d, a: [v for v in vs if v[0] == '"' or a not in d.classes(v)],
    "nodeKind": lambda vs, f, d, a: [v for v in vs if v[0] not in a],
    "languageIn": lambda vs, f, d, a: [v for v in vs if not _lang_ok(v, a)],
    "uniqueLang": lambda vs, f, d, a: [None] * _unique_lang(vs),
    "in": lambda vs, f, d, a: [v for v in vs if _key(v) not in a],
    "hasValue": lambda vs, f, d, a: [None] if a not in {_key(v) for v in vs} else (),
    "pattern": lambda vs, f, d, a: [v for v in vs if v[0] == "_" or not a.search(_string(v))],
    "minLength": lambda vs, f, d, a: [v for v in vs if not _length_ok(v, a, True)],
    "maxLength": lambda vs, f, d, a: [v for v in vs if not _length_ok(v, a, False)],
    "lessThan": lambda vs, f, d, a: [v for v in vs for w in d.objects(f, a) if _pair_fails(v, w, False)],
    "lessThanOrEquals": lambda vs, f, d, a: [v for v in vs for w in d.objects(f, a) if _pair_fails(v, w, True)],
    "or": lambda vs, f, d, a: [v for v in vs if not any(conforms(s, v, d) for s in a)],
    "and": lambda vs, f, d, a: [v for v in vs if not all(conforms(s, v, d) for s in a)],
    "not": lambda vs, f, d, a: [v for v in vs if conforms(a, v, d)],
    "qualified": lambda vs, f, d, a: _qualified(vs, d, *a),
}
for _name, _test in _RANGE.items():
    _CHECKS[_name] = (lambda test: lambda vs, f, d, a: [v for v in vs if _range_fails(v, a, test)])(_test)


def _qualified(values, data, inner, mn, mx) -> list:
    n = sum(1 for v in values if conforms(inner, v, data))
    out = []
    if mn is not None and n < mn:
        out.append(None)
    if mx is not None and n > mx:
        out.append(None)
    return out


def _violations(shape: Shape, focus, data: Data) -> list[tuple[Shape, Any]]:
    """(shape, value) for every result of ``shape`` on ``focus`` (a property shape looks at the values of its
    path); nested property shapes report their own results."""
    values = data.objects(focus, shape.path) if shape.path is not None else (focus,)
    out: list[tuple[Shape, Any]] = []
    if not values:  # only a few checks can fail on no value (most look at each value)
        for check, arg in shape.empty_checks:
            for v in check(values, focus, data, arg):
                out.append((shape, v))
        return out
    for check, arg in shape.checks:
        for v in check(values, focus, data, arg):
            out.append((shape, v))
    out_get = data.out.get
    for prop in shape.properties:
        path = prop.path
        for v in values:
            if path is not None and path not in out_get(v, _NONE):  # no value: settled here (no call)
                for check, arg in prop.empty_checks:
                    for x in check((), v, data, arg):
                        out.append((prop, x))
                continue
            out += _violations(prop, v, data)
    return out


def conforms(shape: Shape, node, data: Data) -> bool:
    """Whether ``node`` conforms to a (nested) shape."""
    return not _violations(shape, node, data)


@dataclass(frozen=True)
class Result:
    """One result: focus node, path, message, severity (value kept for tests)."""

    focus: Any
    path: Any
    message: str
    severity: str
    value: Any = None


def validate_part(shapes: CompiledShapes, data: Data, focus_nodes: Iterable) -> list[Result]:
    """Every result for the given focus nodes (only those a shape targets are checked)."""
    out: list[Result] = []
    by_class = shapes.by_class()
    for f in focus_nodes:
        wanted: dict[int, Shape] = {}
        for c in data.classes(f):
            for shape in by_class.get(c, ()):
                wanted[id(shape)] = shape
        for shape in sorted(wanted.values(), key=shapes.order):
            for s, v in _violations(shape, f, data):
                out.append(Result(focus=f, path=s.path, message=s.messages[0] if s.messages else "constraint violated",
                                  severity=s.severity, value=v))
    return out
