"""What the corpus already knows, by name: registry entities and vocabulary concepts (honors, units, ...).

One function, ``load_known``, reads the registry (``registry/entities.yaml``), the vocabulary data files
(``vocab/*.yaml``) and the shipped SKOS vocabulary (``ontology/vocab.ttl``), and indexes every label and
alias after ``name_key`` (widths, spaces and quotation marks removed). Until the corpus loader offers
the same, this is a small reader of its own.

>>> name_key(" 人社部 ") == name_key("人社部")
True
>>> k = Known.empty(); k.add_entity("mohrss", "GovernmentBody", ["人力资源和社会保障部", "人社部"])
>>> k.entity_by_name("人社部").id
'mohrss'
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.errors import InputError

_STRIP = re.compile(r"[\s\u3000“”\"'‘’《》〈〉「」『』()（）·•]")
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}


def name_key(name: str) -> str:
    """A name as compared: half-width, no spaces, no quotation marks or brackets."""
    return _STRIP.sub("", str(name).translate(_WIDTH))


@dataclass
class KnownEntity:
    """A registry entity or a vocabulary concept: id, class or scheme, names (label first), extra keys."""

    id: str
    cls: str
    names: list[str]
    extra: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.names[0]


@dataclass
class Known:
    """Registry entities and vocabulary concepts indexed by name."""

    entities: dict[str, KnownEntity]
    concepts: dict[str, dict[str, KnownEntity]]   # scheme (honors, units, measures, topics, ...) -> id -> concept
    _by_name: dict[str, KnownEntity] = field(default_factory=dict)
    _concept_by_name: dict[str, dict[str, KnownEntity]] = field(default_factory=dict)

    @classmethod
    def empty(cls) -> Known:
        return cls(entities={}, concepts={})

    def add_entity(self, id: str, cls_: str, names: list[str], **extra) -> None:
        ent = KnownEntity(id, cls_, [n for n in names if n], extra)
        self.entities[id] = ent
        for n in ent.names:
            self._by_name.setdefault(name_key(n), ent)

    def add_concept(self, scheme: str, id: str, names: list[str], **extra) -> None:
        con = KnownEntity(id, scheme, [n for n in names if n], extra)
        self.concepts.setdefault(scheme, {})[id] = con
        index = self._concept_by_name.setdefault(scheme, {})
        for n in con.names:
            index.setdefault(name_key(n), con)

    def entity_by_name(self, name: str) -> KnownEntity | None:
        return self._by_name.get(name_key(name))

    def place_unnamed(self, name: str, ent: KnownEntity, text: str) -> bool:
        """Whether ``name`` is a short form of ``ent`` without its place (省人社厅 for 湖南省人社厅, 市人社局 for
        长沙市人社局) in a text that never names that place: then it is the body of another province or city.

        >>> k = Known.empty(); k.add_entity("hn", "GovernmentBody", ["湖南省人力资源和社会保障厅", "省人社厅"])
        >>> k.place_unnamed("省人社厅", k.entities["hn"], "青海省人社厅副厅长"), k.place_unnamed("省人社厅", k.entities["hn"], "湖南省人社厅")
        (True, False)
        """
        key = name_key(name)
        if not key or key[0] not in "省市县区州自" or key == name_key(ent.label):
            return False
        label = re.sub(r"^(?:中国人民政治协商会议|中国共产党|中共|政协)", "", ent.label)   # 中国人民政治协商会议湖南省委员会: 湖南
        m = re.match(r"(?P<p>.{2,8}?)(?:省|市|自治区|县|区|州)", label)
        return bool(m) and m.group("p") not in text

    def entity_by_near_name(self, name: str) -> KnownEntity | None:
        """A registry entity whose name differs from ``name`` by one character left out or changed
        (a typo, or a stamp printed over a character), for names of six characters or more."""
        key = name_key(name)
        if len(key) < 6:
            return None
        found = None
        for other, ent in self._by_name.items():
            if abs(len(other) - len(key)) > 1 or other[:2] != key[:2] or other[-1] != key[-1] or not _one_edit(key, other):
                continue
            if found is not None and found is not ent:
                return None  # ambiguous
            found = ent
        return found

    def concept_by_name(self, scheme: str, name: str) -> KnownEntity | None:
        return self._concept_by_name.get(scheme, {}).get(name_key(name))

    def concept_names(self, scheme: str) -> dict[str, KnownEntity]:
        """name key -> concept, for dictionary matching."""
        return self._concept_by_name.get(scheme, {})

    def entity_names(self) -> dict[str, KnownEntity]:
        return self._by_name


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by exactly one inserted, deleted or changed character."""
    if a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


_SCHEME_OF_CLASS = {"Honor": "honors", "Qualification": "honors", "Unit": "units", "Measure": "measures", "ShareMeasure": "measures",
                    "Topic": "topics", "Qualifier": "qualifiers", "HonorLevel": "levels"}


def _labels(entry: dict) -> list[str]:
    label = entry.get("label")
    names = []
    if isinstance(label, dict):
        if label.get("zh"):
            names.append(str(label["zh"]))
    elif label:
        names.append(str(label))
    alt = entry.get("altLabel") or []
    names += [str(a) for a in (alt if isinstance(alt, list) else [alt])]
    return names


def _read_yaml(path: Path) -> object:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", file=str(path)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError("malformed YAML", file=str(path), line=mark.line + 1 if mark else None) from None


def _read_vocab_ttl(known: Known, path: Path) -> None:
    import pyoxigraph as ox

    SKOS = "http://www.w3.org/2004/02/skos/core#"
    KG = "https://w3id.org/kg-talent/ontology#"
    RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    types: dict[str, str] = {}
    pref: dict[str, str] = {}
    alts: dict[str, list[str]] = {}
    levels: dict[str, str] = {}
    shares: dict[str, dict[str, str]] = {}    # a share measure's part and base (kg:shareOf, kg:shareBase)
    try:
        quads = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    except (OSError, SyntaxError) as exc:
        raise InputError(f"cannot read the vocabulary: {exc}", file=str(path)) from None
    for q in quads:
        s, p, o = q.subject.value, q.predicate.value, q.object
        if not s.startswith(KG):
            continue
        sid = s[len(KG):]
        if p == RDF_TYPE and o.value.startswith(KG):
            types[sid] = o.value[len(KG):]
        elif p == SKOS + "prefLabel" and getattr(o, "language", None) == "zh":
            pref[sid] = o.value
        elif p == SKOS + "altLabel" and getattr(o, "language", None) == "zh":
            alts.setdefault(sid, []).append(o.value)
        elif p == KG + "level":
            levels[sid] = o.value[len(KG):]
        elif p in (KG + "shareOf", KG + "shareBase") and o.value.startswith(KG):
            shares.setdefault(sid, {})[p[len(KG):]] = o.value[len(KG):]
    for sid, t in types.items():
        scheme = _SCHEME_OF_CLASS.get(t)
        if scheme and sid in pref:
            extra = ({"level": levels[sid]} if sid in levels else {}) | shares.get(sid, {})
            known.add_concept(scheme, sid, [pref[sid]] + alts.get(sid, []), **extra)


def load_known(corpus: Path | None = None, *, ontology_dir: Path | None = None) -> Known:
    """Registry entities and vocabularies of a corpus folder (default: ``kg.paths.corpus_dir()``)."""
    from kg import paths

    return _load_known(str(paths.corpus_dir(corpus).resolve()), str(Path(ontology_dir or paths.ONTOLOGY_DIR).resolve()))


@functools.lru_cache(maxsize=4)
def _load_known(corpus: str, ontology_dir: str) -> Known:
    known = Known.empty()
    vocab_ttl = Path(ontology_dir) / "vocab.ttl"
    if vocab_ttl.exists():
        _read_vocab_ttl(known, vocab_ttl)
    for path in sorted((Path(corpus) / "vocab").glob("*.yaml")):
        data = _read_yaml(path) or {}
        if not isinstance(data, dict):
            continue
        for scheme, entries in data.items():
            for entry in entries or []:
                if isinstance(entry, dict) and entry.get("id"):
                    extra = {k: v for k, v in entry.items() if k in ("level",)}
                    known.add_concept(str(scheme), str(entry["id"]), _labels(entry), **extra)
    reg = Path(corpus) / "registry" / "entities.yaml"
    if reg.exists():
        data = _read_yaml(reg) or {}
        for entry in (data.get("entities") if isinstance(data, dict) else None) or []:
            if isinstance(entry, dict) and entry.get("id"):
                extra = {k: v for k, v in entry.items() if k in ("edition", "level", "partOf")}
                known.add_entity(str(entry["id"]), str(entry.get("a", "")), _labels(entry), **extra)
    return known
