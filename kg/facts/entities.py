"""Entities across a corpus: which documents name each registry entity, and which entities are likely the
same thing named in different documents (duplicate candidates), read from the facts files (no build).

A candidate pairs two entities of compatible classes from different documents (or a document's own entity
and a registry entity, or two registry entities) whose names are the same, one the short form of the other
(人社部 / 人力资源和社会保障部: the short name's characters in order, first and last alike), or very
similar. A reviewed pair is data: ``registry/decisions.yaml`` says ``same`` (the build links them with
owl:sameAs) or ``distinct`` (never reported again).

>>> is_short_form("人社部", "人力资源和社会保障部"), is_short_form("测试市", "测试市人力资源和社会保障局")
(True, False)
>>> names_match("测试省人社厅", "测试省人力资源和社会保障厅")
'short name'
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kg.facts.corpus import iter_documents
from kg.facts.loader import FactSet, load_facts
from kg.facts.registry import Registry, load_registry, registry_uses

# Classes whose instances recur across documents (named things), grouped into families that may be compared.
FAMILIES: dict[str, str] = {
    "Person": "person",
    "Organization": "organization", "GovernmentBody": "organization", "Company": "organization",
    "MediaOutlet": "organization", "Team": "organization", "Association": "organization",
    "MasterWorkshop": "organization",
    "Municipality": "place", "Place": "place",
    "Role": "role",
    "Program": "initiative", "Strategy": "initiative", "SelectionScheme": "initiative",
    "Policy": "policy", "Competition": "competition", "CompetitionEdition": "edition",
    "Industry": "industry",
}
SHORT_FORM_FAMILIES = {"organization", "place", "initiative", "policy", "competition", "edition", "industry"}
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
SIMILARITY = 0.85
_DROP = re.compile(r"[\s\"'“”‘’《》〈〉「」『』()（）·・]")


def normalize(name: str) -> str:
    """A name for comparison: NFKC (full-width to half-width), no spaces, quotes or brackets, lower case.

    >>> normalize("《人才新政30条》"), normalize("Ｉ Ｐ Ｃ")
    ('人才新政30条', 'ipc')
    """
    return _DROP.sub("", unicodedata.normalize("NFKC", name)).lower()


def is_short_form(short: str, full: str) -> bool:
    """Whether ``short`` abbreviates ``full``: Chinese, at least three characters, shorter, its characters
    appear in ``full`` in order, and it starts and ends as ``full`` does (人社部 / 人力资源和社会保障部)."""
    if len(short) < 3 or len(short) >= len(full) or short[0] != full[0] or short[-1] != full[-1] \
            or not _CJK.search(short):
        return False
    it = iter(full)
    return all(ch in it for ch in short)


def names_match(a: str, b: str, *, short_forms: bool = True) -> str | None:
    """Why two names are likely the same entity ("same name", "short name", "similar name"), or None."""
    x, y = normalize(a), normalize(b)
    if not x or not y:
        return None
    if x == y:
        return "same name"
    if short_forms and (is_short_form(x, y) or is_short_form(y, x)):
        return "short name"
    if min(len(x), len(y)) >= 4 and difflib.SequenceMatcher(None, x, y).ratio() >= SIMILARITY:
        return "similar name"
    return None


@dataclass
class Entity:
    """A named entity of the corpus: a registry entity (``ref`` its id) or a document's own (``doc-id/fact-id``),
    with the documents that name it and where it is defined."""

    ref: str
    cls: str
    label: dict[str, str]
    alt_labels: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    registry: bool = False
    file: str = ""
    line: int = 0

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys([*self.label.values(), *self.alt_labels]))

    @property
    def name(self) -> str:
        return self.label.get("zh") or next(iter(self.label.values()), self.ref)


@dataclass
class Candidate:
    """Two entities that are likely the same: why, and the names that matched."""

    reason: str
    a: Entity
    b: Entity
    names: tuple[str, str]


def _registry_documents(factsets: list[FactSet], registry: Registry) -> dict[str, list[str]]:
    docs: dict[str, list[str]] = {}
    for fs in factsets:
        for rid in sorted(registry_uses(fs, registry)):
            docs.setdefault(rid, []).append(fs.doc_id)
    return docs


def _factsets(corpus_dir: Path | str | None) -> list[FactSet]:
    return [load_facts(d.facts, doc_id=d.id) for d in iter_documents(corpus_dir)]


def corpus_entities(corpus_dir: Path | str | None = None, *, documents: bool = True,
                    factsets: list[FactSet] | None = None, registry: Registry | None = None) -> list[Entity]:
    """The registry entities, each with the documents that mention or refer to it, and (with ``documents``)
    every document's own named entities (classes of ``FAMILIES``).

    >>> ents = {e.ref: e for e in corpus_entities(documents=False)}
    >>> len(ents["mohrss"].documents) >= 2
    True
    """
    reg = registry if registry is not None else load_registry(corpus_dir)
    sets = factsets if factsets is not None else _factsets(corpus_dir)
    used = _registry_documents(sets, reg)
    out = [Entity(ref=rid, cls=e.cls, label=e.label, alt_labels=e.alt_labels, documents=used.get(rid, []),
                  registry=True, file=reg.files[rid], line=e.line) for rid, e in reg.entities.items()]
    if documents:
        for fs in sets:
            for f in fs.facts:
                if f.cls in FAMILIES:
                    out.append(Entity(ref=f"{fs.doc_id}/{f.id}", cls=f.cls, label=f.label, alt_labels=f.alt_labels,
                                      documents=[fs.doc_id], file=fs.file, line=f.line))
    return out


def _decided(registry: Registry) -> set[frozenset[str]]:
    pairs = set()
    for d in registry.decisions:
        for i, a in enumerate(d.entities):
            for b in d.entities[i + 1:]:
                pairs.add(frozenset((a, b)))
    return pairs


def duplicate_candidates(corpus_dir: Path | str | None = None, *, entities: list[Entity] | None = None,
                         registry: Registry | None = None) -> list[Candidate]:
    """Pairs of entities that are likely the same thing, not yet decided in ``registry/decisions.yaml``:
    same, short or very similar names, compatible classes, never two entities of the same document.

    >>> from kg.paths import DEMO_CORPUS
    >>> duplicate_candidates(DEMO_CORPUS)  # one document: nothing to pair
    []
    """
    reg = registry if registry is not None else load_registry(corpus_dir)
    ents = entities if entities is not None else corpus_entities(corpus_dir, registry=reg)
    decided = _decided(reg)
    by_first: dict[str, list[tuple[str, str, Entity]]] = {}
    for e in ents:
        for name in e.names:
            n = normalize(name)
            if n:
                by_first.setdefault(n[0], []).append((n, name, e))
    found: dict[frozenset[str], Candidate] = {}
    rank = {"same name": 0, "short name": 1, "similar name": 2}
    for group in by_first.values():
        for i, (_, name_a, a) in enumerate(group):
            for _, name_b, b in group[i + 1:]:
                if a.ref == b.ref or FAMILIES.get(a.cls) != FAMILIES.get(b.cls):
                    continue
                if not (a.registry or b.registry) and set(a.documents) & set(b.documents):
                    continue  # two entities of one document: the curator already told them apart
                key = frozenset((a.ref, b.ref))
                if key in decided:
                    continue
                why = names_match(name_a, name_b, short_forms=FAMILIES.get(a.cls) in SHORT_FORM_FAMILIES)
                if why and (key not in found or rank[why] < rank[found[key].reason]):
                    first, second = sorted((a, b), key=lambda e: (not e.registry, e.ref))
                    names = (name_a, name_b) if first is a else (name_b, name_a)
                    found[key] = Candidate(reason=why, a=first, b=second, names=names)
    return sorted(found.values(), key=lambda c: (rank[c.reason], c.a.ref, c.b.ref))
