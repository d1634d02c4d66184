"""Write a draft as a facts file of the corpus format (YAML): deterministic, readable, every quote with offsets.

>>> from kg.extract.pipeline import extract_text
>>> text = draft_yaml(extract_text("刘芳获得“全国技术能手”称号。"), source="source.txt")
>>> "origin: extracted" in text and "rule: " in text
True
"""
from __future__ import annotations

from decimal import Decimal

import yaml

from kg.extract.draft import Draft, DraftFact, Ref


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, data):
    style = '"' if any(c in data for c in "\n\t") or data != data.strip() else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


def _decimal(dumper, data):
    text = format(data, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(Ref, _str)
_Dumper.add_representer(Decimal, _decimal)


def _value(v):
    """References as their ids; a full ISO date as a YAML date (the loader reads it as xsd:date)."""
    if isinstance(v, Ref):
        return str(v)
    if isinstance(v, str) and len(v) == 10 and v[4] == "-" and v[7] == "-" and v.replace("-", "").isdigit():
        import datetime

        try:
            return datetime.date.fromisoformat(v)
        except ValueError:
            return v
    return v


def _flat(values: list):
    vals = [_value(v) for v in values]
    return vals[0] if len(vals) == 1 else vals


def fact_entry(f: DraftFact) -> dict:
    """One fact (or mention) as the dict written to YAML."""
    quotes = [{"text": q.text, "start": q.start, "end": q.end} for q in f.quotes]
    if f.mention:
        entry = {"mention": f.id, "quote": quotes}
    else:
        entry = {"id": f.id, "a": f.cls, "label": {"zh": f.label}}
        if f.alt_labels:
            entry["altLabel"] = f.alt_labels if len(f.alt_labels) > 1 else f.alt_labels[0]
        entry["quote"] = quotes
        for k, v in f.props.items():
            entry[k] = _flat(v)
    entry["origin"] = "extracted"
    entry["confidence"] = round(f.confidence, 2)
    entry["rule"] = f.rule
    if f.notes:
        entry["note"] = "; ".join(f.notes)
    return entry


def draft_dict(draft: Draft, *, source: str = "source.txt") -> dict:
    """The whole draft as the facts-file structure."""
    doc = next((f for f in draft.facts if f.cls in ("ReplyLetter", "MediaReport", "Document") and f.rule.startswith("document")), None)
    out = {"document": doc.id if doc else None, "source": {"file": source}, "facts": [fact_entry(f) for f in draft.facts]}
    proposals = registry_proposals(draft)
    if proposals:
        out["registry-proposals"] = proposals
    return out


PROPOSABLE = ("Person", "GovernmentBody", "Company", "MediaOutlet", "Association", "Organization", "Municipality", "Place",
              "Program", "Strategy", "Policy", "Competition", "Role")


def registry_proposals(draft: Draft) -> list[dict]:
    """New entities (not in the registry) as registry entries a reviewer may move to ``registry/entities.yaml``
    when other documents name them too (ignored by the loader; the facts above stay the document's own)."""
    out = []
    for f in draft.facts:
        if f.mention or f.cls not in PROPOSABLE:
            continue
        entry = {"id": f.id, "a": f.cls, "label": {"zh": f.label}}
        if f.alt_labels:
            entry["altLabel"] = list(f.alt_labels)
        out.append(entry)
    return out


def draft_yaml(draft: Draft, *, source: str = "source.txt") -> str:
    """The draft as YAML text, with a header saying what it is."""
    header = ["# Draft facts written by `kg extract` (origin: extracted). Review each fact against its quote;",
              "# accepted facts become origin: curated (kg extract --against FACTS shows what differs from a curated file)."]
    header += [f"# note: {n}" for n in draft.notes]
    body = yaml.dump(draft_dict(draft, source=source), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
    return "\n".join(header) + "\n" + body
