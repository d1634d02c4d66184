"""A corpus: a folder of documents (``documents/<doc-id>/facts.yaml`` beside its source text), a shared
registry (``registry/``) and vocabulary extensions (``vocab/``). See docs/corpus-format.md.

The default corpus is ``data/`` (see ``kg.paths.corpus_dir``); ``KG_CORPUS`` or ``--corpus DIR`` name another.

>>> from kg.paths import DEMO_CORPUS
>>> [d.id for d in iter_documents(DEMO_CORPUS)]
['demo-2025-7']
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from kg import paths
from kg.errors import InputError
from kg.facts.loader import ID_RE, doc_id_of

FACTS_NAME = "facts.yaml"


@dataclass(frozen=True)
class DocumentRef:
    """One document of a corpus: its id (the folder name) and its facts file."""

    id: str
    facts: Path

    @property
    def folder(self) -> Path:
        return self.facts.parent


def iter_documents(corpus_dir: Path | str | None = None) -> list[DocumentRef]:
    """The documents of a corpus, sorted by id: every ``documents/<id>/facts.yaml`` (drafts, named
    ``*.draft.yaml``, are never built). A folder name that is not a valid id is an error."""
    folder = paths.corpus_dir(corpus_dir)
    if not folder.is_dir():
        raise InputError("corpus folder not found", file=str(folder), hint="give --corpus DIR (or KG_CORPUS) a folder with documents/")
    docs = []
    for facts in sorted((folder / "documents").glob(f"*/{FACTS_NAME}")):
        doc_id = facts.parent.name
        if not ID_RE.fullmatch(doc_id):
            raise InputError(f"document folder name '{doc_id}' is not a document id (lower-case letters, digits, '.', '_', '-')",
                             file=str(facts.parent))
        docs.append(DocumentRef(id=doc_id, facts=facts))
    return docs


def find_document(corpus_dir: Path | str | None, doc_id: str) -> DocumentRef:
    """The document ``doc_id`` of a corpus; an unknown id is an error naming the closest ids."""
    docs = iter_documents(corpus_dir)
    for d in docs:
        if d.id == doc_id:
            return d
    ids = [d.id for d in docs]
    close = difflib.get_close_matches(doc_id, ids, n=3, cutoff=0.5)
    hint = ("did you mean " + ", ".join(close) + "?") if close else ("known documents: " + ", ".join(ids[:10]) + ("…" if len(ids) > 10 else ""))
    raise InputError(f"no document '{doc_id}' in the corpus {paths.corpus_dir(corpus_dir)}", hint=hint)


def documents_of(facts_files: list[Path]) -> list[DocumentRef]:
    """Loose facts files as documents (id from the file name, see ``kg.facts.loader.doc_id_of``)."""
    return [DocumentRef(id=doc_id_of(p), facts=Path(p)) for p in facts_files]
