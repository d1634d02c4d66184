"""The shared registry: entities that recur across documents (data/registry/entities.yaml) and the
reviewed duplicate decisions (data/registry/decisions.yaml).

A registry entry has the keys of a fact but no quote: it states nothing by itself. Each document that
names the entity says so with ``- mention: <id>`` and the exact words (see docs/corpus-format.md).

>>> reg = parse_registry_text('''
... entities:
... - id: mohrss
...   a: GovernmentBody
...   label: {zh: 人力资源和社会保障部}
...   altLabel: [人社部]
... ''', file="entities.yaml")
>>> reg.entities["mohrss"].alt_labels, reg.entities["mohrss"].line
(['人社部'], 3)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import FactsError
from kg.facts.loader import ID_RE, Fact, FactSet, load_yaml, parse_entry

RESERVED = {"id", "a", "label", "altLabel", "quote", "origin", "confidence", "note", "wikidata"}
DECISIONS = ("same", "distinct")


@dataclass
class Decision:
    """A person's decision on a duplicate candidate: the entities (``doc-id/fact-id`` or registry ids)
    are the ``same`` thing (the build links them with owl:sameAs) or ``distinct`` (never reported again)."""

    entities: list[str]
    decision: str
    note: str | None = None
    file: str = ""
    line: int = 0


@dataclass
class Registry:
    """Registry entities by id (each a Fact without quotes), where each is defined, and the decisions."""

    entities: dict[str, Fact] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    wikidata: dict[str, str] = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)

    def where(self, entity_id: str) -> str:
        """``file:line`` of an entity's definition."""
        return f"{self.files[entity_id]}:{self.entities[entity_id].line}"


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FactsError(f"cannot read registry file: {exc}", file=str(path)) from None


def parse_registry_text(text: str, *, file: str, registry: Registry | None = None) -> Registry:
    """Parse an entities file into ``registry`` (a new one by default); an id defined twice names both lines."""
    reg = registry if registry is not None else Registry()
    data = load_yaml(text, file=file)
    if data is None:
        return reg
    if not isinstance(data, dict) or not isinstance(data.get("entities", []), list):
        raise FactsError("a registry file must be a map with a list 'entities'", file=file, line=1)
    for entry in data.get("entities") or []:
        if not isinstance(entry, dict):
            raise FactsError("each registry entity must be a map with id, a and label", file=file,
                             line=data["__lines__"]["entities"])
        fact = parse_entry(entry, file=file, need_quote=False, reserved=RESERVED)
        if fact.id in reg.entities:
            raise FactsError(f"registry id '{fact.id}' is defined twice (also at {reg.where(fact.id)})", file=file,
                             line=fact.line, hint="keep one entry; merge their labels")
        reg.entities[fact.id] = fact
        reg.files[fact.id] = file
        if entry.get("wikidata"):
            reg.wikidata[fact.id] = str(entry["wikidata"])
    return reg


def parse_decisions_text(text: str, *, file: str) -> list[Decision]:
    """Parse a decisions file: ``decisions: [{entities: [a, b], decision: same|distinct, note: ...}]``."""
    data = load_yaml(text, file=file)
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("decisions", []), list):
        raise FactsError("a decisions file must be a map with a list 'decisions'", file=file, line=1)
    out = []
    for entry in data.get("decisions") or []:
        line = entry.get("__line__", 1) if isinstance(entry, dict) else data["__lines__"]["decisions"]
        if not isinstance(entry, dict) or not isinstance(entry.get("entities"), list) or len(entry["entities"]) < 2:
            raise FactsError("a decision needs 'entities': a list of two or more ids (doc-id/fact-id or registry id)",
                             file=file, line=line)
        decision = entry.get("decision")
        if decision not in DECISIONS:
            raise FactsError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}", file=file, line=line)
        ids = [str(x) for x in entry["entities"]]
        for ref in ids:
            if not all(ID_RE.fullmatch(part) for part in ref.split("/")) or ref.count("/") > 1:
                raise FactsError(f"'{ref}' is not an entity reference: use doc-id/fact-id or a registry id",
                                 file=file, line=line)
        out.append(Decision(entities=ids, decision=decision, note=entry.get("note"), file=file, line=line))
    return out


def load_registry(corpus_dir: Path | str | None = None) -> Registry:
    """The registry of a corpus folder: ``registry/entities.yaml`` (plus any other ``registry/*.yaml`` with
    ``entities``) and ``registry/decisions.yaml``. A corpus without a registry has an empty one.

    >>> "mohrss" in load_registry().entities
    True
    """
    from kg.paths import corpus_dir as default_dir

    folder = default_dir(corpus_dir) / "registry"
    reg = Registry()
    if not folder.is_dir():
        return reg
    for path in sorted(folder.glob("*.yaml")):
        if path.name == "decisions.yaml":
            reg.decisions.extend(parse_decisions_text(_read(path), file=str(path)))
        else:
            parse_registry_text(_read(path), file=str(path), registry=reg)
    return reg


def registry_uses(fs: FactSet, registry: Registry) -> set[str]:
    """The registry ids a document mentions or refers to."""
    ids = {f.id for f in fs.facts}
    used = {m.id for m in fs.mentions}
    for entry in [*fs.facts, *fs.mentions]:
        for values in entry.props.values():
            used |= {str(v) for v in values if isinstance(v, (str, int)) and str(v) in registry.entities and str(v) not in ids}
    return used
