"""Run the rules over a text and return the draft: ``extract_text`` (a string) and ``extract_file`` (a file).

>>> d = extract_text("")
>>> [f.id for f in d.facts]
[]
"""
from __future__ import annotations

import importlib
from pathlib import Path

from kg.extract.dates import DateContext
from kg.extract.draft import Draft, Ref
from kg.extract.known import Known, load_known
from kg.extract.normalize import make_view
from kg.extract.reading import MAX_BYTES, decode_bytes, read_bytes


def extract_text(text: str, *, known: Known | None = None, doc_id: str = "doc", doc_year: int | None = None) -> Draft:
    """Draft the facts of a raw text (already decoded). ``doc_year`` resolves 今年 when the text gives no date."""
    from kg.extract.rules import ORDER
    from kg.extract.rules.base import Context, lexicon

    view = make_view(text)
    draft = Draft(view, known=known if known is not None else load_known(), doc_id=doc_id)
    if not view.text.strip():
        draft.notes.append("the text is empty: nothing to extract")
        return draft
    dates = DateContext(doc_year=doc_year)
    dates.remember_years(view.text)
    ctx = Context(draft=draft, known=draft.known, lex=lexicon(), dates=dates)
    for name in ORDER:
        importlib.import_module(f"kg.extract.rules.{name}").apply(ctx)
    _finish(draft)
    return draft


def _finish(draft: Draft) -> None:
    """Drop facts without a quote and references to dropped facts; a draft only states what the text says."""
    for fact in list(draft.facts):
        if not fact.quotes:
            draft.remove(fact)
    ids = {f.id for f in draft.facts}
    for fact in draft.facts:
        for prop, values in list(fact.props.items()):
            kept = [v for v in values if not isinstance(v, Ref) or v in ids or v in draft.known.entities or _is_concept(draft, v)]
            if kept:
                fact.props[prop] = kept
            else:
                del fact.props[prop]


def _is_concept(draft: Draft, value: str) -> bool:
    return any(value in concepts for concepts in draft.known.concepts.values())


def extract_file(path: Path, *, known: Known | None = None, doc_id: str | None = None, max_bytes: int = MAX_BYTES,
                 doc_year: int | None = None) -> Draft:
    """Read, decode and draft a document file; bad input is an InputError with one clear line."""
    path = Path(path)
    data = read_bytes(path, max_bytes=max_bytes)
    decoded = decode_bytes(data, name=str(path))
    draft = extract_text(decoded.text, known=known, doc_id=doc_id or _doc_id(path), doc_year=doc_year)
    draft.notes[:0] = decoded.notes
    draft.source_name = path.name
    draft.encoding = decoded.encoding
    return draft


def _doc_id(path: Path) -> str:
    import re

    stem = path.parent.name if path.name == "source.txt" else path.stem
    slug = re.sub(r"[^a-z0-9._-]+", "-", stem.lower()).strip("-")
    return slug or "doc"
