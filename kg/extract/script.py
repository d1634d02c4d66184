"""Traditional characters: detect them and map them one-to-one to simplified ones for matching.

The mapping is character by character (zhconv's MediaWiki table, its one-character entries only), so
the simplified view has exactly the raw text's length and every offset stays valid: quotes are always
taken from the raw text, in the script it is written in.

>>> to_simplified("全國技術能手")
('全国技术能手', 2)
>>> is_traditional("河北省職業技能大賽在石家莊舉辦")
True
>>> is_traditional("河北省职业技能大赛")
False
"""
from __future__ import annotations

import functools
import json

# Characters that exist only in traditional script and are frequent in this genre: a quick first test,
# so that a simplified text never loads the conversion table.
_TRAD_HINTS = set("們個這會來為對發國說時後過還點實從體當於進動開種長機將關經與學問樣產頭員應門見無讓業務議設計營運華電視報導辦區縣術師藝職訓練獎選舉級義廣東處總專項條規劃幹該環費證據認識資質評賽聯廳協幣書圖")


@functools.lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """Traditional -> simplified, one character to one character (loaded on first use)."""
    from importlib import resources

    try:
        data = json.loads((resources.files("zhconv") / "zhcdict.json").read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError, ValueError):  # zhconv missing: no conversion, say so
        return {}
    table = {ord(k): v for k, v in data["zh2Hans"].items() if len(k) == 1 and len(v) == 1 and k != v}
    return table


def is_traditional(text: str, *, sample: int = 20000) -> bool:
    """True when the text is written in traditional characters (several hint characters, few simplified)."""
    head = text[:sample]
    hints = sum(1 for c in head if c in _TRAD_HINTS)
    return hints >= 3 and hints * 20 >= sum(1 for c in head if "\u4e00" <= c <= "\u9fff") // 10


def to_simplified(text: str) -> tuple[str, int]:
    """The text with traditional characters replaced by simplified ones (same length) and how many changed."""
    table = _table()
    out = text.translate(table)
    changed = sum(1 for a, b in zip(text, out) if a != b)
    return out, changed
