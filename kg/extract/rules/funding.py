"""Money and workshops: amounts given per person or per workshop (每人给予2万元奖励, 给予每家…工作室5万元资金资助),
who gives them, and the skill-master workshops with their host companies and level.

>>> from kg.extract.pipeline import extract_text
>>> d = extract_text("全市开展市级技能大师评选，每人给予2万元奖励。")
>>> [(str(f.first("amount")), f.first("perUnit"), d.by_id(f.first("fundedFor")).label) for f in d.facts if f.cls == "Funding"]
[('20000', 'person', '市级技能大师评选')]
"""
from __future__ import annotations

import re

from kg.extract.draft import Ref
from kg.extract.numerals import NUMBER, parse_number
from kg.extract.rules.base import HAN, Context, sentence_bounds

MONEY = re.compile(rf"(?P<num>{NUMBER})(?P<big>万|亿)?元")
PER = re.compile(rf"每(?P<what>人|名|家|个|所|项|年|户)(?P<obj>{HAN}{{0,12}}?(?:工作室|基地|企业|学校|项目|团队))?")
KIND = re.compile(r"^(?:的)?(?P<k>资金资助|奖励资金|奖励|资助|补贴|补助|奖补|经费|扶持资金|一次性奖励)")
WORKSHOP = re.compile(rf"(?P<level>国家级|省级|市级|区级|县级)?(?:技能大师工作室|大师工作室)")


def _workshops(ctx: Context) -> None:
    draft, text = ctx.draft, ctx.text
    for m in re.finditer(r"[“\"]?技能大师工作室[”\"]?", text):
        s, e = sentence_bounds(text, m.start())
        level = None
        lm = re.search(r"(国家级|省级|市级|区级)技能大师工作室", text[s:min(len(text), e + 200)])
        if lm:
            level = {"国家级": "national", "省级": "provincial", "市级": "municipal"}.get(lm.group(1))
        hosts = []
        for _, _, f in draft.within(s, m.start(), "Company", "Organization"):
            if f.rule == "org.list" and f not in hosts:
                hosts.append(f)
        if re.search(r"设立|建立|建成|命名|认定", text[s:e]):
            for h in hosts:
                w = draft.fact("MasterWorkshop", f"{h.label}技能大师工作室", (s + (text[s:e].find(h.label) if h.label in text[s:e] else 0), e - 1),
                               rule="workshop.hosts", confidence=0.7, key=("workshop", h.id))
                w.set("hostedBy", h)
                if level:
                    w.set("level", Ref(level))
        # a workshop named after a person: 王文强技能大师工作室, 王文强上海市技能大师工作室
        ws = m.start() + (1 if text[m.start()] in "“\"" else 0)
        for vs, ve, person in draft.within(max(0, ws - 12), ws, "Person", ends_in=(ws - 8, ws)):
            between = text[ve:ws]
            if between and not re.fullmatch(rf"(?:{HAN}{{1,6}}(?:省|市|区|县))?(?:国家级|省级|市级|区级)?", between):
                continue
            label = text[vs:m.end()].strip("“”\"")
            w = draft.fact("MasterWorkshop", label, (vs, m.end()), rule="workshop.named", confidence=0.7, key=("workshop", person.id))
            lv = re.match(r"国家级|省级|市级|区级", between) or (re.search(r"(省|市|区)$", between) if between else None)
            lvl = {"国家级": "national", "省级": "provincial", "市级": "municipal", "省": "provincial", "市": "municipal"}.get(lv.group(0)) if lv else level
            if lvl:
                w.set("level", Ref(lvl))
            break


def apply(ctx: Context) -> None:
    draft, text = ctx.draft, ctx.text
    _workshops(ctx)
    for m in MONEY.finditer(text):
        amount = parse_number(m.group("num") + (m.group("big") or ""))
        if amount is None:
            continue
        s, e = sentence_bounds(text, m.start())
        window_start = max(s, m.start() - 30)
        per = None
        pers = list(PER.finditer(text, window_start, m.start()))
        # 每人每年8000元: the unit is the person; 每年 says how often
        units = [p for p in pers if p.group("what") != "年"]
        pm = units[-1] if units else (pers[-1] if pers else None)
        yearly = pm is not None and pm.group("what") != "年" and any(p.group("what") == "年" and p.start() > pm.start() for p in pers)
        if pm:
            what = pm.group("what")
            obj = pm.group("obj") or ""
            per = "workshop" if "工作室" in obj else {"人": "person", "名": "person", "家": "institution", "户": "institution"}.get(what)
        kind = KIND.match(text, m.end())
        slash = re.match(r"/(?P<w>人|名|家|个)", text[m.end():m.end() + 2])
        if slash and per is None:
            per = {"人": "person", "名": "person", "家": "institution", "个": None}.get(slash.group("w"))
            if slash.group("w") in ("家", "个") and "工作室" in text[window_start:m.start()]:
                per = "workshop"
            if kind is None:
                kind = KIND.match(text, m.end() + 2)
        if per is None and not kind:
            continue
        start = pm.start() if pm else m.start()
        give = text.rfind("给予", window_start, start)
        if give >= 0:
            start = give
        end = kind.end() if kind else (m.end() + 2 if slash else m.end())
        f = draft.fact("Funding", text[start:end], (start, end), rule="funding.amount", confidence=0.75, key=("funding", m.start()))
        f.set("amount", amount)
        f.set("currency", "CNY")
        f.set("sourceValue", text[m.start():m.end()])
        if per and per in ctx.known.concepts.get("units", {}):
            f.set("perUnit", Ref(per))
        if kind:
            f.set("claim", kind.group("k"))
        if yearly:
            f.set("frequency", "每年")
        purpose = [f for _, _, f in draft.within(max(0, m.start() - 400), m.start(), "SelectionScheme", "Policy", "Program",
                                                  "MasterWorkshop", "Competition", "CompetitionEdition")]
        if not purpose:
            purpose = [f for _, _, f in draft.within(m.end(), min(len(text), m.end() + 200), "SelectionScheme", "Program",
                                                      "MasterWorkshop", "Competition")]
        if not purpose:
            # the policy or scheme the text named earlier (《…选拔管理办法》 at the top of the item, the allowance at its end)
            purpose = [f for _, _, f in draft.within(0, m.start(), "SelectionScheme", "Policy", "Program")]
        if not purpose:
            draft.remove(f)    # a funding must say what it is for; the text does not
            continue
        f.set("fundedFor", purpose[-1] if purpose[-1].cls != "MasterWorkshop" or per == "workshop" else purpose[-1])
        funder = ctx.city if re.search(r"我市|我省|全市|全省|市级|省级", text[s:e]) or ctx.city else ctx.issuer
        if funder is not None:
            f.set("funder", funder)
