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


BRACKETED = re.compile(r"[(（](?P<w>[^()（）\n]{2,30}?技能大师工作室)[)）]")
NAMED = re.compile(rf"(?:确定|认定|命名|公布|批准)(?P<n>{HAN}{{2,3}})(?P<w>技能大师工作室)等(?:\d+|[一二三四五六七八九十百两]+)(?:个|家)")
LEVEL_WORD = {"国家级": "national", "省级": "provincial", "市级": "municipal"}


def _designated_level(ctx: Context, start: int, end: int) -> str | None:
    """The level a recognition sentence gives its workshops: …为2023年珠海市市级技能大师工作室 (市级), 为2025年“三明市技能
    大师工作室” (a city's), 为第二批海南省技能大师工作室 (a province's)."""
    m = re.search(rf"为[^。，,]{{0,24}}?(?:(?P<w>国家级|省级|市级)|(?P<p>{HAN}{{1,8}}?(?:省|市|自治区)))“?技能大师工作室", ctx.text[start:end])
    if not m:
        return None
    if m.group("w"):
        return LEVEL_WORD[m.group("w")]
    return "municipal" if m.group("p").endswith("市") else "provincial"


def _cited_policy(ctx: Context, end: int):
    """The one policy cited with 根据/按照/依据 in the paragraph before ``end`` (the rules the workshops were named under)."""
    text = ctx.text
    ps = text.rfind("\n", 0, end) + 1
    cited = []
    for vs, ve, f in ctx.draft.within(ps, end, "Policy"):
        if re.search(r"(?:根据|按照|依据)[《“]?$", text[max(ps, vs - 4):vs]) and f not in cited:
            cited.append(f)
    return cited[0] if len(cited) == 1 else None


def _workshop_facts(ctx: Context, label: str, span, host, level, policy, rule: str, note: str | None = None, *, key: tuple):
    w = ctx.draft.fact("MasterWorkshop", label, span, rule=rule, confidence=0.75, key=key)
    if host is not None:
        w.set("hostedBy", host)
    if level:
        w.set("level", Ref(level))
    if policy is not None:
        w.set("governedBy", policy)
    if note:
        w.note(note)
    return w


def _hosted_workshops(ctx: Context) -> None:
    """现认定A有限公司(苗建海洋油气开采技能大师工作室)、B有限公司(朱化学焊工技能大师工作室)…等5个技能大师工作室为…市级技能大师
    工作室: each workshop with the body written before its bracket as host (two or more in the sentence)."""
    draft, text = ctx.draft, ctx.text
    by_sentence: dict[tuple[int, int], list] = {}
    for m in BRACKETED.finditer(text):
        host = next((f for _, _, f in draft.within(max(0, m.start() - 40), m.start(), "Company", "Organization", "Association", ends_in=(m.start(), m.start()))
                     if f.cls != "GovernmentBody"), None)
        if host is not None:
            by_sentence.setdefault(sentence_bounds(text, m.start()), []).append((m, host))
    for (s, e), items in by_sentence.items():
        if len(items) < 2:
            continue
        level = _designated_level(ctx, items[-1][0].end(), e)
        policy = _cited_policy(ctx, items[0][0].start())
        for m, host in items:
            _workshop_facts(ctx, m.group("w"), m.span("w"), host, level, policy, "workshop.hosted-list",
                            "the leader's name opens the workshop's name, but whether it has two or three characters cannot "
                            "be told, so no leader is drafted", key=("workshop", host.id, m.group("w")))


def _named_workshops(ctx: Context) -> None:
    """现确定张思梅技能大师工作室等10个工作室为2025年“三明市技能大师工作室”: the workshop named after its master (the list
    itself an attachment)."""
    draft, text, lex = ctx.draft, ctx.text, ctx.lex
    for m in NAMED.finditer(text):
        name = m.group("n")
        if not lex.listed_name(name):
            continue
        s, e = sentence_bounds(text, m.start())
        person = draft.entity("Person", name, m.span("n"), rule="person.workshop-named", confidence=0.7)
        _workshop_facts(ctx, name + m.group("w"), (m.start("n"), m.end("w")), None, _designated_level(ctx, m.end(), e),
                        _cited_policy(ctx, m.start()), "workshop.named-list", key=("workshop", person.id))


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
            # the body written right before the quoted name is its host: 某研究所“陈某技能大师工作室” (unquoted, the body
            # before may be the last row's in a table run together: 陈某技能大师工作室某公司李某技能大师工作室…)
            opened = vs - 1
            if opened >= 0 and text[opened] in "“\"" and not w.first("hostedBy"):
                host = next(iter(draft.within(max(0, opened - 40), opened, "Company", "Organization", ends_in=(opened, opened))), None)
                if host is not None:
                    w.set("hostedBy", host[2])
                    draft.add_quote(w, (host[0], m.end()))
            break


def apply(ctx: Context) -> None:
    draft, text = ctx.draft, ctx.text
    _hosted_workshops(ctx)
    _named_workshops(ctx)
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
        target = purpose[-1]
        if target.cls == "MasterWorkshop" and per == "workshop" and target.first("governedBy"):
            # 现确定张思梅技能大师工作室等10个工作室…每个工作室补助经费3万元: each of the listed workshops, under their policy
            target = draft.by_id(target.first("governedBy")) or target
        f.set("fundedFor", target)
        funder = ctx.city if re.search(r"我市|我省|全市|全省|市级|省级", text[s:e]) or ctx.city else ctx.issuer
        if funder is not None:
            f.set("funder", funder)
