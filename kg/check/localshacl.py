"""SHACL validation one part of a corpus at a time, with the same results as pySHACL over the whole graph.

kg's shapes are *local*: whether a focus node conforms depends only on the triples whose subject it is
and on the types of the nodes those triples point to (``sh:class``) — never on a path of two steps, an
inverse path or a SPARQL constraint. So a document can be validated with its own named graph plus the
types of the registry entities and vocabulary concepts it names (and the ontology's subclass axioms), and
the registry's entities with the registry graph plus what the documents say about them. The results for
the nodes each part owns, put together, are exactly pySHACL's over the union (the tests compare them on a
corpus with planted violations).

:func:`compile_shapes` reads the shapes into plain Python; :func:`validate_part` checks the focus nodes of a
part. Shapes outside the supported core (other targets, paths, SPARQL, messages left to the engine) raise
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


@dataclass
class CompiledShapes:
    """The node shapes with targets, ready to check focus nodes."""

    node_shapes: list[Shape]
    _by_class: dict | None = None

    def order(self, shape: Shape) -> int:
        return self.node_shapes.index(shape)

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
        shape.path = path
    shape.messages = sorted(str(m) for m in sg.objects(node, SH.message))
    sev = sg.value(node, SH.severity)
    if sev is not None:
        shape.severity = str(sev).rsplit("#", 1)[-1]
    shape.targets = sorted(sg.objects(node, SH.targetClass))
    if shape.targets and not top:
        raise Unsupported(f"nested shape {node} has targets")
    c = shape.constraints
    for p in (SH.minCount, SH.maxCount):
        for v in sg.objects(node, p):
            c.append((str(p).rsplit("#", 1)[1], int(v)))
    for v in sg.objects(node, SH.datatype):
        c.append(("datatype", v))
    for v in sg.objects(node, SH["class"]):
        c.append(("class", v))
    for v in sg.objects(node, SH.nodeKind):
        c.append(("nodeKind", v))
    for v in sg.objects(node, SH.languageIn):
        c.append(("languageIn", {str(x).lower() for x in _items(sg, v)}))
    for v in sg.objects(node, SH.uniqueLang):
        if v.toPython() is True:
            c.append(("uniqueLang", True))
    for v in sg.objects(node, SH["in"]):
        c.append(("in", _items(sg, v)))
    for v in sg.objects(node, SH.hasValue):
        c.append(("hasValue", v))
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
            c.append((str(p).rsplit("#", 1)[1], v))
    for p in (SH.lessThan, SH.lessThanOrEquals):
        for v in sg.objects(node, p):
            c.append((str(p).rsplit("#", 1)[1], v))
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


# ---------------------------------------------------------------------------------------------- data


class Data:
    """The triples of a part, by subject, and the types of every node they name (with subclass closure)."""

    def __init__(self, triples: Iterable[tuple], *, types: dict | None = None, supers: dict | None = None):
        self.out: dict = {}
        self.types: dict = {k: set(v) for k, v in (types or {}).items()}
        self.add(triples, unique=True)
        self.supers = supers or {}

    def add(self, triples: Iterable[tuple], *, unique: bool = False) -> None:
        """Add triples (``unique``: none of them is here yet, so no duplicate check)."""
        out, types = self.out, self.types
        for s, p, o in triples:
            preds = out.get(s)
            if preds is None:
                preds = out[s] = {}
            vals = preds.get(p)
            if vals is None:
                preds[p] = [o]
            elif unique or o not in vals:
                vals.append(o)
            if p == _TYPE:
                t = types.get(s)
                if t is None:
                    types[s] = {o}
                else:
                    t.add(o)
        self._classes = {}
        self._classes: dict = {}

    def objects(self, s, p) -> list:
        return self.out.get(s, {}).get(p, ())

    def classes(self, node) -> set:
        got = self._classes.get(node)
        if got is None:
            got = set()
            for t in self.types.get(node, ()):
                got.add(t)
                got |= self.supers.get(t, set())
            self._classes[node] = got
        return got


def subclass_closure(triples: Iterable[tuple]) -> dict:
    """class → all its superclasses (rdfs:subClassOf, transitively)."""
    direct: dict = {}
    for s, p, o in triples:
        if p == RDFS.subClassOf:
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

_VALUE_TYPES = {XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: (int,), XSD.float: (float,),
                XSD.decimal: (Decimal,), XSD.boolean: (bool,), XSD.date: (date,), XSD.time: (time,),
                XSD.dateTime: (datetime,)}


_same_iri = str.__eq__  # two IRIs (URIRef): their texts, compared in C (rdflib's == is Python code)


def _datatype_ok(v, dt) -> bool:
    """pySHACL's sh:datatype test: the datatype, and a well-formed value of it."""
    if not isinstance(v, Literal):
        return False
    vdt = v.datatype
    if vdt is not None and _same_iri(vdt, dt):
        if getattr(v, "ill_typed", None) is True:
            return False
        kinds = _VALUE_TYPES.get(dt)
        return kinds is None or isinstance(v.value, kinds)
    if dt == RDFS.Literal:
        return True
    if dt == RDFS.Datatype and v.datatype:
        return True
    if v.datatype is None and v.language is None and dt == XSD.string:
        return isinstance(v.value, (str, bytes))
    if dt == RDF.langString and v.language:
        return isinstance(v.value, (str, bytes))
    return False


def _string(v) -> str:
    if isinstance(v, Literal) and v.value is not None and v.datatype in _STRINGS:
        return str(v.value)
    return str(v)


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

_NODE_KINDS = {SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,), SH.BlankNodeOrIRI: (BNode, URIRef),
               SH.BlankNodeOrLiteral: (BNode, Literal), SH.IRIOrLiteral: (URIRef, Literal)}


def _pair_fails(v, w, or_equal: bool) -> bool:
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


def _lang_ok(v, langs) -> bool:
    lang = v.language if isinstance(v, Literal) else None
    return bool(lang) and ("*" in langs or lang.lower() in langs or lang.split("-")[0].lower() in langs)


def _length_ok(v, n: int, is_min: bool) -> bool:
    if isinstance(v, BNode):
        return False
    k = len(_string(v))
    return k >= n if is_min else k <= n


def _range_fails(v, bound, test) -> bool:
    c = _cmp(v, bound)
    return c is None or not test(c)


def _unique_lang(values) -> int:
    seen, dup = set(), set()
    for v in values:
        if isinstance(v, Literal) and v.language:
            low = v.language.lower()
            (dup if low in seen else seen).add(low)
    return len(dup)


# Each check: (values, focus, data, arg) -> list of failing values (None for a result without a value).
_CHECKS = {
    "minCount": lambda vs, f, d, a: [None] if len(vs) < a else (),
    "maxCount": lambda vs, f, d, a: [None] if len(vs) > a else (),
    "datatype": lambda vs, f, d, a: [v for v in vs if not _datatype_ok(v, a)],
    "class": lambda vs, f, d, a: [v for v in vs if isinstance(v, Literal) or a not in d.classes(v)],
    "nodeKind": lambda vs, f, d, a: [v for v in vs if not isinstance(v, _NODE_KINDS.get(a, ()))],
    "languageIn": lambda vs, f, d, a: [v for v in vs if not _lang_ok(v, a)],
    "uniqueLang": lambda vs, f, d, a: [None] * _unique_lang(vs),
    "in": lambda vs, f, d, a: [v for v in vs if v not in a],
    "hasValue": lambda vs, f, d, a: [None] if a not in vs else (),
    "pattern": lambda vs, f, d, a: [v for v in vs if isinstance(v, BNode) or not a.search(_string(v))],
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
    for check, arg in shape.checks:
        for v in check(values, focus, data, arg):
            out.append((shape, v))
    for prop in shape.properties:
        for v in values:
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
