"""Source texts: read a document verbatim and locate quotes in it.

>>> src = SourceText(path=None, name="demo.txt", text="测试市人才总量达12.3万人")
>>> src.locate("12.3万人")
(8, 14)
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError


@dataclass(frozen=True)
class SourceText:
    """A source document's text, exactly as shipped (never edited)."""

    path: Path | None
    name: str
    text: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def stem(self) -> str:
        return self.name.rsplit(".", 1)[0]

    def locate(self, quote: str) -> tuple[int, int] | None:
        """Start and end offset (code points, end exclusive) of the first occurrence, or None."""
        if not quote:
            return None
        start = self.text.find(quote)
        if start < 0:
            return None
        return start, start + len(quote)


def read_source(path: Path) -> SourceText:
    """Read a UTF-8 source text; a missing or undecodable file is an InputError."""
    from kg.inputs import read_input

    data = read_input(path, what="source text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"source text is not UTF-8 (byte {exc.start})", file=str(path)) from None
    return SourceText(path=path, name=path.name, text=text)
