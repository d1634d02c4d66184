"""Dates as the genre writes them, resolved against the document's date.

Absolute: 2022年7月20日, 2018年06月30日, 2022-07-20, 2017年, 2018年1月. Relative: 今年 / 本年 (the
document's year), 去年 / 上年 (the year before), 同年 / 当年 (the last year named before it), and a month
and day without a year (5月5日: the document's year). Each resolution says how it was made (``note``).

>>> d = DateContext(doc_year=2022)
>>> d.resolve("今年7月3日至6日", at=100)
DateValue(start='2022-07-03', end='2022-07-06', note='今年 resolved to 2022, the year of the document')
>>> d.resolve("5月5日", at=100).start
'2022-05-05'
>>> d.remember_years("2017年国务院办公厅印发", 0); d.resolve("同年", at=50).start
'2017'
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from kg.extract.numerals import parse_number

_Y = r"(?P<y>(?:19|20)\d\d|[一二〇○零三四五六七八九]{4})年"
_CN_MD = r"[0-9一二三四五六七八九十]{1,3}"
DATE_RE = re.compile(
    rf"(?:{_Y}|(?P<rel>今年|本年|去年|上年|同年|当年|明年|次年))?"
    rf"(?:(?P<m>{_CN_MD})月(?:(?P<d>{_CN_MD})[日号])?)?"
    rf"(?:(?:至|到|-|—|~|－)(?:(?P<m2>{_CN_MD})月)?(?P<d2>{_CN_MD})[日号])?"
)
ISO_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-./](\d{1,2})[-./](\d{1,2})(?!\d)")
YEAR_RE = re.compile(r"(?<![\d〔\[(（])((?:19|20)\d\d)年")


@dataclass(frozen=True)
class DateValue:
    """A date or a span: ISO strings (year, year-month or full date) and how it was resolved."""

    start: str
    end: str | None = None
    note: str | None = None


def _num(text: str | None) -> int | None:
    if not text:
        return None
    v = parse_number(text)
    return int(v) if v is not None else None


def _iso(y: int, m: int | None, d: int | None) -> str | None:
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    import datetime

    try:
        return datetime.date(y, m, d).isoformat()
    except ValueError:
        return None


@dataclass
class DateContext:
    """What relative dates resolve against: the document's year and the years named so far."""

    doc_year: int | None = None
    _year_pos: list[int] = field(default_factory=list)
    _years: list[int] = field(default_factory=list)

    def remember_years(self, text: str, offset: int = 0) -> None:
        """Record every explicit year of ``text`` (at ``offset``) for 同年/当年."""
        for m in YEAR_RE.finditer(text):
            self._year_pos.append(offset + m.start())
            self._years.append(int(m.group(1)))
        order = sorted(range(len(self._year_pos)), key=self._year_pos.__getitem__)
        self._year_pos = [self._year_pos[i] for i in order]
        self._years = [self._years[i] for i in order]

    def year_before(self, at: int) -> int | None:
        k = bisect.bisect_left(self._year_pos, at) - 1
        return self._years[k] if k >= 0 else None

    def resolve(self, text: str, *, at: int) -> DateValue | None:
        """The date written at the start of ``text`` (found at offset ``at``), or None."""
        m = DATE_RE.match(text)
        if not m or not m.group(0) or not (m.group("y") or m.group("rel") or m.group("m")):
            return None
        note = None
        y = _num(m.group("y")) if m.group("y") else None
        rel = m.group("rel")
        if rel:
            if rel in ("今年", "本年"):
                y, why = self.doc_year, "the year of the document"
            elif rel in ("去年", "上年"):
                y, why = (self.doc_year - 1 if self.doc_year else None), "the year before the document's"
            elif rel in ("明年", "次年"):
                base = self.year_before(at) if rel == "次年" else self.doc_year
                y, why = (base + 1 if base else None), "the year after " + ("the year named before" if rel == "次年" else "the document's")
            else:
                y, why = self.year_before(at), "the last year named before it"
            if y is None:
                return None
            note = f"{rel} resolved to {y}, {why}"
        elif y is None:
            if self.doc_year is None or m.group("d") is None:
                return None
            y = self.doc_year
            note = f"{m.group(0)} has no year in the text; resolved to {y}, the year of the document"
        mo, d = _num(m.group("m")), _num(m.group("d"))
        start = _iso(y, mo, d)
        if start is None:
            return None
        end = None
        if m.group("d2"):
            end = _iso(y, _num(m.group("m2")) or mo, _num(m.group("d2")))
        return DateValue(start=start, end=end, note=note)


def find_iso(text: str) -> str | None:
    """The first yyyy-mm-dd (or yyyy.mm.dd, yyyy/mm/dd) date of ``text`` as ISO, or None."""
    m = ISO_RE.search(text)
    return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
