"""Curated facts: load a facts YAML file into Fact records, keeping line numbers.

A facts file has ``source`` (path of the source text, relative to the file), ``document`` (the id of
the fact that is the document itself) and ``facts``: a list of entries, each one node of the graph.

>>> fs = parse_facts_text('''
... source: s.txt
... document: d
... facts:
... - id: d
...   a: Document
...   label: {zh: 文件}
...   quote: 文件
... ''', file="x.yaml")
>>> fs.facts[0].id, fs.facts[0].cls, fs.facts[0].line
('d', 'Document', 5)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kg.errors import FactsError

RESERVED = {"id", "a", "label", "altLabel", "quote", "origin", "confidence", "note"}
ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
ORIGINS = ("curated", "extracted")


@dataclass
class Fact:
    """One entry of a facts file: a node, its class, properties, quotes and origin."""

    id: str
    cls: str
    label: dict[str, str]
    quotes: list[str]
    props: dict[str, list[Any]] = field(default_factory=dict)
    alt_labels: list[str] = field(default_factory=list)
    note: str | None = None
    origin: str = "curated"
    confidence: float | None = None
    line: int = 0
    prop_lines: dict[str, int] = field(default_factory=dict)


@dataclass
class FactSet:
    """All facts of one file, with the source they quote."""

    file: str
    source: str
    document: str
    facts: list[Fact]


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """A SafeLoader that records the line of each mapping and each key."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = {}
    lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        mapping[key] = loader.construct_object(value_node, deep=True)
        lines[key] = key_node.start_mark.line + 1
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = lines
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _label(value: Any, file: str, line: int, fid: str) -> dict[str, str]:
    if isinstance(value, str):
        return {"zh": value}
    if isinstance(value, dict):
        out = {k: v for k, v in value.items() if not k.startswith("__")}
        if all(isinstance(k, str) and isinstance(v, str) for k, v in out.items()):
            return out
    raise FactsError(f"fact '{fid}': label must be text or a map of language to text, e.g. {{zh: 易冉, en: Yi Ran}}", file=file, line=line)


def parse_facts_text(text: str, *, file: str) -> FactSet:
    """Parse the text of a facts file; errors name the file and line."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or "malformed YAML"
        raise FactsError(f"malformed YAML: {problem}", file=file, line=line) from None
    if not isinstance(data, dict):
        raise FactsError("a facts file must be a map with keys source, document and facts", file=file, line=1)
    for key in ("source", "document", "facts"):
        if key not in data:
            raise FactsError(f"missing top-level key '{key}'", file=file, line=1)
    if not isinstance(data["facts"], list):
        raise FactsError("'facts' must be a list of entries", file=file, line=data["__lines__"]["facts"])
    facts: list[Fact] = []
    seen: dict[str, int] = {}
    for entry in data["facts"]:
        if not isinstance(entry, dict):
            raise FactsError("each fact must be a map with at least id, a, label and quote", file=file, line=data["__lines__"]["facts"])
        line = entry["__line__"]
        for key in ("id", "a", "label", "quote"):
            if key not in entry:
                fid = entry.get("id", "?")
                raise FactsError(f"fact '{fid}' has no '{key}'", file=file, line=line)
        fid = str(entry["id"])
        if not ID_RE.match(fid):
            raise FactsError(f"fact id '{fid}' must be lower-case letters, digits, '.', '_' or '-'", file=file, line=line)
        if fid in seen:
            raise FactsError(f"fact id '{fid}' is used twice (first on line {seen[fid]})", file=file, line=line)
        seen[fid] = line
        quotes = _as_list(entry["quote"])
        if not quotes or not all(isinstance(q, str) and q for q in quotes):
            raise FactsError(f"fact '{fid}': quote must be a non-empty text or a list of texts", file=file, line=line)
        origin = entry.get("origin", "curated")
        if origin not in ORIGINS:
            raise FactsError(f"fact '{fid}': origin must be one of {', '.join(ORIGINS)}", file=file, line=line)
        confidence = entry.get("confidence")
        if confidence is not None and not (isinstance(confidence, (int, float)) and 0 <= confidence <= 1):
            raise FactsError(f"fact '{fid}': confidence must be a number from 0 to 1", file=file, line=line)
        lines = entry["__lines__"]
        props = {k: _as_list(v) for k, v in entry.items() if k not in RESERVED and not k.startswith("__")}
        facts.append(
            Fact(
                id=fid,
                cls=str(entry["a"]),
                label=_label(entry["label"], file, line, fid),
                quotes=quotes,
                props=props,
                alt_labels=[str(x) for x in _as_list(entry.get("altLabel"))],
                note=entry.get("note"),
                origin=origin,
                confidence=confidence,
                line=line,
                prop_lines={k: lines[k] for k in props},
            )
        )
    return FactSet(file=file, source=str(data["source"]), document=str(data["document"]), facts=facts)


def load_facts(path: Path) -> FactSet:
    """Read and parse a facts file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FactsError("facts file not found", file=str(path), hint="give the path of a .facts.yaml file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FactsError(f"cannot read facts file: {exc}", file=str(path)) from None
    return parse_facts_text(text, file=str(path))
