"""Policies and their articles: 《…办法》《…通知》 and other titles of policy documents, with issuer, year and
number (（国办函〔2017〕55号）); “人才新政30条” (a policy by its article count); 第9条明确“…” (an article).

>>> from kg.extract.pipeline import extract_text
>>> d = extract_text("2017年国务院办公厅印发了《关于深化科技奖励制度改革方案的通知》（国办函〔2017〕55号）。")
>>> p = [f for f in d.facts if f.cls == "Policy"][0]
>>> p.label, p.first("identifier"), p.first("date")
('关于深化科技奖励制度改革方案的通知', '国办函〔2017〕55号', 2017)
"""
from __future__ import annotations

import re

from kg.extract.numerals import parse_number
from kg.extract.rules.base import HAN, Context, sentence_bounds, topics_of
from kg.extract.rules.document import DOC_NO, signature_date
from kg.extract.rules.organizations import org_class

POLICY_END = ("管理办法", "实施办法", "办法", "条例", "规定", "指导意见", "实施意见", "意见", "通知", "方案", "规划", "计划", "决定",
              "纲要", "细则", "标准", "目录", "清单", "措施", "法", "若干措施", "政策")
TITLE = re.compile(r"《(?P<t>[^》\n]{3,80})》")
#: a title that is only the kind of a document (我市《实施方案》下发后): a short reference to a policy named before, no policy
GENERIC = re.compile(r"(?:实施|工作|行动|管理|暂行|具体)?(?:方案|意见|办法|通知|规划|计划|细则|决定|规定|措施|文件)")
ISSUE_VERB = re.compile(r"(?:联合)?(?:印发了|印发|出台了|出台|发布了|发布|制定了|制定|颁布了|颁布|下发了|下发)$")
#: a status or a period in brackets at the end of a title: (试行), （暂行）, (2019—2021年)
TRIAL = re.compile(r"\s*[(（](?:试行|暂行|修订|修订稿|征求意见稿|(?:19|20)\d\d\s*[—–\-－~至]+\s*(?:19|20)?\d\d年?)[)）]$")
COUNTED = re.compile(rf"“(?P<t>{HAN}{{2,12}}?(?P<n>\d{{1,3}})条)”")
ARTICLE = re.compile(r"第(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})条(?:明确|规定|提出|指出)?[:：]?“(?P<t>[^”]{4,300})”")


def _issuers(ctx: Context, start: int) -> list:
    """Bodies named right before 印发/出台 (A、B印发《…》; 我市…出台《…》)."""
    text, draft = ctx.text, ctx.draft
    s, _ = sentence_bounds(text, start)
    # not the bodies named with an earlier title of the sentence (按照《辽宁省人民政府办公厅关于…》(辽政办发〔2017〕32号)，
    # 2018年1月市政府印发了《…》: 市政府 issues, the office issued the other title)
    s = max(s, text.rfind("》", s, start) + 1)
    out = []
    found = draft.within(s, start, "GovernmentBody", "Organization", "Association", "Municipality")
    for vs, ve, f in found:
        if f.cls == "Municipality" and any(vs2 <= vs and ve <= ve2 and g.cls != "Municipality" for vs2, ve2, g in found):
            continue   # 上海市 inside 上海市人力资源和社会保障局: the body issues, not the city
        if f not in [g for _, g in out]:
            out.append((vs, f))
    if re.search(r"我市|我省|我区|我县", text[s:start]) and ctx.city is not None:
        out.append((text.find("我", s, start), ctx.city))
    we = re.search(r"我部|我厅|我局|我委", text[s:start])
    if we and ctx.issuer is not None and ctx.issuer not in [g for _, g in out]:
        out.append((s + we.start(), ctx.issuer))      # 我部印发《…》 in a letter of the ministry
    return [f for _, f in sorted(out, key=lambda x: x[0])]


#: a body's word inside a name that is two bodies run together (省委省政府); not 委员会, 政府办公厅
INNER_BODY = re.compile(r"(?:委(?!员会)|政府(?!办公)|厅|局)(?=.)")
SEVERAL = r"等(?:[一二三四五六七八九十]{1,3}|\d{1,2})?个?部门"
#: the central bodies a title may open with that have no suffix of a body (国务院关于推行终身职业技能培训制度的意见)
CENTRAL = ("国务院", "中共中央", "党中央")
#: the notice hands the policy out itself: 现将《…》印发给你们
HANDED_OUT = re.compile(r"(?:印发|下发)给(?:你们|你单位|你局|你厅|各)")


def _title_issuers(ctx: Context, title: str, start: int) -> list:
    """The bodies a title names before 关于 (人力资源社会保障部 教育部 发展改革委 财政部关于印发…的通知; X等四部门关于…)."""
    k = title.find("关于")
    if k < 2:
        return []
    prefix = re.sub(f"{SEVERAL}$", "", title[:k])
    out, pos = [], 0
    for w in re.finditer(r"[^\s、]+", prefix):
        name = w.group(0)
        known = ctx.known.entity_by_name(name)
        if not (known or name in CENTRAL or (org_class(name, ctx.lex) == "GovernmentBody" and len(name) >= 3 and not INNER_BODY.search(name))):
            return []
        out.append((name, (start + w.start(), start + w.end())))
    return [ctx.draft.entity("GovernmentBody", n, span, rule="policy.title-issuer", confidence=0.75) for n, span in out]


def _adjacent_issuers(ctx: Context, start: int) -> list:
    """Bodies named right before the title: 中共中央办公厅、国务院办公厅《…》, 人力资源社会保障部等七部门《…》, 我厅《…》."""
    text, draft = ctx.text, ctx.draft
    k = start
    if re.search(r"我(?:部|厅|局|委)$", text[max(0, k - 2):k]) and ctx.issuer is not None:
        return [ctx.issuer]      # 根据我厅《关于做好…的通知》: the issuer of this document issued it
    em = re.search(f"{SEVERAL}$", text[max(0, k - 8):k])
    if em:
        k -= len(em.group(0))
    central = next((c for c in CENTRAL if text[max(0, k - len(c)):k] == c), None)
    if central and not draft.within(k - len(central), k, "GovernmentBody"):
        # 是国务院《关于加快发展现代职业教育的决定》: the State Council, named before its title
        return [draft.entity("GovernmentBody", central, (k - len(central), k), rule="policy.adjacent-issuer", confidence=0.75)]
    out = []
    while k > 0:
        hits = [(vs, f) for vs, ve, f in draft.within(max(0, k - 40), k, "GovernmentBody") if ve == k]
        if not hits:
            break
        vs, f = min(hits, key=lambda h: h[0])
        out.insert(0, f)
        k = vs
        if text[k - 1:k] not in ("、", "和"):
            break
        k -= 1
    return out


def apply(ctx: Context) -> None:
    draft, text, lex = ctx.draft, ctx.text, ctx.lex
    for m in TITLE.finditer(text):
        title = m.group("t")
        core = TRIAL.sub("", title)       # 《…贯通的意见(试行)》, 《职业技能提升行动方案(2019—2021年)》
        if not core.endswith(POLICY_END) or title.endswith("建议") or text[m.start() - 1:m.start()] == "》" or GENERIC.fullmatch(core):
            continue
        if any(text[max(0, m.start() - 8):m.start()].endswith(v) for v in lex.publish_verbs if len(v) > 1):
            continue
        pol = draft.entity("Policy", title, m.span(), rule="policy.title", confidence=0.8)
        if pol.mention:
            continue
        pol.set("title", title)
        before = text[max(0, m.start() - 20):m.start()]
        vm = ISSUE_VERB.search(before)
        s, e = sentence_bounds(text, m.start())
        if vm:
            issuers = _issuers(ctx, m.start() - len(vm.group(0)))
            for f in issuers:
                pol.add("issuer", f)
            draft.add_quote(pol, (s if issuers else m.start() - len(vm.group(0)), m.end()))
            ym = re.search(r"((?:19|20)\d\d)年(?:(\d{1,2})月)?", text[s:m.start()])
            if ym:
                pol.set("date", f"{int(ym.group(1))}-{int(ym.group(2)):02d}" if ym.group(2) else int(ym.group(1)))
        if not pol.props.get("issuer"):
            for f in _title_issuers(ctx, title, m.start() + 1) or _adjacent_issuers(ctx, m.start()):
                pol.add("issuer", f)
        doc = getattr(ctx, "doc", None)
        if HANDED_OUT.match(text, m.end()) and doc is not None and doc.cls == "Document" and doc.props.get("issuer"):
            # the notice itself hands the policy out: the notice's issuers and date are the policy's
            for ref in doc.props["issuer"]:
                if ref not in pol.props.get("issuer", []):
                    pol.add("issuer", ref)
            signed = signature_date(text[:2500])     # the date under the signatures, not the page's publication date
            if pol.first("date") is None and (signed or doc.first("date") is not None):
                pol.set("date", signed[0] if signed else doc.first("date"))
            draft.add_quote(pol, (m.start(), HANDED_OUT.match(text, m.end()).end()))
        nm = re.match(r"\s*[(（]\s*(?P<id>[^()（）]{4,30}?)\s*[)）]", text[m.end():m.end() + 40])
        if nm and DOC_NO.fullmatch(nm.group("id")):
            pol.set("identifier", re.sub(r"\s+", "", nm.group("id")))
            draft.add_quote(pol, (m.start(), m.end() + nm.end()))
        topics = topics_of(lex, title)
        for t in topics:
            if t in ctx.known.concepts.get("topics", {}):
                pol.add("topic", draft.concept("topics", ctx.known.concepts["topics"][t].label))
    last_policy = None
    spans = []
    for m in COUNTED.finditer(text):
        pol = draft.entity("Policy", m.group("t"), m.span("t"), rule="policy.counted", confidence=0.8)
        if not pol.mention:
            pol.set("articleCount", int(m.group("n")))
        spans.append((m.start(), pol))
    for m in ARTICLE.finditer(text):
        n = parse_number(m.group("n"))
        if n is None:
            continue
        owners = [p for s, p in spans if m.start() - 400 < s < m.start()]
        owners += [f for _, _, f in draft.within(max(0, m.start() - 400), m.start(), "Policy")]
        if not owners:
            continue
        last_policy = owners[-1] if spans and owners[-1] in [p for _, p in spans] else owners[0]
        art = draft.fact("PolicyArticle", f"{last_policy.label}第{int(n)}条", m.span(), rule="policy.article", confidence=0.8,
                         key=("article", last_policy.id, int(n)))
        art.set("partOf", last_policy)
        art.set("articleNumber", int(n))
        art.set("text", m.group("t"))
        for t in topics_of(lex, m.group("t"))[:1]:
            if t in ctx.known.concepts.get("topics", {}):
                art.add("topic", draft.concept("topics", ctx.known.concepts["topics"][t].label))
