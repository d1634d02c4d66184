"""Programs and strategies: 实施…工程/行动/计划 (a program), “…”战略 or …战略 (a strategy), “中国制造2025”试点城市
(a strategy with its pilot city), 建立“三年一推”长效机制 (a selection scheme and its frequency).

>>> from kg.extract.pipeline import extract_text
>>> d = extract_text("大力实施高技能人才支撑工程，全面实施“人才强市”战略。")
>>> sorted((f.cls, f.label) for f in d.facts if f.cls in ("Program", "Strategy"))
[('Program', '高技能人才支撑工程'), ('Strategy', '人才强市')]
"""
from __future__ import annotations

import re

from kg.extract.rules.base import HAN, Context

PROGRAM = re.compile(rf"(?:实施|推进|开展|启动|落实)(?:了)?(?P<n>(?:[{HAN[1:-1]}]|“|”){{2,16}}?(?:工程|行动|计划|专项行动))(?![{HAN[1:-1]}])")
STRATEGY_Q = re.compile(rf"“(?P<n>[^”\n]{{2,16}})”(?:战略|发展战略)")
STRATEGY = re.compile(rf"(?:实施|推进|围绕|落实|深入实施|服务)(?P<n>{HAN}{{2,10}}?)(?:战略)(?!{HAN}{{0,2}}(?:定位|目标))")
PILOT = re.compile(r"“(?P<n>[^”\n]{2,16})”(?:试点城市|示范城市)")
SCHEME = re.compile(r"建立(?:了)?“(?P<f>[^”\n]{2,10})”(?:长效)?机制")
SELECTION = re.compile(rf"(?:组织|开展|做好|举办|启动)(?:了)?(?:全市|全省|全区|全县)?(?:做好)?(?P<n>[^，,。；;]{{2,40}}?评选(?:表彰)?)(?:工作|活动)?")
POLICY_SCHEME = re.compile(r"《(?P<n>[^》]{2,30}?评选)(?:表彰)?(?:管理|实施)?办法》")
SLOGAN = re.compile(r"“(?P<n>[^”\n]{6,40}?)”的(?:重要举措|奋斗目标|发展目标|总体目标)")


def apply(ctx: Context) -> None:
    draft, text = ctx.draft, ctx.text
    for m in PROGRAM.finditer(text):
        name = m.group("n").strip("“”")
        name = re.sub(r"^(?:职业|全民)?(?=技能)", "", name) if False else name
        if len(name) < 4 or re.search(r"[的和与]", name):
            continue
        span = m.span("n")
        if name.count("“") > name.count("”") and text.startswith("”", span[1]):
            name, span = name + "”", (span[0], span[1] + 1)   # 民间人才“万人计划”: the quote closes after the name's word
        f = draft.entity("Program", name, span, rule="program.implement", confidence=0.7)
        if not f.mention and ctx.issuer is not None and re.search(r"我局|我厅|我部", text[max(0, m.start() - 30):m.start()]):
            f.add("implementedBy", ctx.issuer)
    for m in STRATEGY_Q.finditer(text):
        draft.entity("Strategy", m.group("n"), m.span(), rule="strategy.quoted", confidence=0.75)
    for m in STRATEGY.finditer(text):
        name = m.group("n").strip("“”")
        if "“" in m.group("n") or len(name) < 2 or re.search(r"[的和与了]", name):
            continue
        draft.entity("Strategy", name, m.span("n"), rule="strategy.named", confidence=0.6)
    for m in PILOT.finditer(text):
        s = draft.entity("Strategy", m.group("n"), m.span(), rule="strategy.pilot", confidence=0.7)
        if ctx.city is not None and not s.mention:
            s.set("pilotCity", ctx.city)
    schemes = []
    for m in POLICY_SCHEME.finditer(text):
        f = draft.entity("SelectionScheme", m.group("n"), m.span("n"), rule="scheme.policy", confidence=0.65)
        schemes.append((m.start(), f))
    for m in SELECTION.finditer(text):
        name = re.sub(r"等(?=评选)", "", m.group("n"))
        name = re.sub(r"^(?:内部)?", "", name)
        if "《" in name or len(name) < 4:
            continue
        draft.entity("SelectionScheme", name, m.span("n"), rule="scheme.selection", confidence=0.6)
    for m in SLOGAN.finditer(text):
        if "、" in m.group("n") or "，" in m.group("n") or "," in m.group("n"):
            draft.entity("Strategy", m.group("n"), m.span("n"), rule="strategy.slogan", confidence=0.55)
    for m in SCHEME.finditer(text):
        owner = [f for s, f in schemes if m.start() - 300 < s < m.start()]
        if owner:
            f = owner[-1]
            draft.add_quote(f, m.span())
        else:
            f = draft.fact("SelectionScheme", f"“{m.group('f')}”机制", m.span(), rule="scheme.mechanism", confidence=0.6,
                           key=("scheme", m.group("f")))
        f.set("frequency", m.group("f"))
        y = re.match(r"([一二三四五六七八九十\d])年一", m.group("f"))
        if y:
            from kg.extract.numerals import parse_number

            f.set("intervalYears", int(parse_number(y.group(1))))
