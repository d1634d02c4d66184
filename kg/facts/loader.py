"""Curated facts: load a facts YAML file into Fact records, keeping line numbers.

A facts file has ``source`` (the source text: a file name relative to the facts file, or a map with
``file``, ``url``, ``publisher``, ``title``, ``published``, ``retrieved``), ``document`` (the id of the
fact that is the document itself) and ``facts``: a list of entries. An entry with ``id`` is one node of
the graph; an entry with ``mention`` names a registry entity and gives its quotes (see
docs/corpus-format.md). The document id is the folder name for ``documents/<id>/facts.yaml``, else the
file name without ``.facts.yaml``.

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
... - mention: mohrss
...   quote: 人社部
... ''', file="x.yaml")
>>> fs.facts[0].id, fs.facts[0].cls, fs.facts[0].line, fs.doc_id
('d', 'Document', 5, 'x')
>>> fs.mentions[0].id, fs.mentions[0].quotes, fs.mentions[0].line
('mohrss', ['人社部'], 9)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kg.errors import FactsError
from kg.namespaces import language_problem

RESERVED = {"id", "a", "label", "altLabel", "quote", "origin", "confidence", "note", "rule"}
MENTION_RESERVED = {"mention", "quote", "origin", "confidence", "note", "rule"}
SOURCE_KEYS = ("file", "url", "publisher", "title", "published", "retrieved", "note")
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
class Mention:
    """A ``- mention: <registry id>`` entry: this document names a registry entity, in these words.

    Other keys are what the document states about the entity (properties, as in a fact)."""

    id: str
    quotes: list[str]
    props: dict[str, list[Any]] = field(default_factory=dict)
    note: str | None = None
    origin: str = "curated"
    confidence: float | None = None
    line: int = 0
    prop_lines: dict[str, int] = field(default_factory=dict)


@dataclass
class SourceInfo:
    """Where a document's text came from: the file (relative to the facts file) and, when known, the
    address it was published at, the publisher, the title, when it was published and when it was seen."""

    file: str
    url: str | None = None
    publisher: str | None = None
    title: str | None = None
    published: str | None = None
    retrieved: str | None = None
    note: str | None = None
    line: int = 0


@dataclass
class FactSet:
    """All facts of one file, with the source they quote."""

    file: str
    source: str
    document: str
    facts: list[Fact]
    mentions: list[Mention] = field(default_factory=list)
    doc_id: str = ""
    source_info: SourceInfo | None = None
    document_line: int = 1


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

    _plain_first: frozenset | None = None  # set below the class

    def resolve(self, kind, value, implicit, _scalar=yaml.ScalarNode):
        """The tag of an untagged node, as the resolver gives it — without trying its patterns on a plain
        scalar whose first character starts none of them (Chinese text, most names and keys: ~20 % of the
        YAML's CPU went to this), nor on a quoted one (always text)."""
        first = self._plain_first
        if kind is _scalar and first is not None and (not implicit[0] or (value and value[0] not in first)):
            return self.DEFAULT_SCALAR_TAG
        return _resolve(self, kind, value, implicit)

    def get_single_data(self):
        node = self.get_single_node()
        if node is None:
            return None
        try:
            return _plain_data(self, node)
        except _NotPlain:
            pass
        _check_expansion(node)
        return self.construct_document(node)


class _NotPlain(Exception):
    """The node graph needs the full constructor (an alias, a merge key, an unusual tag, deep nesting)."""


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


def _plain_data(loader: "_LineLoader", root: yaml.Node) -> Any:
    """The data of a node tree without aliases, merge keys or tags beyond the core schema — what facts files
    hold — built directly (several times faster than the constructor's generic machinery, same result);
    anything else raises _NotPlain and goes the general way (which also reports the limits)."""
    seen: set[int] = set()
    scalar = {"tag:yaml.org,2002:int": _construct_int, "tag:yaml.org,2002:float": _construct_float,
              "tag:yaml.org,2002:timestamp": _construct_timestamp,
              "tag:yaml.org,2002:bool": lambda ld, n: ld.construct_yaml_bool(n),
              "tag:yaml.org,2002:null": lambda ld, n: None}
    ScalarNode, MappingNode, SequenceNode = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode

    seen_add = seen.add

    def build(node: yaml.Node, depth: int) -> Any:
        if depth > MAX_DEPTH or id(node) in seen:
            raise _NotPlain
        seen_add(id(node))
        tag, cls = node.tag, node.__class__
        if tag == _STR and cls is ScalarNode:
            return node.value
        if tag == _MAP and cls is MappingNode:
            mapping: dict = {}
            lines: dict = {}
            deeper = depth + 1
            for key_node, value_node in node.value:
                if key_node.__class__ is not ScalarNode:
                    raise _NotPlain
                # a text key or value (most nodes) is taken here rather than by a call of build: the same checks
                if key_node.tag == _STR and deeper <= MAX_DEPTH and id(key_node) not in seen:
                    seen_add(id(key_node))
                    key = key_node.value
                else:
                    key = build(key_node, deeper)
                    if key.__class__ is not str and not isinstance(key, (int, float, bool)) and key is not None:
                        raise _NotPlain
                if value_node.tag == _STR and value_node.__class__ is ScalarNode and deeper <= MAX_DEPTH \
                        and id(value_node) not in seen:
                    seen_add(id(value_node))
                    mapping[key] = value_node.value
                else:
                    mapping[key] = build(value_node, deeper)
                lines[key] = key_node.start_mark.line + 1
            mapping["__line__"] = node.start_mark.line + 1
            mapping["__lines__"] = lines
            return mapping
        if tag == _SEQ and cls is SequenceNode:
            return [build(child, depth + 1) for child in node.value]
        make = scalar.get(tag)
        if make is None or cls is not ScalarNode:
            raise _NotPlain  # a merge key, binary, set, omap, a local tag, a core tag on a node of another kind…
        return make(loader, node)

    return build(root, 1)


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    if not isinstance(node, yaml.MappingNode):  # !!map on a text or a list
        raise _refuse(node, f"expected a mapping node, but found {node.id} (remove the !!map tag)")
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
_resolve = yaml.resolver.BaseResolver.resolve
# the first characters of the plain scalars some implicit resolver may match (the shortcut in resolve holds only
# when every resolver is keyed by a first character and no path resolver is set)
_LineLoader._plain_first = None if None in _LineLoader.yaml_implicit_resolvers or _LineLoader.yaml_path_resolvers \
    else frozenset(_LineLoader.yaml_implicit_resolvers)


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
            bad = [k for k in out if language_problem(k)]
            if bad:
                raise FactsError(f"fact '{fid}': '{bad[0]}' is not a language tag (BCP 47: zh, en, zh-Hant…)",
                                 file=file, line=line)
            return out
    raise FactsError(f"fact '{fid}': label must be text or a map of language to text, e.g. {{zh: 张三, en: Zhang San}}", file=file, line=line)


def doc_id_of(path: Path | str) -> str:
    """The document id of a facts file: its folder's name for ``facts.yaml`` (and ``*.draft.yaml`` drafts
    beside it), else the file name without ``.facts.yaml`` / ``.yaml``.

    >>> doc_id_of("data/documents/demo-2025-7/facts.yaml"), doc_id_of("more/changsha-2023.facts.yaml")
    ('demo-2025-7', 'changsha-2023')
    """
    p = Path(path)
    if p.name in ("facts.yaml", "facts.draft.yaml"):
        return p.parent.name
    name = p.name
    for suffix in (".draft.yaml", ".facts.yaml", ".yaml", ".yml"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return p.stem


def _source_info(value: Any, file: str, line: int) -> SourceInfo:
    if isinstance(value, str):
        return SourceInfo(file=value, line=line)
    if isinstance(value, dict) and "file" in value and not isinstance(value["file"], str):
        raise FactsError("source file must be text (a file name)", file=file, line=line)
    if not isinstance(value, dict) or "file" not in value:
        raise FactsError("source must be a file name or a map with file, url, publisher, title, published, retrieved, note",
                         file=file, line=line)
    extra = sorted(k for k in value if not str(k).startswith("__") and k not in SOURCE_KEYS)
    if extra:
        raise FactsError(f"unknown key(s) in source: {', '.join(map(str, extra))}", file=file,
                         line=value["__lines__"].get(extra[0], line), hint="use " + ", ".join(SOURCE_KEYS))
    info = {k: (None if value.get(k) is None else str(value[k])) for k in SOURCE_KEYS}
    return SourceInfo(**info, line=line)


def _rule(entry: dict, what: str, file: str, line: int) -> str | None:
    rule = entry.get("rule")
    if rule is not None and not (isinstance(rule, str) and rule.strip()):
        raise FactsError(f"{what}: rule must be the name of an extractor rule, e.g. person.role-before", file=file, line=line)
    return rule


def curated_only(fs: FactSet) -> FactSet:
    """The facts file without what an extractor drafted (``origin: extracted``) and without the references
    to it (``kg build --curated-only``).

    >>> fs = parse_facts_text('''
    ... source: s.txt
    ... document: d
    ... facts:
    ... - {id: d, a: Document, label: {zh: 文件}, quote: 文件, mentions: p}
    ... - {id: p, a: Person, label: {zh: 人}, quote: 人, origin: extracted, confidence: 0.8, rule: person.demo}
    ... ''', file="x.yaml")
    >>> [f.id for f in curated_only(fs).facts], curated_only(fs).facts[0].props
    (['d'], {})
    """
    from dataclasses import replace as _replace

    dropped = {f.id for f in fs.facts if f.origin == "extracted"}

    def keep(props: dict) -> dict:
        out = {k: [v for v in vs if not (isinstance(v, str) and v in dropped)] for k, vs in props.items()}
        return {k: vs for k, vs in out.items() if vs}

    facts = [_replace(f, props=keep(f.props)) for f in fs.facts if f.origin != "extracted"]
    mentions = [_replace(m, props=keep(m.props)) for m in fs.mentions if m.origin != "extracted"]
    return _replace(fs, facts=facts, mentions=mentions)


def _origin_confidence(entry: dict, what: str, file: str, line: int) -> tuple[str, float | None]:
    origin = entry.get("origin", "curated")
    if origin not in ORIGINS:
        raise FactsError(f"{what}: origin must be one of {', '.join(ORIGINS)}", file=file, line=line)
    confidence = entry.get("confidence")
    if confidence is not None and (isinstance(confidence, bool) or not (isinstance(confidence, (int, float)) and 0 <= confidence <= 1)):
        raise FactsError(f"{what}: confidence must be a number from 0 to 1", file=file, line=line)
    return origin, confidence


def _text_only(entry: dict, what: str, file: str) -> None:
    for key in ("note", "altLabel"):
        if any(isinstance(v, (dict, list)) for v in _as_list(entry.get(key))) or isinstance(entry.get(key), dict):
            raise FactsError(f"{what}: {key} must be text", file=file, line=entry["__lines__"][key])


class PlacedQuote(str):
    """A quote given with its offsets (``{text, start, end}``, as ``kg extract`` writes them): the words must be
    the source's at exactly these offsets, and a text quoted at several places keeps each place."""

    start: int
    end: int

    def __new__(cls, text: str, start: int, end: int) -> PlacedQuote:
        q = super().__new__(cls, text)
        q.start, q.end = start, end
        return q


def _placed(item: dict, what: str, file: str, line: int) -> PlacedQuote:
    text, start, end = item.get("text"), item.get("start"), item.get("end")
    keys = {k for k in item if not str(k).startswith("__")}
    if keys != {"text", "start", "end"} or not isinstance(text, str) or not text or \
            not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in (start, end)) or end - start != len(text):
        raise FactsError(f"{what}: a quote with offsets is {{text, start, end}} with end - start = the length of text",
                         file=file, line=item.get("__line__", line))
    return PlacedQuote(text, start, end)


def quote_key(quote: str) -> tuple[str, int | None]:
    """How quotes are told apart: their words, and their start offset when the facts file gives it."""
    return str(quote), getattr(quote, "start", None)


def _quotes(entry: dict, what: str, file: str, line: int) -> list[str]:
    quotes = [_placed(q, what, file, line) if isinstance(q, dict) else q for q in _as_list(entry.get("quote"))]
    if not quotes or not all(isinstance(q, str) and q for q in quotes):
        raise FactsError(f"{what}: quote must be a non-empty text or a list of texts", file=file, line=line)
    return quotes


def parse_entry(entry: dict, *, file: str, need_quote: bool = True, reserved: set[str] = RESERVED) -> Fact:
    """One ``id`` entry (a fact, or a registry entity when ``need_quote`` is false) as a Fact."""
    line = entry["__line__"]
    for key in ("id", "a", "label") + (("quote",) if need_quote else ()):
        if key not in entry:
            fid = entry.get("id", "?")
            raise FactsError(f"fact '{fid}' has no '{key}'", file=file, line=line)
    if not isinstance(entry["id"], (str, int)) or isinstance(entry["id"], bool):
        raise FactsError("a fact id must be text, e.g. zhang-san", file=file, line=line)
    fid = str(entry["id"])
    if not ID_RE.fullmatch(fid):
        raise FactsError(f"fact id {fid!r} must be lower-case letters, digits, '.', '_' or '-'", file=file, line=line)
    if not isinstance(entry["a"], str):
        raise FactsError(f"fact '{fid}': 'a' must be the name of a class, e.g. Person", file=file, line=line)
    _text_only(entry, f"fact '{fid}'", file)
    quotes = _quotes(entry, f"fact '{fid}'", file, line) if need_quote else []
    if not need_quote and "quote" in entry:
        raise FactsError(f"entity '{fid}': a registry entry has no quote (a document's `- mention: {fid}` gives it)",
                         file=file, line=entry["__lines__"]["quote"])
    origin, confidence = _origin_confidence(entry, f"fact '{fid}'", file, line)
    lines = entry["__lines__"]
    props = {k: _as_list(v) for k, v in entry.items() if k not in reserved and not k.startswith("__")}
    return Fact(
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


def _parse_mention(entry: dict, *, file: str) -> Mention:
    line = entry["__line__"]
    mid = str(entry["mention"])
    if not isinstance(entry["mention"], (str, int)) or isinstance(entry["mention"], bool) or not ID_RE.fullmatch(mid):
        raise FactsError(f"mention '{mid}' must be the id of a registry entity (lower-case letters, digits, '.', '_' or '-')",
                         file=file, line=line)
    for key in ("a", "label", "altLabel", "id"):
        if key in entry:
            raise FactsError(f"mention '{mid}': '{key}' belongs in the registry entry, not in a mention",
                             file=file, line=entry["__lines__"][key], hint="data/registry/entities.yaml")
    _text_only(entry, f"mention '{mid}'", file)
    quotes = _quotes(entry, f"mention '{mid}'", file, line)
    origin, confidence = _origin_confidence(entry, f"mention '{mid}'", file, line)
    lines = entry["__lines__"]
    props = {k: _as_list(v) for k, v in entry.items() if k not in MENTION_RESERVED and not k.startswith("__")}
    return Mention(id=mid, quotes=quotes, props=props, note=None if entry.get("note") is None else str(entry["note"]), origin=origin, confidence=confidence,
                   line=line, prop_lines={k: lines[k] for k in props})


def load_yaml(text: str, *, file: str) -> Any:
    """YAML text with the line of each mapping (``__line__``) and key (``__lines__``); errors name the line."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) or "malformed YAML"
        if isinstance(exc, yaml.reader.ReaderError):  # a control character or an undecodable byte
            line = text.count("\n", 0, exc.position) + 1 if isinstance(text, str) else None
            char = exc.character if isinstance(exc.character, int) else ord(exc.character)
            problem = f"character U+{char:04X} is not allowed in YAML"
        raise FactsError(problem if isinstance(exc, _Refused) else f"malformed YAML: {problem}", file=file, line=line) from None


def parse_facts_text(text: str, *, file: str, doc_id: str | None = None) -> FactSet:
    """Parse the text of a facts file; errors name the file and line."""
    data = load_yaml(text, file=file)
    if not isinstance(data, dict):
        raise FactsError("a facts file must be a map with keys source, document and facts", file=file, line=1)
    for key in ("source", "document", "facts"):
        if key not in data:
            raise FactsError(f"missing top-level key '{key}'", file=file, line=1)
    if not isinstance(data["facts"], list):
        raise FactsError("'facts' must be a list of entries", file=file, line=data["__lines__"]["facts"])
    facts: list[Fact] = []
    mentions: list[Mention] = []
    seen: dict[str, int] = {}
    for entry in data["facts"]:
        if not isinstance(entry, dict):
            raise FactsError("each fact must be a map with at least id, a, label and quote (or mention and quote)",
                             file=file, line=data["__lines__"]["facts"])
        odd = next((k for k in entry if not isinstance(k, str)), None)
        if odd is not None or None in entry:
            raise FactsError(f"key {odd!r} of a fact must be a name, e.g. employer", file=file,
                             line=entry["__lines__"].get(odd, entry["__line__"]))
        if "mention" in entry:
            mentions.append(_parse_mention(entry, file=file))
            continue
        fact = parse_entry(entry, file=file)
        if fact.id in seen:
            raise FactsError(f"fact id '{fact.id}' is defined twice in this document (first on line {seen[fact.id]})",
                             file=file, line=fact.line, hint="give one of them another id")
        seen[fact.id] = fact.line
        facts.append(fact)
    if not isinstance(data["document"], str):
        raise FactsError("'document' must be text", file=file, line=data["__lines__"]["document"])
    info = _source_info(data["source"], file, data["__lines__"]["source"])
    return FactSet(file=file, source=info.file, document=str(data["document"]), facts=facts, mentions=mentions,
                   doc_id=doc_id or doc_id_of(file), source_info=info, document_line=data["__lines__"]["document"])


def load_facts(path: Path, *, doc_id: str | None = None) -> FactSet:
    """Read and parse a facts file (its document id from its path unless given)."""
    from kg.inputs import read_input

    if not path.exists():
        raise FactsError("facts file not found", file=str(path), hint="give the path of a .facts.yaml file")
    data = read_input(path, what="facts file", error=FactsError)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FactsError(f"facts file is not UTF-8 (byte {exc.start})", file=str(path)) from None
    return parse_facts_text(text, file=str(path), doc_id=doc_id)
