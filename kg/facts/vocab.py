"""Vocabularies as data: ``data/vocab/*.yaml`` extends the SKOS vocabularies of ontology/vocab.ttl
(honors, levels, units, measures, topics, channels, qualifiers) without touching ontology/.

Each file is a map from a kind to a list of concepts ``{id, label: {zh, en}, altLabel, ...}``; honors
need a ``level`` (a level id), levels may have a ``rank`` (skos:notation, 0 international … 9 not stated).
Concept ids are global: they live in the ``kg:`` namespace beside the shipped ones.

>>> v = parse_vocab_text('''
... levels:
... - {id: enterprise, label: {zh: 企业级, en: enterprise}, rank: 5}
... honors:
... - id: honor-works-craftsman
...   label: {zh: 测试厂工匠}
...   level: enterprise
... ''', file="v.yaml")
>>> [(c.kind, c.id, c.line) for c in v.concepts.values()]
[('levels', 'enterprise', 3), ('honors', 'honor-works-craftsman', 5)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import FactsError
from kg.facts.loader import load_yaml

# kind -> (class local name, scheme local name)
KINDS: dict[str, tuple[str, str]] = {
    "levels": ("HonorLevel", "LevelScheme"),
    "honors": ("Honor", "HonorScheme"),
    "qualifications": ("Qualification", "HonorScheme"),
    "units": ("Unit", "UnitScheme"),
    "measures": ("Measure", "MeasureScheme"),
    "topics": ("Topic", "TopicScheme"),
    "channels": (None, "ChannelScheme"),
    "qualifiers": ("Qualifier", "QualifierScheme"),
}
CONCEPT_ID_RE = re.compile(r"[A-Za-z][A-Za-z0-9._-]*")  # used with fullmatch
KEYS = {"id", "label", "altLabel", "level", "rank", "note", "definition", "wikidata"}


@dataclass
class Concept:
    """One vocabulary concept from a data file."""

    kind: str
    id: str
    label: dict[str, str]
    alt_labels: list[str] = field(default_factory=list)
    level: str | None = None
    rank: str | None = None
    note: str | None = None
    definition: str | None = None
    wikidata: str | None = None
    file: str = ""
    line: int = 0


@dataclass
class Vocab:
    """The concepts of a corpus's vocabulary files, by id (in file order)."""

    concepts: dict[str, Concept] = field(default_factory=dict)

    def of_kind(self, kind: str) -> list[Concept]:
        return [c for c in self.concepts.values() if c.kind == kind]


def _label(value: Any, file: str, line: int, cid: str) -> dict[str, str]:
    if isinstance(value, str):
        return {"zh": value}
    if isinstance(value, dict):
        out = {str(k): v for k, v in value.items() if not str(k).startswith("__")}
        if out and all(isinstance(v, str) for v in out.values()):
            from kg.namespaces import language_problem

            bad = [k for k in out if language_problem(k)]
            if bad:
                raise FactsError(f"concept '{cid}': '{bad[0]}' is not a language tag (BCP 47: zh, en, zh-Hant…)",
                                 file=file, line=line)
            return out
    raise FactsError(f"concept '{cid}': label must be text or a map of language to text, e.g. {{zh: 企业级, en: enterprise}}",
                     file=file, line=line)


def parse_vocab_text(text: str, *, file: str, vocab: Vocab | None = None) -> Vocab:
    """Parse one vocabulary file into ``vocab``; an id defined twice names both places."""
    voc = vocab if vocab is not None else Vocab()
    data = load_yaml(text, file=file)
    if data is None:
        return voc
    if not isinstance(data, dict):
        raise FactsError("a vocabulary file must be a map of kinds (" + ", ".join(KINDS) + ") to lists", file=file, line=1)
    for kind, entries in data.items():
        if str(kind).startswith("__"):
            continue
        kline = data["__lines__"][kind]
        if kind not in KINDS:
            raise FactsError(f"unknown vocabulary kind '{kind}'", file=file, line=kline, hint="use " + ", ".join(KINDS))
        if not isinstance(entries, list):
            raise FactsError(f"'{kind}' must be a list of concepts", file=file, line=kline)
        for entry in entries:
            if not isinstance(entry, dict) or "id" not in entry or "label" not in entry:
                raise FactsError(f"each of '{kind}' needs at least id and label", file=file,
                                 line=entry.get("__line__", kline) if isinstance(entry, dict) else kline)
            line = entry["__line__"]
            cid = str(entry["id"])
            if not CONCEPT_ID_RE.fullmatch(cid):
                raise FactsError(f"concept id '{cid}' must be letters, digits, '.', '_' or '-' (e.g. honor-city-craftsman)",
                                 file=file, line=line)
            extra = sorted(k for k in entry if not str(k).startswith("__") and k not in KEYS)
            if extra:
                raise FactsError(f"concept '{cid}': unknown key(s) {', '.join(map(str, extra))}", file=file,
                                 line=entry["__lines__"][extra[0]], hint="use " + ", ".join(sorted(KEYS)))
            if kind in ("honors", "qualifications") and "level" not in entry:
                raise FactsError(f"honor '{cid}' needs a level (e.g. national, provincial, municipal, levelNotStated)",
                                 file=file, line=line)
            if cid in voc.concepts:
                first = voc.concepts[cid]
                raise FactsError(f"vocabulary id '{cid}' is defined twice (also at {first.file}:{first.line})",
                                 file=file, line=line)
            alt = entry.get("altLabel")
            voc.concepts[cid] = Concept(
                kind=kind, id=cid, label=_label(entry["label"], file, line, cid),
                alt_labels=[str(a) for a in (alt if isinstance(alt, list) else [alt] if alt else [])],
                level=str(entry["level"]) if entry.get("level") is not None else None,
                rank=str(entry["rank"]) if entry.get("rank") is not None else None,
                note=entry.get("note"), definition=entry.get("definition"),
                wikidata=str(entry["wikidata"]) if entry.get("wikidata") else None, file=file, line=line)
    return voc


def load_vocab(corpus_dir: Path | str | None = None) -> Vocab:
    """The vocabulary extensions of a corpus folder (``vocab/*.yaml``, in file-name order).

    >>> v = load_vocab()
    >>> v.concepts["enterprise"].kind
    'levels'
    """
    voc = Vocab()
    from kg.paths import corpus_dir as default_dir

    folder = default_dir(corpus_dir) / "vocab"
    if folder.is_dir():
        for path in sorted(folder.glob("*.yaml")):
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise FactsError(f"cannot read vocabulary file: {exc}", file=str(path)) from None
            parse_vocab_text(text, file=str(path), vocab=voc)
    return voc
