"""Shares: a part as a percentage of its base (高技能人才占技能人才的比例约为30%, 技能劳动者约1.65亿人，占就业人员总量的
21.3%) and the rise of a share in percentage points (比重提高3.4个百分点). A share is drafted only when the vocabulary
has a share measure of that part in that base (kg:shareOf, kg:shareBase of a kg:ShareMeasure): 占比58% of 技工院校学生
among contestants, or 东部省份高技能人才占技能人才比例 (a part narrowed to some provinces), give nothing.

>>> from kg.extract.pipeline import extract_text
>>> d = extract_text("我国技能人才总量超过2亿人，高技能人才超过6000万，占技能人才的比例约为30%。")
>>> [(f.first("measure"), str(f.first("value")), f.first("qualifier"), f.first("unit"))
...  for f in d.facts if f.cls == "Observation" and f.first("unit") == "percent"]
[('highSkillShare', '30', 'approximately', 'percent')]
"""
from __future__ import annotations

import re

from kg.extract.draft import Ref
from kg.extract.rules.base import Context, sentence_bounds
from kg.extract.rules.counts import WIDER, time_and_intent

#: a percentage, or percentage points, with the qualifier words written right at it
PERCENT = re.compile(r"(?P<pre>接近|将近|近|约|超过|逾|超)?(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>[%％]|个百分点)(?P<post>以上|左右)?")
QUALIFIER = {"近": "nearly", "接近": "nearly", "将近": "nearly", "约": "approximately", "约为": "approximately",
             "左右": "approximately", "超过": "moreThan", "逾": "moreThan", "超": "moreThan", "高于": "moreThan",
             "以上": "atLeast"}
#: where a clause starts: punctuation, a line break, or a bullet of a summary list ( - 技能人才总量达…)
CLAUSE_START = re.compile(r"[，,；;。！？!?:：\n]|\s[-—·]\s|\]\s*")
#: what may stand before the part in its clause: the whole of a place (全国, 我省, 上海市), 其中 — not a narrower group
#: (东部省份, 中高级)
SCOPE = re.compile(r"[\s\-—·]*(?:其中|目前|当前|现有)?[，,]?(?:全国|我国|全省|全市|全区|全县|我省|我市|我区|我县|"
                   r"[\u4e00-\u9fff]{2,7}?(?:省|市|自治区|区|县))?(?:的)?")
#: after the part: its total, its own figure (达1960多万人), what is in it ((含…)), an adverb
PART_TAIL = (r"(?:[(（][^()（）]{0,60}[)）])?(?:总量|总数|人数)?(?:[(（][^()（）]{0,60}[)）])?"
             r"(?:(?:已经|已)?(?:达到|达|为|约为|约|超过|超|突破|有|共有|近)?\d+(?:\.\d+)?(?:多|余)?[万亿]?(?:多|余)?(?:人|名)?(?:以上)?)?"
             r"\s*(?:仅|只|约|已|均|也)?$")
#: between the base and the figure: its total, its own figure (4828万人), 的 比例/比重, how it is said
BASE_TAIL = re.compile(r"(?:总量|总数|总人数|人数)?(?:\d+(?:\.\d+)?[万亿]?人)?的?(?:比例|比重)?(?:已经|已|仅|只|也|将|要|均)?"
                       r"(?:(?:由|从)[^，,。；;%％]{0,12}?[%％](?:提高|提升|上升|增加|增长)(?:到|至)(?:(?:19|20)\d\d年的)?|提高到|提高至|"
                       r"提升到|提升至|达到|达|为|约为|约|超过|超|接近|高于|在|(?:由|从)(?:19|20)\d\d年(?:底|末)?的)?"
                       r"(?P<q>约为|约|超过|超|接近|高于)?$")
#: the rise of a share named in the same words (高技能人才总量占技能劳动者总量比例增长近8个百分点)
RISE_TAIL = re.compile(r"(?:总量|总数)?的?(?:比例|比重)(?:提高|提升|增长|上升|增加)(?:了)?$")
#: the rise of the share of the clause before (人才资源占从业人员的32.2%，比重提高3.4个百分点)
RISE_AFTER = re.compile(r"^(?:其)?(?:(?:比重|比例|占比)(?:比[^，,。；;]{0,12})?|(?:较|比)[^，,。；;]{1,8}?)(?:提高|提升|增长|上升|增加)(?:了)?$")


def _clause_start(text: str, at: int, floor: int) -> int:
    last = floor
    for m in CLAUSE_START.finditer(text, floor, at):
        last = m.end()
    return last


def _shares(ctx: Context) -> dict[tuple[str, str], str]:
    """(part, base) -> the share measure of the vocabulary."""
    return {(c.extra["shareOf"], c.extra["shareBase"]): c.id for c in ctx.known.concepts.get("measures", {}).values()
            if "shareOf" in c.extra and "shareBase" in c.extra}


def _labels(ctx: Context, ids: set[str]) -> list[tuple[str, str]]:
    """(label, measure) of the given measures, longest label first."""
    names = [(n, c.id) for n, c in ctx.known.concept_names("measures").items() if c.id in ids]
    return sorted(names, key=lambda x: -len(x[0]))


def _part(ctx: Context, parts, text: str, start: int, end: int) -> tuple[str, int] | None:
    """The part named in text[start:end] (its whole, right before 占): (measure, where its words start)."""
    chunk = text[start:end]
    for label, mid in parts:
        k = chunk.find(label)
        while k >= 0:
            scope = chunk[:k]
            if (SCOPE.fullmatch(scope) or scope.strip(" -—·") in ctx.lex.provinces) and re.fullmatch(PART_TAIL, chunk[k + len(label):]):
                return mid, start + k
            k = chunk.find(label, k + 1)
    return None


def _base(bases, after: str) -> tuple[str, int] | None:
    """The base named right after 占 (占全省从业人员…): (measure, length of the words up to its label's end)."""
    m = re.match(r"(?:全国|全省|全市|全区|全县|全部|全体)?", after)
    k = m.end()
    for label, mid in bases:
        if after.startswith(label, k):
            return mid, k + len(label)
    return None


def apply(ctx: Context) -> None:
    text, draft = ctx.text, ctx.draft
    shares = _shares(ctx)
    if not shares or not re.search(r"[%％]|百分点", text):
        return
    parts = _labels(ctx, {p for p, _ in shares})
    bases = _labels(ctx, {b for _, b in shares})
    drafted: list[tuple[int, int, str]] = []       # (clause start, figure end, measure) of the shares drafted
    for m in PERCENT.finditer(text):
        s, e = sentence_bounds(text, m.start())
        at = m.start("pre") if m.group("pre") else m.start("num")
        if re.search(r"\d\s*[~～\-—至到]\s*$", text[max(s, at - 4):at]) or re.match(r"\s*[~～\-—至]\s*\d", text[m.end():]):
            continue   # 提高2~3个百分点: a range, not one figure
        cs = _clause_start(text, at, s)
        points = m.group("unit") == "个百分点"
        measure = start = None
        occupy = text.rfind("占", cs, at)
        if occupy >= 0:
            after = occupy + 1 + (1 if text[occupy + 1:occupy + 2] in ("据", "到") else 0)   # 占据, 占到
            base = _base(bases, text[after:at])
            tail = text[after + base[1]:at] if base else ""
            if base and (RISE_TAIL.fullmatch(tail) if points else BASE_TAIL.fullmatch(tail)):
                part = _part(ctx, parts, text, cs, occupy)
                if part is None and not text[cs:occupy].strip(" 仅只约已均也并"):
                    # 高技能人才4791万人，占技能劳动者总数的29%: the part is the clause before
                    prev = _clause_start(text, cs - 1, s) if cs > s else None
                    part = _part(ctx, parts, text, prev, cs - 1) if prev is not None else None
                if part is not None:
                    measure = shares.get((part[0], base[0]))
                    start = part[1]
        elif points and RISE_AFTER.fullmatch(text[cs:at]) and drafted and drafted[-1][1] >= cs - 2 and drafted[-1][1] >= s:
            measure, start = drafted[-1][2], cs     # 人才资源占从业人员的32.2%，比重提高3.4个百分点
        if measure is None:
            continue
        qualifier = "exactly"
        for word in (m.group("pre"), m.group("post")):
            if word in QUALIFIER:
                qualifier = QUALIFIER[word]
        said = re.search(r"(?:约为|约|接近|将近|超过|超|高于)$", text[cs:at])
        if qualifier == "exactly" and said:
            qualifier = QUALIFIER.get(said.group(0), "exactly")   # 比例约为30%: the qualifier is said before the figure
        if re.search(r"(?:不到|不足|低于|未达到|未达)$", text[cs:at]):
            continue   # 不到4%: an upper bound the vocabulary has no qualifier for
        end = m.end()
        label = text[start:end]
        # 从2010年的25.0%提高至2016年的31.1%: each share of the year it names
        year = re.search(r"((?:19|20)\d\d年(?:底|末)?)的$", text[cs:at])
        # the same share said again (a headline, then the body): one figure
        key = ("share", measure, m.group("num"), qualifier, points, year.group(1) if year else None)
        obs = draft.fact("Observation", label, (start, end), rule=f"share.{measure}", confidence=0.75, key=key)
        again = bool(obs.props.get("value"))
        if not again:
            obs.set("measure", Ref(measure))
            obs.set("value", _value(m.group("num")))
            obs.set("qualifier", Ref(qualifier))
            obs.set("unit", Ref("percentagePoint" if points else "percent"))
            obs.set("sourceValue", text[m.start("num"):end])
        time_and_intent(ctx, obs, measure=measure, sentence=(s, e), at=start, num_at=m.start("num"), again=again,
                        year=year is None)
        if year and not again:
            obs.set("period", year.group(1))
        if points:
            since = re.search(r"(?:比|较)((?:19|20)\d\d\s*年|上年|去年|上一年)", text[s:at])
            obs.note("the rise of the share in percentage points, not the share" +
                     (f" (compared with {since.group(1)})" if since else ""))
        if ctx.city is not None and not WIDER.search(text, s, at):
            obs.set("about", ctx.city)
        if not points:
            drafted.append((cs, end, measure))


def _value(num: str):
    from decimal import Decimal

    v = Decimal(num)
    return v.quantize(Decimal(1)) if v == v.to_integral_value() else v.normalize()
