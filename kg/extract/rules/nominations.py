"""Nominations: persons put forward (推荐) for an honor — 推荐4263名高技能人才享受政府特殊津贴 — and the quota of nominees a
notice allows per honor (推荐名额如下:中华技能大奖候选人1名、全国技术能手候选人3名). Each is a count of nominees
(kg:nominees) naming the honor; a quota carries a note: it is the number that may be put forward, not a count of persons
put forward. A nomination naming no honor (推荐4名裁判长) is left out.

>>> from kg.extract.pipeline import extract_text
>>> d = extract_text("我市向省人力资源社会保障厅推荐名额如下:中华技能大奖候选人1名、全国技术能手候选人3名。")
>>> [(f.first("measure"), str(f.first("value")), str(f.first("honor")), f.notes) for f in d.facts if f.cls == "Observation"]
[('nominees', '1', 'honor-china-skills-award', ['a quota of nominations the text sets, not a count of persons put forward']), ('nominees', '3', 'honor-national-technical-expert', ['a quota of nominations the text sets, not a count of persons put forward'])]
"""
from __future__ import annotations

import bisect
import re

from kg.extract.draft import Ref
from kg.extract.numerals import parse_quantity
from kg.extract.rules.base import Context, clause_bounds, sentence_bounds
from kg.extract.rules.counts import time_and_intent
from kg.extract.rules.honors import find_honors, honor_ref

NOMINATED = re.compile(r"推荐(?:了)?(?=(?:\d+|[一二三四五六七八九十百千两]+)(?:余|多)?(?:名|人|位))")
#: words between the persons put forward and the honor (推荐4263名高技能人才享受政府特殊津贴)
FOR_HONOR = re.compile(r"^[\u4e00-\u9fff]{0,8}?(?:享受|获得|参评|参选|申报|作为|为)$")
QUOTA_ITEM = re.compile(r"(?:候选人|候选个人|人选)(?P<q>(?:\d+|[一二三四五六七八九十两]+)(?:名|人))")
QUOTA_NOTE = "a quota of nominations the text sets, not a count of persons put forward"


def apply(ctx: Context) -> None:
    text, draft = ctx.text, ctx.draft
    if "推荐" not in text:
        return
    honors = find_honors(ctx, 0, len(text), candidacies=True)    # 中华技能大奖候选人: the honor nominated for
    starts = [sp[0] for _, sp in honors]
    for m in NOMINATED.finditer(text):
        q = parse_quantity(text[m.end():m.end() + 20])
        if q is None or q.unit not in ("名", "人", "位"):
            continue
        fig_end = m.end() + len(q.text)
        _, ce = clause_bounds(text, fig_end)
        for name, (hs, he) in honors[bisect.bisect_left(starts, fig_end):bisect.bisect_right(starts, ce)]:
            if FOR_HONOR.match(text[fig_end:hs]) and he <= ce:
                _nominees(ctx, q, (m.start(), he), fig_end - len(q.text), honor_ref(ctx, name, (hs, he)), quota=False)
            break
    for quota in re.finditer(r"推荐名额|名额如下|名额分配", text):
        s, e = sentence_bounds(text, quota.start())
        for name, (hs, he) in honors[bisect.bisect_left(starts, quota.end()):bisect.bisect_right(starts, e)]:
            item = QUOTA_ITEM.match(text, he)
            q = parse_quantity(item.group("q")) if item else None
            if q is not None:
                _nominees(ctx, q, (hs, item.end()), item.start("q"), honor_ref(ctx, name, (hs, he)), quota=True)


def _nominees(ctx: Context, q, span: tuple[int, int], num_at: int, honor, *, quota: bool) -> None:
    text = ctx.text
    label = text[span[0]:span[1]]
    obs = ctx.draft.fact("Observation", label, span, rule="nomination.nominees", confidence=0.7, key=("nominees", label))
    if obs.props.get("value"):
        return
    obs.set("measure", Ref("nominees"))
    obs.add("honor", honor)
    obs.set("value", q.value)
    obs.set("qualifier", Ref(q.qualifier))
    obs.set("unit", Ref("person"))
    obs.set("sourceValue", q.text)
    if quota:
        obs.note(QUOTA_NOTE)
        obs.confidence = 0.5
    else:
        time_and_intent(ctx, obs, measure="nominees", sentence=sentence_bounds(text, span[0]), at=span[0], num_at=num_at,
                        again=False)
