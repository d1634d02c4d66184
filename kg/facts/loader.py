"""Curated facts: load a facts YAML file into Fact records, keeping line numbers.

A facts file has ``source`` (path of the source text, relative to the file), ``document`` (the id of
the fact that is the document itself) and ``facts``: a list of entries, each one node of the graph.

Limits (a bad file is one line naming file:line, never a traceback or a hang): YAML aliases may expand
to at most ``MAX_ALIAS_NODES`` nodes in all and never refer to themselves; nesting is at most
``MAX_DEPTH`` deep; numbers have at most ``MAX_NUMBER_CHARS`` characters and are finite; dates exist.

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
ID_RE = re.compile(r"[a-z0-9][a-z0-9._-]*")  # used with fullmatch: "x\n" is not an id
LANG_RE = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")  # a BCP 47 language tag, e.g. zh, en, zh-Hant
ORIGINS = ("curated", "extracted")
MAX_ALIAS_NODES = 10_000  # nodes that aliases may add by expansion, in all (a "billion laughs" stops here)
MAX_DEPTH = 100  # nesting of lists and maps
MAX_NUMBER_CHARS = 30  # an unquoted number longer than this is refused (quote it if it is text)


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


class _Refused(yaml.constructor.ConstructorError):
    """A value that YAML can read but a facts file must not hold (past a limit, or impossible)."""


def _refuse(node: yaml.Node, problem: str) -> _Refused:
    return _Refused(None, None, problem, node.start_mark)


def _check_expansion(root: yaml.Node) -> None:
    """Refuse a node graph whose aliases expand past MAX_ALIAS_NODES, refer to themselves, or nest too deep.

    Iterative (no recursion limit); each node's expanded size is computed once.
    """
    size: dict[int, int] = {}
    on_path: set[int] = set()
    distinct = 0
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    cap = MAX_ALIAS_NODES * 10 + 1_000_000
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        children = [] if isinstance(node, yaml.ScalarNode) else \
            [c for pair in node.value for c in pair] if isinstance(node, yaml.MappingNode) else list(node.value)
        if done:
            on_path.discard(key)
            size[key] = min(cap, 1 + sum(size[id(c)] for c in children))
            continue
        if key in size:
            continue
        if key in on_path:
            raise _refuse(node, "a YAML alias refers to itself")
        if depth > MAX_DEPTH:
            raise _refuse(node, f"lists and maps nest more than {MAX_DEPTH} deep")
        distinct += 1
        on_path.add(key)
        stack.append((node, depth, True))
        for child in children:
            if id(child) in on_path:
                raise _refuse(child, "a YAML alias refers to itself")
            if id(child) not in size:
                stack.append((child, depth + 1, False))
    if size[id(root)] - distinct > MAX_ALIAS_NODES:
        raise _refuse(root, f"YAML aliases expand to more than {MAX_ALIAS_NODES} nodes; write the values out")


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """A SafeLoader that records the line of each mapping and each key, and enforces the limits above."""

    def get_single_data(self):
        node = self.get_single_node()
        if node is None:
            return None
        _check_expansion(node)
        return self.construct_document(node)


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = {}
    lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise _refuse(key_node, "a key must be text")
        mapping[key] = loader.construct_object(value_node, deep=True)
        lines[key] = key_node.start_mark.line + 1
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = lines
    return mapping


def _construct_int(loader: _LineLoader, node: yaml.ScalarNode) -> int:
    if len(node.value) > MAX_NUMBER_CHARS:
        raise _refuse(node, f"number of {len(node.value)} characters; at most {MAX_NUMBER_CHARS} (quote it if it is text)")
    return loader.construct_yaml_int(node)


def _construct_float(loader: _LineLoader, node: yaml.ScalarNode) -> float:
    import math

    if len(node.value) > MAX_NUMBER_CHARS:
        raise _refuse(node, f"number of {len(node.value)} characters; at most {MAX_NUMBER_CHARS} (quote it if it is text)")
    value = loader.construct_yaml_float(node)
    if not math.isfinite(value):
        raise _refuse(node, f"'{node.value}' is not a finite number (NaN and infinities are refused)")
    return value


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode):
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError):
        raise _refuse(node, f"'{node.value}' is not a date that exists") from None


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_LineLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _label(value: Any, file: str, line: int, fid: str) -> dict[str, str]:
    if isinstance(value, str):
        return {"zh": value}
    if isinstance(value, dict):
        out = {k: v for k, v in value.items() if not str(k).startswith("__")}
        if out and all(isinstance(k, str) and isinstance(v, str) for k, v in out.items()):
            bad = [k for k in out if not LANG_RE.fullmatch(k)]
            if bad:
                raise FactsError(f"fact '{fid}': '{bad[0]}' is not a language tag (BCP 47: zh, en, zh-Hant…)",
                                 file=file, line=line)
            return out
    raise FactsError(f"fact '{fid}': label must be text or a map of language to text, e.g. {{zh: 易冉, en: Yi Ran}}", file=file, line=line)


def parse_facts_text(text: str, *, file: str) -> FactSet:
    """Parse the text of a facts file; errors name the file and line."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) or "malformed YAML"
        if isinstance(exc, yaml.reader.ReaderError):  # a control character or an undecodable byte
            line = text.count("\n", 0, exc.position) + 1 if isinstance(text, str) else None
            char = exc.character if isinstance(exc.character, int) else ord(exc.character)
            problem = f"character U+{char:04X} is not allowed in YAML"
        raise FactsError(problem if isinstance(exc, _Refused) else f"malformed YAML: {problem}", file=file, line=line) from None
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
        odd = next((k for k in entry if not isinstance(k, str)), None)
        if odd is not None or None in entry:
            raise FactsError(f"key {odd!r} of a fact must be a name, e.g. employer", file=file,
                             line=entry["__lines__"].get(odd, line))
        for key in ("id", "a", "label", "quote"):
            if key not in entry:
                fid = entry.get("id", "?")
                raise FactsError(f"fact '{fid}' has no '{key}'", file=file, line=line)
        if not isinstance(entry["id"], (str, int)) or isinstance(entry["id"], bool):
            raise FactsError("a fact id must be text, e.g. yi-ran", file=file, line=line)
        fid = str(entry["id"])
        if not ID_RE.fullmatch(fid):
            raise FactsError(f"fact id {fid!r} must be lower-case letters, digits, '.', '_' or '-'", file=file, line=line)
        if fid in seen:
            raise FactsError(f"fact id '{fid}' is used twice (first on line {seen[fid]})", file=file, line=line)
        seen[fid] = line
        if not isinstance(entry["a"], str):
            raise FactsError(f"fact '{fid}': 'a' must be the name of a class, e.g. Person", file=file, line=line)
        for key in ("note", "altLabel"):
            if any(isinstance(v, (dict, list)) for v in _as_list(entry.get(key))) or isinstance(entry.get(key), dict):
                raise FactsError(f"fact '{fid}': {key} must be text", file=file, line=entry["__lines__"][key])
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
                note=None if entry.get("note") is None else str(entry["note"]),
                origin=origin,
                confidence=confidence,
                line=line,
                prop_lines={k: lines[k] for k in props},
            )
        )
    for key in ("source", "document"):
        if not isinstance(data[key], str):
            raise FactsError(f"'{key}' must be text", file=file, line=data["__lines__"][key])
    return FactSet(file=file, source=data["source"], document=data["document"], facts=facts)


def load_facts(path: Path) -> FactSet:
    """Read and parse a facts file."""
    from kg.inputs import read_input

    if not path.exists():
        raise FactsError("facts file not found", file=str(path), hint="give the path of a .facts.yaml file")
    data = read_input(path, what="facts file", error=FactsError)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FactsError(f"facts file is not UTF-8 (byte {exc.start})", file=str(path)) from None
    return parse_facts_text(text, file=str(path))
