"""A matching view of a raw text: widths unified, stray spaces and wrapped lines removed, simplified script.

Rules match on ``TextView.text``; every span found there maps back to the raw text with ``raw_span``,
so a quote is always the exact raw words (spaces, line breaks and traditional characters included).
Changes are one-to-one substitutions (full-width letters, digits and punctuation to half-width; the
ideographic space to a space; traditional to simplified characters; straight double quotes paired into
“ and ” on a line of Chinese, as reposted pages print them) and deletions of whitespace:

- spaces inside Chinese words on short lines (``万  怡``, ``承  办  人``) and any run of two or more
  spaces between Chinese characters; a single space in a long line is kept (it separates headline words);
- a line break inside a sentence (the line before is long, has a comma and does not end a sentence, the
  next line does not start a numbered item); headings and titles keep their line breaks;
- a pinyin gloss a mirror page prints after a character (職業(yè)技能: one syllable with its tone mark in brackets).

>>> v = make_view("承  办  人：王  五\\n电话")
>>> v.text
'承办人:王五\\n电话'
>>> v.quote(4, 6)
'王  五'
>>> v.raw_span(0, 3)
(0, 7)
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from kg.extract.script import is_traditional, to_simplified

# full-width ASCII (！..～) -> half-width; ideographic space and no-break spaces -> space
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20, 0x200B: 0x20, 0xFEFF: 0x20})
_WIDTH.update({ord("［"): "[", ord("］"): "]"})

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{CJK}]")
_CJK_TAIL = re.compile(f"[{CJK}]*$")
_CJK_HEAD = re.compile(f"[{CJK}]*")
_SPACE_RUN = re.compile(r"[ \t\r\n\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff]+")
_END_PUNCT = set("。！？!?；;：:")
_ITEM_START = re.compile(r"[一二三四五六七八九十]+、|\(?[一二三四五六七八九十\d]+\)|\d+[.、．]|第[一二三四五六七八九十百\d]+[条章节]")
SHORT_LINE = 24
LONG_LINE = 15


@dataclass(frozen=True)
class TextView:
    """The raw text, its matching view and the map from view offsets to raw offsets."""

    raw: str
    text: str
    # (view offset, raw offset) at the start of each piece copied one-to-one
    _starts: list[int] = field(repr=False, default_factory=list)
    _raws: list[int] = field(repr=False, default_factory=list)
    notes: tuple[str, ...] = ()

    def raw_offset(self, i: int) -> int:
        """Raw offset of view offset ``i`` (0 <= i < len(text))."""
        k = bisect.bisect_right(self._starts, i) - 1
        return self._raws[k] + (i - self._starts[k])

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw (start, end) of the view span [start, end), end exclusive."""
        if end <= start:
            s = self.raw_offset(start) if start < len(self.text) else len(self.raw)
            return s, s
        return self.raw_offset(start), self.raw_offset(end - 1) + 1

    def quote(self, start: int, end: int) -> str:
        """The exact raw words behind the view span [start, end)."""
        s, e = self.raw_span(start, end)
        return self.raw[s:e]


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return ls, len(text) if le < 0 else le


def _drop(text: str, m: re.Match) -> bool:
    """Whether a whitespace run is noise inside a word or sentence."""
    s, e = m.span()
    if s == 0 or e >= len(text):
        return False
    before, after = text[s - 1], text[e]
    if not (_CJK_RE.match(after) and (_CJK_RE.match(before) or before in "”」』)")):
        return False
    run = m.group()
    newlines = run.count("\n")
    if newlines == 0:
        if len(run.replace("\r", "")) >= 2:
            return True
        ls, le = _line_bounds(text, s, e)
        if le - ls > SHORT_LINE:
            return False
        # on a short line a single space inside a spaced-out word goes (周 攀, 承 办 人, 尊敬的 李志新 代表), one
        # before a long word stays (a roster line: 周 攀 烟台张裕集团有限公司 is a name, then the employer)
        before_word = len(_CJK_TAIL.search(text, ls, s).group())
        after_word = len(_CJK_HEAD.match(text, e, le).group())
        return not (before_word and after_word >= 5)
    if newlines > 1:
        return False
    ls = text.rfind("\n", 0, s) + 1
    prev_line = text[ls:s].strip()
    item = _ITEM_START.match(prev_line)
    if item:   # 一、关于建立…机制 (a heading): the 、 of its number is no comma of a sentence
        prev_line = prev_line[item.end():]
        if prev_line.lstrip().startswith("关于") and len(prev_line) <= 60:
            return False   # 一、关于放宽培训准入门槛,扩大培训规模: a heading naming a question, whatever its commas
    if len(prev_line) < LONG_LINE or prev_line[-1] in _END_PUNCT or not any(c in prev_line for c in "，,、；;"):
        return False
    return not _ITEM_START.match(text, e)


_STRAIGHT_QUOTES = re.compile(r'[^\n"]*"[^\n]*')
#: a pinyin gloss some mirror pages print after characters: 職業(yè)技能, 號(hào); one syllable with its tone mark
_PINYIN = "a-zü"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_GLOSS = re.compile(f"(?<=[{CJK}])\\((?=[{_PINYIN}{_TONED}]*[{_TONED}])[{_PINYIN}{_TONED}]{{1,7}}\\)")


def _pair_quotes(text: str) -> str:
    """Straight double quotes of a Chinese line, paired: 授予…"全国技术能手"荣誉称号 -> “全国技术能手”.

    >>> _pair_quotes('授予"全国技术能手"称号\\nx="1"')
    '授予“全国技术能手”称号\\nx="1"'
    """
    def pair(m: re.Match) -> str:
        line = m.group()
        if line.count('"') % 2 or not _CJK_RE.search(line):
            return line
        parts = line.split('"')
        return "".join(p + ("“" if i % 2 == 0 else "”") for i, p in enumerate(parts[:-1])) + parts[-1]
    return _STRAIGHT_QUOTES.sub(pair, text) if '"' in text else text


def make_view(raw: str) -> TextView:
    """Build the matching view of ``raw`` (see the module doc)."""
    notes: list[str] = []
    text = _pair_quotes(raw.translate(_WIDTH))
    if is_traditional(text):
        text, changed = to_simplified(text)
        notes.append(f"traditional characters: {changed} mapped to simplified for matching; quotes keep the raw script")
    pieces: list[str] = []
    starts: list[int] = [0]
    raws: list[int] = [0]
    pos = 0
    out_len = 0
    gone = [m.span() for m in _SPACE_RUN.finditer(text) if _drop(text, m)]
    glosses = [m.span() for m in _PINYIN_GLOSS.finditer(text)]
    if glosses:
        notes.append(f"pinyin glosses: {len(glosses)} removed for matching (職業(yè) -> 職業); quotes keep the raw text")
    for s, e in sorted(gone + glosses):
        pieces.append(text[pos:s])
        out_len += s - pos
        pos = e
        starts.append(out_len)
        raws.append(e)
    pieces.append(text[pos:])
    return TextView(raw=raw, text="".join(pieces), _starts=starts, _raws=raws, notes=tuple(notes))
