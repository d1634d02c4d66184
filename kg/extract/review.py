"""Review a draft against a curated facts file: what the draft adds, lacks and changes.

Facts are compared by meaning (``kg.extract.evaluation``): a draft item that matches no curated item
is *added*; a curated item that no draft item matches is *lacking*; a metadata value of the document
that both give but with different values is *changed*.

>>> from kg.extract.evaluation import Item, names
>>> r = diff([Item("person", (names("刘芳"),), "刘芳")], [Item("person", (names("赵强"),), "赵强")])
>>> r.added, r.lacking
(['person: 刘芳'], ['person: 赵强'])
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.extract.evaluation import Item, compare


@dataclass
class Review:
    added: list[str] = field(default_factory=list)
    lacking: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    matched: int = 0

    def text(self) -> str:
        lines = [f"{self.matched} facts agree; {len(self.added)} added, {len(self.lacking)} lacking, {len(self.changed)} changed"]
        lines += [f"+ {a}" for a in self.added]
        lines += [f"- {a}" for a in self.lacking]
        lines += [f"~ {a}" for a in self.changed]
        return "\n".join(lines)


def diff(extracted: list[Item], curated: list[Item]) -> Review:
    scores = compare(extracted, curated)
    r = Review()
    for kind, s in scores.items():
        r.matched += s.tp
        r.added += [f"{kind}: {w}" for w in s.wrong]
        r.lacking += [f"{kind}: {m}" for m in s.missed]
    # the same metadata field on both sides with different values is a change, not an add and a lack
    add_doc = {a.split(": ", 1)[1].split("=", 1)[0]: a for a in r.added if a.startswith("document: ")}
    for m in list(r.lacking):
        if m.startswith("document: "):
            prop = m.split(": ", 1)[1].split("=", 1)[0]
            if prop in add_doc:
                r.changed.append(f"{prop}: {add_doc[prop].split('=', 1)[1]} (curated: {m.split('=', 1)[1]})")
                r.lacking.remove(m)
                r.added.remove(add_doc.pop(prop))
    return r


def review_file(draft, facts_path: Path, known) -> Review:
    """Compare a draft with the curated facts file at ``facts_path``."""
    import yaml

    from kg.errors import InputError
    from kg.extract.evaluation import DOC_CLASSES, items_of
    from kg.extract.writer import fact_entry

    try:
        data = yaml.load(Path(facts_path).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the curated facts: {exc}", file=str(facts_path)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError("malformed YAML", file=str(facts_path), line=mark.line + 1 if mark else None) from None
    if not isinstance(data, dict) or not isinstance(data.get("facts"), list):
        raise InputError("not a facts file (no 'facts' list)", file=str(facts_path))
    curated = items_of(data["facts"], known, document=str(data.get("document")))
    doc = next((f.id for f in draft.facts if f.cls in DOC_CLASSES and f.rule.startswith("document")), None)
    extracted = items_of([fact_entry(f) for f in draft.facts], known, document=doc)
    return diff(extracted, curated)


def accept_draft(draft_path: Path) -> str:
    """A reviewed draft as curated facts: every remaining fact and mention becomes ``origin: curated`` (its
    ``confidence`` and ``rule`` are dropped; what the reviewer deleted stays deleted). Returns the YAML text.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "d.yaml"
    >>> _ = p.write_text("document: d\\nsource: {file: s.txt}\\nfacts:\\n- id: d\\n  a: Document\\n  label: {zh: 文}\\n"
    ...                  "  quote: [{text: 文, start: 0, end: 1}]\\n  origin: extracted\\n  confidence: 0.9\\n  rule: document.kind\\n",
    ...                  encoding="utf-8")
    >>> print(accept_draft(p).split("facts:")[1].strip())
    - id: d
      a: Document
      label:
        zh: 文
      quote:
      - text: 文
        start: 0
        end: 1
      origin: curated
    """
    import yaml

    from kg.errors import InputError
    from kg.extract.writer import _Dumper

    try:
        data = yaml.load(Path(draft_path).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the draft: {exc}", file=str(draft_path)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError("malformed YAML", file=str(draft_path), line=mark.line + 1 if mark else None) from None
    if not isinstance(data, dict) or not isinstance(data.get("facts"), list):
        raise InputError("not a draft facts file (no 'facts' list)", file=str(draft_path))
    data.pop("registry-proposals", None)
    for entry in data["facts"]:
        if isinstance(entry, dict):
            entry.pop("confidence", None)
            entry.pop("rule", None)
            entry["origin"] = "curated"
    header = "# Curated facts, accepted from a draft of `kg extract` after review.\n"
    return header + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
