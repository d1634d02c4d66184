"""Explain a quote that is not in its source but nearly is: it differs only by Unicode normalization
(NFC/NFD), character width (full-width ０１０ vs 010) or line ends (CRLF vs LF) — say which, and where.

>>> print(explain_mismatch("建议：\\n第010号建议", "第０１０号"))
differs from the source only by character width (the quote has full-width '０' where the source has '0') at line 2, offset 4: the source reads '第010号'
>>> explain_mismatch("abc", "xyz") is None
True
"""
from __future__ import annotations

import unicodedata
from itertools import combinations

# full-width ASCII forms U+FF01..U+FF5E ↔ ASCII U+0021..U+007E; the ideographic space U+3000 ↔ space
_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)} | {"\u3000": " "}


def _crlf(unit: str) -> str:
    return "\n" if unit in ("\r\n", "\r") else unit


def _width(unit: str) -> str:
    return "".join(_WIDTH.get(c, c) for c in unit)


def _nfc(unit: str) -> str:
    return unicodedata.normalize("NFC", unit)


FOLDS = {"line ends": _crlf, "character width": _width, "Unicode normalization": _nfc}


def _units(text: str):
    """(offset, unit): a CRLF pair, or a character with the combining marks that follow it."""
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        if text[i] == "\r" and j < n and text[j] == "\n":
            j += 1
        else:
            while j < n and unicodedata.combining(text[j]):
                j += 1
        yield i, text[i:j]
        i = j


def _fold(text: str, steps) -> tuple[str, list[int]]:
    """``text`` folded by ``steps``, and for each folded character the offset of the unit it came from."""
    out: list[str] = []
    starts: list[int] = []
    for offset, unit in _units(text):
        for step in steps:
            unit = step(unit)
        out.append(unit)
        starts.extend([offset] * len(unit))
    starts.append(len(text))
    return "".join(out), starts


def _fold_plain(text: str, steps) -> str:
    return "".join(_fold(text, steps)[0])


def _detail(name: str, quote: str, found: str) -> str:
    if name == "Unicode normalization":
        form = "NFC" if unicodedata.is_normalized("NFC", quote) else "NFD" if unicodedata.is_normalized("NFD", quote) else "mixed"
        other = "NFC" if unicodedata.is_normalized("NFC", found) else "NFD" if unicodedata.is_normalized("NFD", found) else "mixed"
        return f"Unicode normalization (the quote is {form}, the source {other})"
    if name == "character width":
        for a, b in zip(_fold_plain(quote, [_crlf, _nfc]), _fold_plain(found, [_crlf, _nfc])):
            if a != b:
                wide = a in _WIDTH
                return (f"character width (the quote has {'full' if wide else 'half'}-width {a!r} where the source "
                        f"has {b!r})")
        return "character width"
    crlf_quote = "\r" in quote
    return f"line ends (the quote has {'CRLF' if crlf_quote else 'LF'}, the source {'LF' if crlf_quote else 'CRLF'})"


def explain_mismatch(text: str, quote: str) -> str | None:
    """Why ``quote`` is not found in ``text`` when it nearly is; None when it is not a near miss.

    Tries each fold alone, then in pairs, then all three, and names the fewest that make the quote match.
    """
    if not quote:
        return None
    for size in (1, 2, 3):
        for names in combinations(FOLDS, size):
            steps = [FOLDS[n] for n in names]
            folded, starts = _fold(text, steps)
            at = folded.find(_fold_plain(quote, steps))
            if at < 0:
                continue
            start = starts[at]
            end = starts[at + len(_fold_plain(quote, steps))]
            found = text[start:end]
            line = text.count("\n", 0, start) + 1
            what = " and ".join(_detail(n, quote, found) for n in names)
            shown = found if len(found) <= 40 else found[:39] + "…"
            return f"differs from the source only by {what} at line {line}, offset {start}: the source reads {shown!r}"
    return None
