"""Media reports: 《title》 after an outlet and a verb of publishing (河北日报头版推出了《…》, 央视《新闻联播》推出《…》,
新闻长沙在“劳动者之歌”专题，推出了《…》《…》), with outlet, programme, date and the people the title names;
and reports summed up without titles (推出了某集团总工王刚、企业家李明等相关人才报道).

>>> from kg.extract.pipeline import extract_text
>>> d = extract_text("红网推出了《一位全国劳模的故事》。")
>>> [(f.first("title"), f.first("publisher") is not None) for f in d.facts if f.cls == "MediaReport" and f.first("title")]
[('一位全国劳模的故事', True)]
"""
from __future__ import annotations

import re

from kg.extract.dates import DATE_RE
from kg.extract.rules.base import HAN, Context, clause_bounds

TITLES = re.compile(r"(?:《[^》\n]{3,120}》[、和及]?)+")
OUTLET_HINT = re.compile(rf"(?P<o>{HAN}{{0,6}}(?:新闻|日报|晚报|晨报|网|电视台|卫视|报|融媒|频道)(?:{HAN}{{0,4}}))$")


def _outlet(ctx: Context, cs: int, verb_start: int):
    draft, text = ctx.draft, ctx.text
    best = None
    for vs, ve, f in draft.within(cs, verb_start, "MediaOutlet"):
        if ve <= verb_start and (best is None or vs > best[1]):
            best = (f, vs)
    if best:
        return best[0]
    seg = text[cs:verb_start]
    seg = re.split(r"在“|《|头版|在", seg)[0].strip()
    if 2 <= len(seg) <= 10 and re.fullmatch(f"{HAN}+", seg) and re.search(r"新闻|日报|晚报|网|电视|台|报|卫视|融媒", seg):
        return draft.entity("MediaOutlet", seg, (cs + text[cs:verb_start].find(seg), cs + text[cs:verb_start].find(seg) + len(seg)),
                            rule="report.outlet", confidence=0.65)
    return None


def apply(ctx: Context) -> None:
    draft, text, lex = ctx.draft, ctx.text, ctx.lex
    verbs = "|".join(re.escape(v) for v in lex.publish_verbs if len(v) > 1)
    for vm in re.finditer(rf"(?:{verbs})(?=《)", text):
        tm = TITLES.match(text, vm.end())
        if not tm:
            continue
        cs, _ = clause_bounds(text, vm.start())
        # the clause before may hold the outlet (新闻长沙在“劳动者之歌”专题，推出了…)
        if not re.search(rf"{HAN}", text[cs:vm.start()]):
            cs, _ = clause_bounds(text, max(0, cs - 2))
        outlet = _outlet(ctx, cs, vm.start())
        programme = None
        pm = re.search(r"《(?P<p>[^》]{2,12})》$", text[cs:vm.start()]) or re.search(r"在“(?P<p>[^”]{2,12})”(?:专题|栏目|专栏)", text[cs:vm.start()])
        if pm:
            programme = pm.group("p")
        elif "头版" in text[cs:vm.start()]:
            programme = "头版"
        date = None
        for dm in DATE_RE.finditer(text, cs, vm.start()):
            if dm.group(0) and (dm.group("m") or dm.group("y")):
                date = ctx.dates.resolve(dm.group(0), at=dm.start())
                if date:
                    break
        for t in re.finditer(r"《(?P<t>[^》\n]{3,120})》", tm.group(0)):
            title = t.group("t")
            if title.endswith(("办法", "条例", "规定", "通知", "意见", "细则", "建议")) and ":" not in title and "：" not in title:
                continue
            s = vm.end() + t.start()
            rep = draft.fact("MediaReport", title, (s, vm.end() + t.end()), rule="report.title", confidence=0.8,
                             key=("report", title))
            rep.set("title", title)
            if outlet is not None:
                rep.set("publisher", outlet)
            if programme:
                rep.set("programme", programme)
            if date is not None:
                rep.set("date", date.start)
                if date.note:
                    rep.note(date.note)
            for _, _, f in draft.within(s, vm.end() + t.end(), "Person", "Team"):
                rep.add("subject", f)
    for m in re.finditer(r"等(?:相关)?(?:人才|人物|先进)?(?:事迹)?报道", text):
        cs, _ = clause_bounds(text, m.start())
        vs = max((text.rfind(v, cs, m.start()) + len(v) for v in ("推出了", "推出", "刊发了", "刊发") if text.rfind(v, cs, m.start()) >= 0), default=-1)
        if vs < 0 or "《" in text[vs:m.start()]:
            continue
        subjects = []
        for _, _, f in draft.within(vs, m.start(), "Person"):
            if f not in subjects:
                subjects.append(f)
        if not subjects:
            continue
        rep = draft.fact("MediaReport", text[vs:m.end()], (cs, m.end()), rule="report.summary", confidence=0.6,
                         key=("report-summary", m.start()))
        for f in subjects:
            rep.add("subject", f)
