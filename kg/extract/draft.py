"""The facts being drafted: entities and n-ary facts, each with raw quotes, a rule and a confidence.

Rules find spans in the matching view (``kg.extract.normalize.TextView``); the draft stores them as
raw offsets with the exact raw words. The same entity found twice (same class group and name) is one
fact with more quotes. An entity whose name is in the registry becomes a ``mention`` of the registry id.

>>> from kg.extract.normalize import make_view
>>> from kg.extract.known import Known
>>> d = Draft(make_view("刘芳、刘芳"), known=Known.empty())
>>> f = d.entity("Person", "刘芳", (0, 2), rule="demo", confidence=0.9)
>>> d.entity("Person", "刘芳", (3, 5), rule="demo", confidence=0.8) is f, [q.start for q in f.quotes]
(True, [0, 3])
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from kg.extract.known import Known, name_key
from kg.extract.normalize import TextView

#: classes that are the same kind of entity for merging by name
GROUP = {"Person": "agent-person", "GovernmentBody": "org", "Company": "org", "MediaOutlet": "org", "Team": "org",
         "Association": "org", "Organization": "org", "School": "org", "Municipality": "place", "Place": "place"}
PREFIX = {"Person": "person", "GovernmentBody": "org", "Company": "company", "MediaOutlet": "media", "Team": "team",
          "Association": "assoc", "Organization": "org", "Municipality": "place", "Place": "place", "Role": "role",
          "Membership": "membership", "HonorConferral": "conferral", "Observation": "obs", "Funding": "funding",
          "MasterWorkshop": "workshop", "Competition": "competition", "CompetitionEdition": "edition",
          "Participation": "participation", "Policy": "policy", "PolicyArticle": "article", "Program": "program",
          "Strategy": "strategy", "SelectionScheme": "scheme", "MediaReport": "report", "Event": "event",
          "Suggestion": "suggestion", "Proposal": "proposal", "LetterSection": "section", "Action": "action",
          "Commitment": "commitment", "Honor": "honor", "Industry": "industry"}
MAX_QUOTES = 5


class Ref(str):
    """A reference to a fact id, a registry id or a vocabulary concept (written as its id)."""


@dataclass
class Quote:
    """Exact raw words and their offsets (code points, end exclusive)."""

    text: str
    start: int
    end: int


@dataclass
class DraftFact:
    """One drafted fact (or a mention of a registry entity when ``mention`` is true)."""

    id: str
    cls: str
    label: str
    quotes: list[Quote]
    rule: str
    confidence: float
    props: dict[str, list[Any]] = field(default_factory=dict)
    alt_labels: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    mention: bool = False
    key: tuple = ()
    spans: list[tuple[int, int]] = field(default_factory=list)   # view spans of the quotes
    _seen: set = field(default_factory=set, repr=False)

    def set(self, prop: str, value: Any) -> None:
        """Set a property to one value (replacing what was there); a DraftFact becomes a reference."""
        if isinstance(value, DraftFact):
            value = Ref(value.id)
        if value is not None and value != "":
            self.props[prop] = [value]

    def add(self, prop: str, value: Any) -> None:
        """Add a value to a property (no duplicates); a DraftFact becomes a reference."""
        if isinstance(value, DraftFact):
            value = Ref(value.id)
        if value is None or value == "":
            return
        values = self.props.setdefault(prop, [])
        if value not in values:
            values.append(value)

    def first(self, prop: str) -> Any:
        values = self.props.get(prop)
        return values[0] if values else None

    def note(self, text: str) -> None:
        if text and text not in self.notes:
            self.notes.append(text)


class _Alive:
    def __init__(self, by_id):
        self.by_id = by_id

    def __contains__(self, fact) -> bool:
        return self.by_id.get(fact.id) is fact


class Draft:
    """All facts drafted from one text."""

    def __init__(self, view: TextView, *, known: Known, doc_id: str = "doc"):
        self.view = view
        self.known = known
        self.doc_id = doc_id
        self.facts: list[DraftFact] = []
        self._by_key: dict[tuple, DraftFact] = {}
        self._by_id: dict[str, DraftFact] = {}
        self._counters: dict[str, int] = {}
        self.notes: list[str] = list(view.notes)
        self._starts: list[tuple[int, int, int]] = []     # (view start, view end, serial) of every quote span
        self._span_fact: dict[int, DraftFact] = {}
        self._serial = 0

    # ------------------------------------------------------------------ quotes
    def quote(self, span: tuple[int, int]) -> Quote | None:
        """The raw quote behind a view span (None for an empty span)."""
        s, e = self.view.raw_span(*span)
        text = self.view.raw[s:e]
        # quotes never start or end with whitespace
        ls = len(text) - len(text.lstrip())
        rs = len(text) - len(text.rstrip())
        if ls or rs:
            s, e = s + ls, e - rs
            text = self.view.raw[s:e]
        return Quote(text, s, e) if text else None

    def add_quote(self, fact: DraftFact, span: tuple[int, int] | None) -> None:
        if span is None:
            return
        q = self.quote(span)
        if q is None:
            return
        if len(fact.quotes) >= MAX_QUOTES:
            if span not in fact._seen:
                fact._seen.add(span)
                fact.spans.append(span)
                self._index(fact, span)
            return
        if span in fact._seen:
            return
        fact._seen.add(span)
        if all((q.start, q.end) != (o.start, o.end) for o in fact.quotes):
            fact.quotes.append(q)
            fact.spans.append(span)
            self._index(fact, span)

    def _index(self, fact: DraftFact, span: tuple[int, int]) -> None:
        self._serial += 1
        self._span_fact[self._serial] = fact
        bisect.insort(self._starts, (span[0], span[1], self._serial))

    def within(self, start: int, end: int, *classes: str, ends_in: tuple[int, int] | None = None):
        """(view start, view end, fact) of the quote spans that start in [start, end), of these classes, in text order."""
        i = bisect.bisect_left(self._starts, (start, -1, -1))
        out = []
        while i < len(self._starts) and self._starts[i][0] < end:
            s, e, serial = self._starts[i]
            f = self._span_fact[serial]
            if (not classes or f.cls in classes) and f in self._alive_set() and (ends_in is None or ends_in[0] <= e <= ends_in[1]):
                out.append((s, e, f))
            i += 1
        return out

    def _alive_set(self):
        return _Alive(self._by_id)

    # ------------------------------------------------------------------ facts
    def new_id(self, cls: str, hint: str | None = None) -> str:
        prefix = PREFIX.get(cls, re.sub(r"(?<!^)(?=[A-Z])", "-", cls).lower())
        if hint and hint not in self._by_id:
            return hint
        n = self._counters.get(prefix, 0) + 1
        while f"{prefix}-{n}" in self._by_id:
            n += 1
        self._counters[prefix] = n
        return f"{prefix}-{n}"

    def get(self, key: tuple) -> DraftFact | None:
        return self._by_key.get(key)

    def by_id(self, fid: str) -> DraftFact | None:
        return self._by_id.get(fid)

    def _register(self, fact: DraftFact) -> DraftFact:
        self.facts.append(fact)
        self._by_id[fact.id] = fact
        if fact.key:
            self._by_key[fact.key] = fact
        return fact

    def entity(self, cls: str, name: str, span: tuple[int, int] | None, *, rule: str, confidence: float,
               link: bool = True) -> DraftFact:
        """The entity of this class group and name: found again (more quotes), linked to the registry, or new."""
        key = ("entity", GROUP.get(cls, cls), name_key(name))
        fact = self._by_key.get(key)
        if fact is None and link:
            ent = self.known.entity_by_name(name) or (self.known.entity_by_near_name(name) if GROUP.get(cls) == "org" else None)
            if ent is not None and self.known.place_unnamed(name, ent, self.view.text):
                ent = None
            if ent is not None and GROUP.get(ent.cls, ent.cls) == GROUP.get(cls, cls):
                fact = self._by_id.get(ent.id)
                if fact is None:
                    fact = self._register(DraftFact(id=ent.id, cls=ent.cls, label=ent.label, quotes=[], rule="link.registry",
                                                    confidence=min(confidence, 0.95), mention=True, key=key))
                else:
                    self._by_key[key] = fact
        if fact is None:
            fact = self._register(DraftFact(id=self.new_id(cls), cls=cls, label=name, quotes=[], rule=rule,
                                            confidence=confidence, key=key))
        else:
            fact.confidence = max(fact.confidence, confidence)
            if not fact.mention and fact.cls != cls and cls in GROUP and fact.cls in ("Organization",):
                fact.cls = cls
        self.add_quote(fact, span)
        return fact

    def fact(self, cls: str, label: str, span: tuple[int, int] | None, *, rule: str, confidence: float,
             key: tuple | None = None, hint: str | None = None) -> DraftFact:
        """An n-ary or document fact; ``key`` (when given) merges repeats."""
        if key is not None and key in self._by_key:
            fact = self._by_key[key]
            self.add_quote(fact, span)
            return fact
        fact = self._register(DraftFact(id=self.new_id(cls, hint), cls=cls, label=label, quotes=[], rule=rule,
                                        confidence=confidence, key=key or ()))
        self.add_quote(fact, span)
        return fact

    def concept(self, scheme: str, name: str) -> Ref | None:
        """The id of a vocabulary concept named ``name`` (label or alias), or None."""
        con = self.known.concept_by_name(scheme, name)
        return Ref(con.id) if con else None

    def remove(self, fact: DraftFact) -> None:
        self.facts.remove(fact)
        self._by_id.pop(fact.id, None)
        for k, v in list(self._by_key.items()):
            if v is fact:
                del self._by_key[k]

    def of_class(self, *classes: str) -> list[DraftFact]:
        return [f for f in self.facts if f.cls in classes]
