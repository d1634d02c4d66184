"""Figures as the genre writes them: Arabic or Chinese numerals, 万/亿, qualifiers and units.

>>> parse_number("59.8万")
Decimal('598000')
>>> parse_number("两万"), parse_number("五十"), parse_number("一百零五"), parse_number("十六")
(Decimal('20000'), Decimal('50'), Decimal('105'), Decimal('16'))
>>> q = parse_quantity("100多万人次")
>>> (q.value, q.qualifier, q.unit)
(Decimal('1000000'), 'moreThan', '人次')
>>> [(q.value, q.qualifier, q.unit) for q in map(parse_quantity, ["430余名", "10个以上", "3万人以上", "近200家", "约5万元"])]
[(Decimal('430'), 'moreThan', '名'), (Decimal('10'), 'atLeast', '个'), (Decimal('30000'), 'atLeast', '人'), (Decimal('200'), 'nearly', '家'), (Decimal('50000'), 'approximately', '元')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CN_NUM = "零〇○一二两三四五六七八九十百千"
#: a number: Arabic (with thousands separators and decimals) or Chinese, then 万/亿 (多/余 may sit between)
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|[{CN_NUM}]+(?:点[{CN_NUM}]+)?"
UNITS = ("万元", "亿元", "元", "人次", "余人", "人", "名", "位", "家", "个", "项", "条", "所", "届", "次", "场", "期", "批",
         "支", "座", "件", "天", "年", "类", "门", "种", "班", "户", "间", "本", "套", "平方米", "小时", "课时", "学时", "岁", "%")
QUANTITY_RE = re.compile(
    rf"(?P<pre>近|约|超过|逾|超|突破|达到|达|共|累计|合计|总计|不少于|不低于)?"
    rf"(?P<num>{NUMBER})(?P<more1>多|余)?(?P<big>万|亿)?(?P<more2>多|余)?"
    rf"(?P<unit>{'|'.join(sorted(map(re.escape, UNITS), key=len, reverse=True))})?"
    rf"(?P<post>以上|以下|左右|余|多|之多)?"
)
QUALIFIERS = {"近": "nearly", "约": "approximately", "左右": "approximately", "超过": "moreThan", "逾": "moreThan",
              "超": "moreThan", "突破": "moreThan", "多": "moreThan", "余": "moreThan", "之多": "moreThan", "以上": "atLeast",
              "不少于": "atLeast", "不低于": "atLeast", "以下": "atMost"}


def _chinese_int(text: str) -> int | None:
    """Chinese numerals without 万/亿: 三, 十六, 一百零五, 二〇二二 (digit by digit)."""
    if not text:
        return None
    if all(c in DIGITS for c in text):  # 二〇二二 or a single digit
        value = 0
        for c in text:
            value = value * 10 + DIGITS[c]
        return value
    total, digit = 0, None
    for c in text:
        if c in DIGITS:
            digit = DIGITS[c]
        elif c in SMALL_UNITS:
            total += (1 if digit is None else digit) * SMALL_UNITS[c]
            digit = None
        else:
            return None
    return total + (digit or 0)


def parse_number(text: str) -> Decimal | None:
    """A number written in Arabic or Chinese numerals, with 万/亿 applied; None if it is not one."""
    text = text.strip().replace(",", "")
    if not text:
        return None
    mult = Decimal(1)
    while text and text[-1] in BIG_UNITS:
        mult *= BIG_UNITS[text[-1]]
        text = text[:-1]
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        if "点" in text:
            whole, _, frac = text.partition("点")
            w = _chinese_int(whole)
            if w is None or not frac or any(c not in DIGITS for c in frac):
                return None
            value = Decimal(f"{w}.{''.join(str(DIGITS[c]) for c in frac)}")
        else:
            # 三万五千 style: split on 万/亿 inside
            m = re.fullmatch(rf"([{CN_NUM}]+)万([{CN_NUM}]*)", text)
            if m:
                hi, lo = _chinese_int(m.group(1)), _chinese_int(m.group(2)) if m.group(2) else 0
                if hi is None or lo is None:
                    return None
                value = Decimal(hi * 10_000 + lo)
            else:
                v = _chinese_int(text)
                if v is None:
                    return None
                value = Decimal(v)
    result = value * mult
    return result.quantize(Decimal(1)) if result == result.to_integral_value() else result.normalize()


@dataclass(frozen=True)
class Quantity:
    """A figure as written: value, qualifier (exactly, moreThan, atLeast, nearly, approximately, atMost), unit."""

    value: Decimal
    qualifier: str
    unit: str | None
    text: str          # the figure as written, e.g. 430余名
    start: int = 0     # offsets of ``text`` in the string it was found in
    end: int = 0


def quantity_at(m: re.Match) -> Quantity | None:
    """The quantity of a QUANTITY_RE match (None when the number does not parse)."""
    num = m.group("num")
    value = parse_number(num + (m.group("big") or ""))
    if value is None:
        return None
    qualifier = "exactly"
    for key in ("pre", "more1", "more2", "post"):
        word = m.group(key)
        if word and word in QUALIFIERS:
            qualifier = QUALIFIERS[word]
    unit = m.group("unit")
    if unit == "余人":
        unit, qualifier = "人", "moreThan"
    start = m.start("num")
    end = m.end()
    return Quantity(value=value, qualifier=qualifier, unit=unit, text=m.string[start:end], start=start, end=end)


def parse_quantity(text: str) -> Quantity | None:
    """The quantity written at the start of ``text`` (qualifier words before the number included)."""
    m = QUANTITY_RE.match(text)
    return quantity_at(m) if m and m.group("num") else None
