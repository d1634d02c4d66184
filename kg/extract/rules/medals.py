"""Medals won at a contest: 金牌23枚、银牌10枚、铜牌13枚、优胜奖63个, 16枚金牌、14枚银牌…和17个优胜奖, 5金6银3铜和12个优胜奖
— one figure per kind (gold, silver, bronze medals in medals, medallions for excellence in awards), labelled with who won
them as the clause says it (广东代表团…共获得…银牌10枚), about the province that team is of when the text names it.
Persons who won a medal (135人获金牌, 291名选手获得…金、银、铜牌) are no count of medals: they are counts of medallists
(persons; gold, silver, bronze, any medal, a medallion for excellence).

>>> from kg.extract.pipeline import extract_text
>>> d = extract_text("第一届全国技能大赛圆满闭幕。湖北代表队获得2银3铜和52个优胜奖。")
>>> [(f.first("measure"), str(f.first("value")), f.first("unit"), f.label) for f in d.facts if f.cls == "Observation"]
[('silverMedals', '2', 'medal', '湖北代表队获得2银'), ('bronzeMedals', '3', 'medal', '湖北代表队获得…3铜'), ('excellenceAwards', '52', 'award', '湖北代表队获得…52个优胜奖')]
"""
from __future__ import annotations

import re

from kg.extract.draft import Ref
from kg.extract.numerals import parse_number
from kg.extract.rules.base import Context, sentence_bounds
from kg.extract.rules.counts import time_and_intent

NUM = r"\d+|[一二三四五六七八九十两]+"
KIND = {"金": "goldMedals", "银": "silverMedals", "铜": "bronzeMedals"}
#: one medal figure of a list: 金牌23枚 / 16枚金牌 / 5金 (in a run 5金6银3铜) / 优胜奖63个 / 17个优胜奖
ITEM = re.compile(rf"(?P<a>[金银铜])牌(?P<an>{NUM})枚|(?P<bn>{NUM})枚(?P<b>[金银铜])牌|(?P<cn>{NUM})(?P<c>[金银铜])(?![牌属融])"
                  rf"|优胜奖(?P<dn>{NUM})(?:个|项|名)?|(?P<en>{NUM})(?:个|项)?优胜(?:奖)?")
#: between two items of one list
JOIN = re.compile(r"[、，,]?(?:和|及|以及)?")
#: the verb of winning, right before the list
WON = re.compile(r"(?:共|累计|分别|先后|一共)?(?:获得|荣获|夺得|斩获|收获|取得|摘得|获)(?:了)?(?:[:：])?")
#: the winner at the start of the clause: a province's team (广东代表团, 湖北代表队, 广东收获…)
TEAM = re.compile(r"(?P<p>[\u4e00-\u9fff]{2,3}?)(?:省|市)?(?:代表团|代表队|军团|选手|队)?(?=在|共|累计|获|荣获|夺得|斩获|收获|取得|摘得|再|继续)")


def _items(text: str, start: int, end: int):
    """The items of the medal list starting at ``start`` (each kind once, in the text's order)."""
    pos, seen = start, set()
    while pos < end:
        m = ITEM.match(text, pos)
        if m is None:
            break
        kind = next((m.group(g) for g in "abc" if m.group(g)), None)
        measure = KIND[kind] if kind else "excellenceAwards"
        if measure in seen:
            break
        seen.add(measure)
        num = next(m.group(g) for g in ("an", "bn", "cn", "dn", "en") if m.group(g))
        yield measure, parse_number(num), m
        pos = JOIN.match(text, m.end()).end()


def apply(ctx: Context) -> None:
    text, draft = ctx.text, ctx.draft
    if not re.search(r"[金银铜]|优胜", text):
        return
    _medallists(ctx)
    for won in re.finditer(r"获得|荣获|夺得|斩获|收获|取得|摘得|获", text):
        s, e = sentence_bounds(text, won.start())
        if not re.search(r"大赛|竞赛|比赛|技能赛|赛项|世赛|国赛|代表团|代表队", text[max(0, s - 200):e]):
            continue   # medals of a contest only
        lead = WON.match(text, won.start() - (2 if text[won.start() - 2:won.start()] in ("累计", "分别", "先后", "一共") else
                                              1 if text[won.start() - 1:won.start()] == "共" else 0))
        if lead is None:
            continue
        items = list(_items(text, lead.end(), e))
        if len(items) < 2 and not (items and items[0][2].group("a") or items and items[0][2].group("b")):
            continue   # a lone 5金 may be anything; a list or 金牌N枚 is a medal count
        cs = _clause_start(text, s, won.start())
        if re.fullmatch(r"(?:共|累计|分别|先后|一共|共计|并|还|又|再次)?", text[cs:won.start()]) and cs - 1 > s:
            cs = _clause_start(text, s, cs - 1)   # 我国已参加七届世界技能大赛，累计获得93枚金牌: the winner is the clause before
        head = text[cs:lead.end()]
        if re.search(r"(?:人|名|位)(?:选手)?$", text[cs:won.start()]) or re.search(r"\d+(?:人|名|位)", head):
            continue   # 135人获金牌: persons, not medals
        place = _winner(ctx, text, cs, won.start())
        for measure, value, m in items:
            if value is None:
                continue
            fig = (m.start(), m.end())
            label = text[cs:fig[1]] if fig[0] == lead.end() else f"{head}…{text[fig[0]:fig[1]]}"
            obs = draft.fact("Observation", label, (cs, lead.end()) if fig[0] != lead.end() else (cs, fig[1]),
                             rule=f"medal.{measure}", confidence=0.7, key=("medal", measure, str(value), place.id if place is not None else head))
            if fig[0] != lead.end():
                draft.add_quote(obs, fig)
            if obs.props.get("value"):
                continue
            obs.set("measure", Ref(measure))
            obs.set("value", value)
            obs.set("qualifier", Ref("exactly"))
            obs.set("unit", Ref("award" if measure == "excellenceAwards" else "medal"))
            obs.set("sourceValue", text[fig[0]:fig[1]])
            time_and_intent(ctx, obs, measure=measure, sentence=(s, e), at=cs, num_at=fig[0], again=False, year=False)
            if place is not None:
                obs.set("about", place)
    _restated(draft, text)


#: contestants who won medals: 135人获金牌, 291名选手获得86个项目的金、银、铜牌, 曹建隆等111名选手获得本届大赛金牌
WINNERS = re.compile(rf"(?P<fig>(?:{NUM})(?:余|多)?(?:名|人|位))(?:选手|参赛选手)?(?:先后|分别|共)?(?:获得|荣获|获|摘得|夺得|摘取)(?:了)?"
                     r"(?:[^，,。；;、\d]{0,3}\d*[^，,。；;、\d]{0,8}?的|本届大赛|本届|大赛)?"
                     r"(?P<kind>金、银、铜牌|金银铜牌|金、银、铜奖|金牌|银牌|铜牌|优胜奖)")
#: 为本届大赛获金、银、铜牌的393名选手颁奖
WINNERS_AFTER = re.compile(rf"(?:获得|荣获|获)(?P<kind>金、银、铜牌|金银铜牌|金牌|银牌|铜牌|优胜奖)的(?P<fig>(?:{NUM})(?:余|多)?(?:名|人|位))")
WINNER_KIND = {"金牌": "goldMedallists", "银牌": "silverMedallists", "铜牌": "bronzeMedallists", "优胜奖": "excellenceAwardees",
               "金、银、铜牌": "medallists", "金银铜牌": "medallists", "金、银、铜奖": "medallists"}


def _medallists(ctx: Context) -> None:
    """Contestants who won medals (persons, not medals): each kind a figure of its own measure."""
    from kg.extract.numerals import parse_quantity

    text, draft = ctx.text, ctx.draft
    for rx in (WINNERS, WINNERS_AFTER):
        for m in rx.finditer(text):
            s, e = sentence_bounds(text, m.start())
            if not re.search(r"大赛|竞赛|比赛|技能赛|世赛|国赛", text[max(0, s - 200):e]):
                continue
            q = parse_quantity(m.group("fig"))
            if q is None:
                continue
            start = m.start()
            named = re.search(r"[\u4e00-\u9fff]{2,4}等$", text[max(s, start - 5):start])
            if named and rx is WINNERS:
                start -= len(named.group(0))   # 曹建隆等111名选手: one named and the others
            measure = WINNER_KIND[m.group("kind")]
            label = text[start:m.end()]
            obs = draft.fact("Observation", label, (start, m.end()), rule=f"medal.{measure}", confidence=0.7,
                             key=("medallists", measure, str(q.value)))
            if obs.props.get("value"):
                continue
            obs.set("measure", Ref(measure))
            obs.set("value", q.value)
            obs.set("qualifier", Ref(q.qualifier))
            obs.set("unit", Ref("person"))
            obs.set("sourceValue", q.text)
            time_and_intent(ctx, obs, measure=measure, sentence=(s, e), at=start, num_at=m.start("fig"), again=False, year=False)


def _clause_start(text: str, s: int, at: int) -> int:
    """Where the clause before ``at`` starts: after a comma, or after a space (a headline: 第一届全国技能大赛收官 广东收获…)."""
    cs = max([s] + [text.rfind(c, s, at) + 1 for c in "，,；;。\n"])
    space = re.search(r"\s+(?=\S*$)", text[cs:at])
    if space and space.start() > 0:
        cs += space.end()
    while cs < at and text[cs].isspace():
        cs += 1
    return cs


def _restated(draft, text: str) -> None:
    """A headline's medals said again in the body (湖北选手获得2银3铜 … 湖北代表队获得2银3铜): the body's words stay."""
    def in_headline(f) -> bool:   # a short line with no sentence in it (a title, a subtitle) before the body
        at = f.spans[0][0] if f.spans else None
        if at is None:
            return False
        line = text[text.rfind("\n", 0, at) + 1:(text.find("\n", at) + 1 or len(text) + 1) - 1]
        return "。" not in line and len(line) <= 60 and text.find("。") > at

    medals = [f for f in draft.facts if f.cls == "Observation" and str(f.rule).startswith("medal.")]
    for f in medals:
        if in_headline(f) and any(g is not f and not in_headline(g) and g.first("measure") == f.first("measure")
                                  and g.first("value") == f.first("value") for g in medals):
            draft.remove(f)


def _winner(ctx: Context, text: str, cs: int, at: int):
    """The province a team that won is of (广东代表团, 湖北代表队, 广东收获…), or the home city of 我市/我省 when known."""
    from kg.extract.rules.organizations import place_label

    if re.match(r"我(?:市|省)", text[cs:at]):
        return ctx.city
    m = TEAM.match(text, cs, at)
    if m and m.group("p") in ctx.lex.provinces:
        return ctx.draft.entity("Municipality", place_label(m.group("p")), m.span("p"), rule="medal.winner", confidence=0.7)
    return None
