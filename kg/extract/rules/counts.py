"""Counts: N persons holding an honor (52人获评“全国技术能手”), totals of talent (人才总量达12.3万人),
workshops set up, trades per contest, participants, viewers, industrial chains — each a value with its
qualifier (余, 多, 以上, 近, 约) and unit, the measure when the text names one, and the period.

>>> from kg.extract.pipeline import extract_text
>>> d = extract_text("截至目前，人才总量达12.3万人，120人获得“河北省技术能手”荣誉称号，300余名选手获得证书。")
>>> sorted((str(f.first("value")), f.first("qualifier"), f.first("measure")) for f in d.facts if f.cls == "Observation")
[('120', 'exactly', 'honorHolders'), ('123000', 'exactly', 'talentTotal')]
"""
from __future__ import annotations

import bisect
import re

from kg.extract.draft import Ref
from kg.extract.numerals import QUANTITY_RE, quantity_at
from kg.extract.rules.base import Context, cached, clause_bounds, sentence_bounds
from kg.extract.rules.honors import COUNT_TO_HONOR, find_honors, honor_ref

UNIT = {"人": "person", "名": "person", "位": "person", "人次": "personTime", "家": None, "个": None, "条": None, "项": None}
HOLD_VERB = re.compile(r"^(?:选手|职工|个人|技能人才|人才|同志)?(?:先后|相继|分别|共)?(?:获得|获评|获称|荣获|享受|被评为|被授予|获)")
PERIOD = (("截至目前", "截至目前"), ("截至", "截至"), ("每年", "每年"), ("累计", "累计"), ("先后", "先后"), ("共计", "累计"))
# what a figure counts, by the words around it: (pattern before, pattern after, measure, unit)
CONTEXT = (
    (r"工作室[”\"]?$", r"^", "workshopsEstablished", "workshop"),
    (r"", r"^(?:以上)?(?:职业)?(?:工种|职业工种)", "tradesPerEdition", "trade"),
    (r"", r"^(?:国家级|省级|市级|区级|县级)?(?:技能大师工作室|大师工作室|技能工作室)", "workshopsEstablished", "workshop"),
    (r"", r"^工作室(?=[^，,。；;]{0,6}技能大师工作室)", "workshopsEstablished", "workshop"),  # 20家工作室获评“…技能大师工作室”
    (r"(?:参与竞赛|参赛|参加竞赛|参加比赛)(?:人数|选手)?(?:达到|达|共|超过|为)?$", r"^", "participants", None),
    # 2557名选手参赛; not the winners (291名选手获得…金、银、铜牌, 97名选手荣获…金牌, 为…获金、银、铜牌的393名选手颁奖)
    # not 近5000名选手和裁判: contestants and judges together
    (r"", r"^(?:参赛)?选手(?!中|的|(?:先后|分别|共)?(?:获|荣获|夺得|摘得|斩获)|[和及、与]裁判)", "participants", None),
    # a contest's events (设86个比赛项目, 参加28个赛项角逐, 参加78个项目的角逐), judges (2376名裁判; not 4名裁判长), teams (36支代表队)
    (r"", r"^(?:(?:比赛|竞赛)项目|赛项|项目的(?:比赛|角逐|竞赛))", "contestEvents", "contestEvent"),
    (r"", r"^(?:裁判员|裁判人员|裁判)(?!长)", "judges", "person"),
    (r"", r"^(?:参赛)?代表(?:队|团)(?!(?:分别|还|也)?(?:获|荣获|被评为))", "teams", "team"),   # not 16个代表团获得“特别贡献奖”
    (r"(?:在线观看|观看|收看)(?:人次|量)?(?:达到|达|超过)?$", r"^", "onlineViewers", None),
    (r"", r"^产业链", "industrialChains", "industrialChain"),
    # 全市累计开展各类职业培训10.5万人次, 开展各类培训2600余万人次: training person-times
    (r"培训(?:人次|人数)?(?:达到|达|共|超过|为)?$", r"^", "trainingPersonTimes", "personTime"),
    # 累计面向9200万人次开展补贴性职业技能培训: the person-times before the training
    (r"", r"^(?:开展|参加|接受)(?:了)?(?:各类|补贴性|政府补贴性)?(?:职业技能|职业|技能)?培训", "trainingPersonTimes", "personTime"),
    (r"", r"^(?:各类|补贴性|政府补贴性)?(?:职业技能|职业|技能)培训", "trainingPersonTimes", "personTime"),   # 完成60万人次职业技能培训
    # 9173万人次参加职业技能鉴定, 7625万人次取得职业资格证书: assessments taken, persons certified
    (r"", r"^(?:先后|累计|共)?参加(?:了)?(?:职业技能鉴定|技能鉴定|职业技能等级认定|技能等级认定|职业技能评价|技能评价)",
     "skillAssessments", None),
    (r"", r"^(?:先后|累计|共)?(?:取得|获得|获取)(?:了)?(?:各类|相应|国家)?(?:职业资格|职业技能等级|技能等级|专项职业能力)(?:等级)?证书",
     "personsCertified", None),
    # 2012年我国参加职业技能鉴定人数1830.55万人: the number of those assessed, before the figure
    (r"参加(?:了)?(?:职业技能鉴定|技能鉴定|职业技能等级认定|技能等级认定|职业技能评价|技能评价)(?:的)?(?:人数|人次)(?:为|达到|达|共)?$", r"^",
     "skillAssessments", None),
    # 476个高技能人才培训基地 (a base is an institution)
    (r"", r"^(?:国家级|省级|市级|区级|县级)?高技能人才(?:培训|培养)基地", "highSkillTrainingBases", "institution"),
    # 6家职技类院校和42家民办职业技能培训机构: institutions
    (r"", r"^(?:职技类|技工|职业|职业技术|技师|高职|中职)(?:院校|学院|学校)", "vocationalSchools", "institution"),
    (r"", r"^(?:民办|公办|社会)?(?:职业技能|职业|技能)?培训机构", "trainingInstitutions", "institution"),
)
#: the words a figure of a measure may be counted in (no figure where the unit says something else: 技工院校3万人 are students)
UNIT_WORDS = {
    "trainingPersonTimes": ("人次",), "skillAssessments": ("人次", "人", "名"), "personsCertified": ("人次", "人", "名", "位"),
    "vocationalSchools": ("家", "所", "个"), "trainingInstitutions": ("家", "所", "个"), "highSkillTrainingBases": ("家", "所", "个"),
    "newSkillTalent": ("人", "名", "位"), "newHighSkillTalent": ("人", "名", "位"), "newTalent": ("人", "名", "位"),
    "contestEvents": ("个", "项"), "judges": ("名", "人", "位"), "teams": ("个", "支"),
}
#: figures of a contest: only in a sentence about a contest, said once however often repeated (109个竞赛项目 … 109个赛项)
CONTEST_FIGURES = ("tradesPerEdition", "participants", "contestEvents", "judges", "teams")
#: measures counted in institutions, whatever word the text counts them with (家, 所, 个)
MEASURE_UNIT = {"vocationalSchools": "institution", "trainingInstitutions": "institution", "highSkillTrainingBases": "institution"}
#: a sentence saying what will be done (明年…将新建140个…, 将拟新建10个…, 拟重点支持建设400个…): its figures are planned,
#: not counts reached
PLANNED = re.compile(r"明年|(?:要|将)(?:达|$)|拟(?:重点)?(?:支持)?(?:新建|建设|设立|培养|培训|开展|新增|认定|评选|命名)|将(?:新建|建设|设立|培养|新增|命名)")
#: a paragraph quoting a plan (区《政府工作报告》…明确提出：…新增各类人才2.62万名): its figures are targets, not counts reached
PLAN = re.compile(r"提出[:：]|(?:文件|方案|意见|规划|计划|纲要)(?:中)?(?:明确|明確)?提出(?!的)")   # 国办发24号文件提出…三年共开展…
#: a sentence quoting what a plan sets (《方案》明确提出，…“十四五”期间，实现新增技能人才4000万人以上; 印发了《…方案》
#: (葫政办发〔2018〕19号)，明确我市“十三五”期间选拔晋升不少于100名…)
QUOTED_PLAN = re.compile(r"》(?:[(（][^()（）\n]{0,24}[)）])?[，,]?(?:中)?(?:(?:明确|明確)(?:提出|规定|要求)?|提出)")
#: the years a plan runs, right after what proposes it (文件提出2019年至2021年，持续开展…)
TERM = re.compile(r"(?:19|20)\d\d年(?:至|到|—|-|～)(?:19|20)\d\d年")
#: a text that is itself a plan (结合我市实际，制定本工作方案): its figures are targets unless said to be reached
PLAN_DOCUMENT = re.compile(r"制定本(?:工作|实施|行动)?(?:方案|规划|计划)|特制定本")
#: words saying a figure is reached (a plan's background: 至“十四五”末，全市共累计组织…培训22.62万人次)
REACHED = re.compile(r"已|累计|共计|截至|以来|目前|现有|先后|完成了|达到了|末[，,]")
#: a paragraph opening with the year it aims at (到2025年，完成…。其中，技能人才总量达到85万人)
TARGET_OPENING = re.compile(r"[ \t\u3000]*(?:到|至)((?:19|20)\d\d)年(?:底|末)?")
#: a heading of targets right above the paragraph ((二)目标任务, 主要目标, 工作目标)
TARGET_HEADING = re.compile(r"^[ \t\u3000]*[(（]?[一二三四五六七八九十\d]*[)）、.．]?[ \t\u3000]*(?:主要|工作|发展|总体)?目标(?:任务)?[ \t\u3000]*$")
#: the year a figure is of (2012年我国技工学校共2892所, 2023年以来…新增技能劳动者6.3万人), when no other period is given
YEAR = re.compile(r"(?<![到至比较\d])(?:19|20)\d\d年(?!\d{1,2}月)(?:以来|底|末|全年|上半年|下半年|前[二三]季度|[一二三四]季度)?"
                  r"|(?<![截到至\d])(?:(?:19|20)\d\d年)?(?:前[二三]季度|[一二三四]季度|上半年|下半年|1[-—至～~]\d{1,2}月)")
#: a paragraph opening with the time its figures run from (2023年以来，…部署开展…。全市新增技能劳动者6.3万人)
SINCE_OPENING = re.compile(r"[ \t\u3000]*(?:(?:19|20)\d\d年|[“\"]?十[一二三四五六]五[”\"]?)以来")


# 截至 and the time it names (截至一季度, 截至2022年底, 截至目前); 截至 alone is no period
AS_OF = re.compile(r"截至(?P<t>目前|今年[^，,。；;\d]{0,4}|去年[^，,。；;\d]{0,4}|(?:(?:19|20)\d\d年)?(?:\d{1,2}月(?:\d{1,2}日)?|[一二三四]季度|上半年|下半年|年底|年末|底)(?:末|底)?|(?:19|20)\d\d年(?:底|末)?|[一二三四]季度(?:末)?)")


#: the time a cumulative figure runs from or a plan's term (2019年以来, “十四五”以来, “十四五”时期, 至“十四五”末)
SINCE = re.compile(r"(?:(?<![到至\d])(?:19|20)\d\d年|[“\"]?十[一二三四五六]五[”\"]?)以来"
                   r"|(?:到|至)?[“\"]?十[一二三四五六]五[”\"]?(?:时期|時期|期间|期間|末)")


def _period(text: str, s: int, at: int) -> str | None:
    since = re.search(r"(?:自|从)((?:19|20)\d\d)年(?:[^，,。；;\d]{0,10}?以来|起)", text[s:at])   # 从1995年设立该奖项以来
    if since:
        return f"{since.group(1)}年以来"   # 自2011年以来,我市已有17人获评…: the holders since that year
    clause = max(text.rfind(c, s, at) for c in ",，;；") + 1
    since = SINCE.search(text, s, at)
    for word, period in PERIOD:
        if word == "共计" and word not in text[max(s, clause):at]:
            continue   # …候选人共计903人,经…命名王大庆等100人: 共计 counts another figure of the sentence
        if word in text[s:at]:
            if word == "截至":
                m = AS_OF.search(text, s, at)
                if m is None:
                    continue
                return m.group(0)
            if since and period in ("累计", "先后"):
                return since.group(0)   # 2019年以来累计开展…: the cumulative figure's start, not the word 累计
            return period
    return since.group(0) if since else None


def _target_paragraph(text: str, at: int) -> re.Match | None:
    """The year a paragraph aims at (到2025年 opening it), or a heading of targets right above it."""
    ls = text.rfind("\n", 0, at) + 1
    m = TARGET_OPENING.match(text, ls)
    if m:
        return m
    prev_end = ls - 1
    while prev_end > 0 and text[prev_end - 1] == "\n":
        prev_end -= 1
    prev = text[text.rfind("\n", 0, max(prev_end, 0)) + 1:max(prev_end, 0)]
    return TARGET_HEADING.match(prev) if prev else None


def _year_period(text: str, s: int, at: int) -> str | None:
    """The last year or part of a year named before the figure in its sentence (2012年, 2023年以来, 一季度), not a date nor a
    target year; else the time the figure's paragraph opens with (2023年以来，…)."""
    last = None
    for m in YEAR.finditer(text, s, at):
        last = m
    if last:
        return last.group(0)
    opening = SINCE_OPENING.match(text, text.rfind("\n", 0, at) + 1)
    return opening.group(0).strip() if opening and opening.end() <= at else None


#: the talents a place counts (其中专技人才30.1万人，高技能人才13万人 of the city the letter speaks for)
TALENT_OF_PLACE = ("skillTalent", "highSkillTalent", "professionalTechnicalTalent", "newSkillTalent", "newHighSkillTalent",
                   "newTalent")
#: a sentence about a wider place than the document's polity (全国技能人才总量超过2亿人 in a city's letter)
WIDER = re.compile(r"全国|我国|国家|全省|全球|世界|各地|各省")


def _home(ctx: Context, before: str):
    """The place 我市/我省 of a clause refers to in a text without an issuer: the one city (or province) the text names,
    or the one it names most often; None when there is none or a tie."""
    m = re.search(r"我(市|省)", before)
    if m is None:
        return None
    places = sorted(((len(f.quotes), f) for f in ctx.draft.facts
                     if f.cls == "Municipality" and not f.mention and f.label.endswith(m.group(1))), key=lambda x: -x[0])
    if not places or (len(places) > 1 and places[0][0] == places[1][0]):
        return None
    return places[0][1]


#: words before a measure's label that make the figure a flow (新增高技能人才2万人), not the stock the measure counts
FLOW = re.compile(r"(?:新增|新培养|培养|培训|新认定|认定|新引进|引进|吸引|输送|新评)$")
#: words before 人才总量 that make it the total of another kind of talent (技能人才总量 is no 人才总量)
OTHER_TALENT = re.compile(r"(?:技能|专技|专业技术|技术技能|农村实用|社会工作|经营管理|青年|乡村|科技)$")
#: words before 技能人才 that make it a grade of skilled talent (中高级技能人才总量达到70万人 is no 技能人才总量)
OTHER_SKILL = re.compile(r"(?:中高级|中级|初级|中、高级|高、中级)$")
#: 新增技能劳动者6.3万人，其中高技能人才4.3万人: the part (其中) of a flow is the flow of its own kind
FLOW_OF = {"highSkillTalent": "newHighSkillTalent", "skillTalent": "newSkillTalent", "talentTotal": "newTalent"}


def _measure_before(ctx: Context, at: int) -> tuple[str, int] | None:
    """A measure named (by its vocabulary label) right before the figure, allowing 达/为/共/有."""
    text = ctx.text
    raw = text[max(0, at - 14):at]
    best = None
    # 要/将 of a target (培养基地要达到120家; the figure then carries a plan's note)
    verb = r"(?:要|将)?(?:达到|达|为|共有|共|有|约|超过|已达|已经超过|已經超過|已超过|已突破|突破|已经|已經|已|仅|僅)?$"
    for strip in (verb, r"(?:总量|总数|人数)?" + verb):
        window = re.sub(strip, "", raw)
        for key, con in ctx.known.concept_names("measures").items():
            start = at - (len(raw) - len(window)) - len(key)
            # the label reaching furthest back: 高技能人才总量 is 高技能人才 (its 总量 stripped), not 技能人才总量
            if window.endswith(key) and (best is None or start < best[2] or (start == best[2] and len(key) > len(best[0]))):
                best = (key, con.id, start, window[:len(window) - len(key)])
    if best:
        key, cid, start, before = best
        if FLOW.search(before) or (key.startswith("人才") and OTHER_TALENT.search(before)) or \
                (key.startswith("技能人才") and OTHER_SKILL.search(before)):
            return None
        if re.search(r"其中$", before):
            s, _ = sentence_bounds(text, at)
            if re.search(r"新增|新培养", text[s:start]):
                return (FLOW_OF[cid], start) if cid in FLOW_OF else None
        return cid, start
    # 全市持证人员(含企业经营管理人才、…)总量达到130万人以上: the label before what it includes
    m = re.search(r"[)）](?:总量|总数|人数)?" + verb, raw)
    if m:
        close = at - (len(raw) - m.start())
        opening = max(text.rfind("(", max(0, close - 80), close), text.rfind("（", max(0, close - 80), close))
        if opening > 0 and not re.search(r"[)）(（，,。；;]", text[opening + 1:close]):
            return _measure_before(ctx, opening)
    return None


def apply(ctx: Context) -> None:
    draft, text = ctx.draft, ctx.text
    honors = ctx.__dict__.get("honors") or find_honors(ctx, 0, len(text))
    honor_starts = [sp[0] for _, sp in honors]

    def honors_in(lo: int, hi: int):
        return honors[bisect.bisect_left(honor_starts, lo):bisect.bisect_right(honor_starts, hi)]
    for m in QUANTITY_RE.finditer(text):
        if not m.group("num") or (m.group("unit") or "") in ("元", "万元", "亿元"):
            continue
        q = quantity_at(m)
        if q is not None and not m.group("unit") and m.group("big") and re.match(r"[,，。;；]|$", text[m.end():m.end() + 1]) \
                and _measure_before(ctx, m.start()):
            unit_word = "人"      # 技能人才总量已达16.1万，其中高技能人才有4.8万: persons, the unit left out
        elif q is None or not m.group("unit") or m.group("unit") in ("年", "月", "日", "%", "届", "次", "岁"):
            continue
        else:
            unit_word = m.group("unit")
        if text[m.end():m.end() + 1] in ("年", "月", "日", "号") or text[m.start() - 1:m.start()] in ("第", "〔", "[") :
            continue
        if text.rfind("《", 0, m.start()) > text.rfind("》", 0, m.start()):
            continue  # inside a title
        s, e = sentence_bounds(text, m.start())
        cs, ce = clause_bounds(text, m.start())
        measure = unit = None
        honor_refs = []
        span_start = m.start()
        after = text[m.end():ce]
        hv = HOLD_VERB.match(after)
        nxt = re.compile(r"\d|[一二三四五六七八九十两]+(?:人|名|位)").search(text, m.end() + 1, e)
        limit = min(ce if ce > m.end() else e, nxt.start() if nxt else e)
        if hv and unit_word in ("人", "名", "位"):
            hs = honors_in(m.end(), limit + 1)
            if hs:
                measure, unit = "honorHolders", "person"
                honor_refs = [honor_ref(ctx, n, sp) for n, sp in hs]
                end = max(sp[1] for _, sp in hs)
                end += 1 if text[end:end + 1] == "”" else 0
                tail = re.match(r"(?:荣誉称号|称号|荣誉|奖章)", text[end:end + 4])
                end += tail.end() if tail else 0
        if measure is None and unit_word in ("人", "名", "位"):
            # N名 HONOR获得者 / N名 HONOR (此次表彰了30名中华技能大奖获得者和295名全国技术能手)
            hs = [h for h in honors_in(m.end(), m.end() + 1) if h[1][0] == m.end() or text[m.end()] == "“"]
            if hs:
                measure, unit = "honorHolders", "person"
                honor_refs = [honor_ref(ctx, n, sp) for n, sp in hs]
                end = hs[-1][1][1] + (3 if text.startswith("获得者", hs[-1][1][1]) else (text[hs[-1][1][1]:hs[-1][1][1] + 1] == "”"))
        if measure is None and unit_word in ("人", "名", "位", "个") and re.search(r"表彰|授予|颁发", text[s:m.start()]):
            # 表彰全国五一劳动奖状255个、全国五一劳动奖章1088个: the honor, then how many were given
            hs = [h for h in honors_in(cs, m.start()) if h[1][1] == m.start() - (1 if text[m.start() - 1] == "”" else 0)]
            if hs:
                label = hs[-1][0]
                unit = "person" if unit_word != "个" or label.endswith("奖章") else (
                    "institution" if label.endswith(("奖状", "先锋号")) else None)
                if unit:
                    measure, end, span_start = "honorHolders", m.end(), hs[-1][1][0]
                    honor_refs = [honor_ref(ctx, hs[-1][0], hs[-1][1])]
        if measure is None and unit_word in ("人", "名", "位") and re.search(
                r"(?:命名|授予|评选出|评选|表彰)[\u4e00-\u9fff]{2,3}等$", text[cs:m.start()]):
            # 授予何强等10人(名单附后)“中华技能大奖”…, 命名王大庆等100人为2023年“上海工匠”: the named and the others
            hm = re.match(COUNT_TO_HONOR, text[m.end():m.end() + 30])
            hs = honors_in(m.end() + hm.end(), m.end() + hm.end()) if hm else []
            if hs:
                measure, unit, end = "honorHolders", "person", hs[0][1][1] + (1 if text[hs[0][1][1]:hs[0][1][1] + 1] == "”" else 0)
                honor_refs = [honor_ref(ctx, hs[0][0], hs[0][1])]
                span_start = cs + re.search(r"(?:命名|授予|评选出|评选|表彰)[\u4e00-\u9fff]{2,3}等$", text[cs:m.start()]).start()
        if measure is None and unit_word in ("人", "名", "位"):
            # 获得全国五一劳动奖章的个人有34位: the holders counted after the honor
            hb = re.search(r"(?:获得|荣获|获评|获)“?(?P<h>[^“”,，。；;的]{2,20}?)”?(?:称号|荣誉称号)?的(?:个人|人员|职工|同志|选手)?(?:有|共有|共|为|达)$",
                           text[cs:m.start()])
            hs = honors_in(cs + hb.start("h"), cs + hb.start("h")) if hb else []
            if hs:
                measure, unit, end = "honorHolders", "person", m.end()
                honor_refs = [honor_ref(ctx, n, sp) for n, sp in hs]
                span_start = cs + hb.start()
        if measure is None:
            mb = _measure_before(ctx, m.start())
            if mb and (mb[0] not in UNIT_WORDS or unit_word in UNIT_WORDS[mb[0]]):
                measure, span_start = mb
                unit = MEASURE_UNIT.get(measure) or UNIT.get(unit_word) or "person"
                end = m.end()
        if measure is None:
            before = text[max(cs, m.start() - 12):m.start()]
            for pat_b, pat_a, meas, u in CONTEXT:
                if meas in CONTEST_FIGURES and not re.search(r"竞赛|大赛|比赛|赛项|技能赛|参赛|选拔赛|角逐", text[s:e]):
                    continue  # 提供60多个工种的培训: trades of training, not of a contest's edition
                if meas == "participants" and re.search(r"(?:获|荣获|获得)[^，,。；;]{0,12}的$", text[cs:m.start()]):
                    continue  # 为本届大赛获金、银、铜牌的393名选手颁奖: the medallists, not all who took part
                if meas in UNIT_WORDS and unit_word not in UNIT_WORDS[meas]:
                    continue
                if meas == "contestEvents" and text.rfind("(", s, m.start()) > text.rfind(")", s, m.start()):
                    continue   # 分为世赛选拔项目(10个竞赛项目)…: the events of one kind, an aside
                if (not pat_b or re.search(pat_b, before)) and (pat_b or re.search(pat_a, after)) and (not pat_b or re.search(pat_a, after)):
                    measure, unit = meas, u or UNIT.get(unit_word) or "person"
                    end = m.end() + (re.match(pat_a, after).end() if pat_a != "^" else 0)
                    if pat_b:
                        span_start = max(cs, m.start() - len(re.search(pat_b, before).group(0)) - 4)
                        while span_start > cs and text[span_start - 1].isdigit() and text[span_start].isdigit():
                            span_start -= 1   # 2019年培训1500万人次以上: the label does not start inside a number
                    break
        if measure is None and unit_word in ("名", "人", "位") and re.search(r"(?:评选|评定|认定|命名|表彰|选树)(?:了|出)?[^，,。；;\d]{0,12}$", text[cs:m.start()]):
            measure, unit, end = "honorHolders", "person", m.end()
            sel = re.search(r"(?:评选|评定|认定|命名|表彰|选树)(?:了|出)?[^，,。；;\d]{0,12}$", text[cs:m.start()])
            span_start = cs + sel.start()
            for n, sp in honors_in(span_start, m.start()):
                honor_refs.append(honor_ref(ctx, n, sp))
            if not honor_refs:
                what = cached(ctx.lex, "honor-tail", lambda: re.compile(
                    rf"(?P<h>(?:国家级|省级|市级|县级|区级)?[\u4e00-\u9fff]{{0,6}}(?:{'|'.join(ctx.lex.honor_suffixes)}))$")).search(
                    text[span_start:m.start()])
                if what:
                    verb = re.match(r"(?:累计)?(?:评选|评定|认定|命名|表彰|选树)(?:了|出)?", what.group("h"))
                    hs = span_start + what.start("h") + (verb.end() if verb else 0)   # 评选市首席技师61人: the honor is 市首席技师
                    honor_refs.append(honor_ref(ctx, text[hs:m.start()], (hs, m.start())))
            if not honor_refs and re.sub(r"^(?:评选|评定|认定|命名|表彰|选树)(?:了|出)?", "", sel.group(0)):
                continue   # 表彰农民工172人: a group among the people honored, not the holders of an honor
        if measure is None and re.match(r"(?:家)?(?:单位|先进集体|集体)|(?:名|位)?(?:个人|同志)", after) and \
                re.search(r"获表彰|受表彰|获得表彰|被表彰|获表扬|获奖", text[m.end():e]):
            measure = "honorHolders"
            unit = "institution" if re.match(r"(?:家)?(?:单位|先进集体|集体)", after) else "person"
            end = m.end() + re.match(r"(?:家)?(?:单位|先进集体|集体)|(?:名|位)?(?:个人|同志)", after).end()
        if measure is None or unit is None:
            continue
        if measure == "honorHolders" and not honor_refs:
            # the honours are named in what follows (获表彰的单位和个人分别为…获“A”…获称“B”)
            for n, sp in honors_in(e, min(len(text), e + 400)):
                ref = honor_ref(ctx, n, sp)
                if ref not in honor_refs:
                    honor_refs.append(ref)
            if not honor_refs:
                continue
        if measure == "contestEvents" and cs < span_start and span_start - cs <= 20:
            span_start = cs + len(text[cs:span_start]) - len(text[cs:span_start].lstrip())   # 世赛选拔设63个竞赛项目: of what
        label = text[span_start:end]
        # the same words again (a headline, then the body): one figure; so are the holders of one honor counted twice
        # with the same number (我市13名职工获得全国五一劳动奖章 … 13名个人获全国五一劳动奖章)
        key = ("obs", measure, str(q.value), unit) if measure in CONTEST_FIGURES[1:] else \
            ("obs", measure, label) if measure != "honorHolders" or not honor_refs else \
            ("obs", measure, tuple(sorted(str(getattr(h, "id", h)) for h in honor_refs)), str(q.value), unit)
        obs = draft.fact("Observation", label, (span_start, end), rule=f"count.{measure}", confidence=0.75, key=key)
        again = bool(obs.props.get("value"))   # said before: the first statement's words stay its figure
        if not again:
            obs.set("measure", Ref(measure))
            for h in honor_refs:
                obs.add("honor", h)
            obs.set("value", q.value)
            obs.set("qualifier", Ref(q.qualifier))
            obs.set("unit", Ref(unit))
            obs.set("sourceValue", q.text)
        period = time_and_intent(ctx, obs, measure=measure, sentence=(s, e), at=m.start(), num_at=m.start("num"), again=again,
                                 year=measure not in CONTEST_FIGURES)
        if measure in ("talentTotal",) or (measure in ("honorHolders",) and period == "截至目前") or \
                (measure in TALENT_OF_PLACE and not WIDER.search(text, s, m.start())):
            if ctx.city is not None:
                obs.set("about", ctx.city)
        if measure == "honorHolders" and ctx.city is None and not obs.props.get("about"):
            home = _home(ctx, text[cs:m.start()])
            if home is not None:
                obs.set("about", home)   # 我市13名职工获得全国五一劳动奖章 in a news item naming 重庆市
    _restated_targets(draft, text)


def time_and_intent(ctx: Context, obs, *, measure: str, sentence: tuple[int, int], at: int, num_at: int, again: bool,
                    year: bool = True) -> str | None:
    """The period of a figure (累计, 截至…, 2019年以来, 到2025年, with ``year`` the year before it) and whether the text
    sets it as a target or a plan rather than a count reached (a note, confidence 0.5); returns the period set."""
    text = ctx.text
    s, e = sentence
    period = _period(text, s, num_at)   # 累计 may open the figure (累计4400多万人次)
    if period == "累计" and measure in CONTEST_FIGURES and "累计" not in text[s:at]:
        period = None   # 共计有2557名选手、2376名裁判: the edition's total, not a cumulative figure
    target = re.search(r"(?<!截)(?:到|至)((?:19|20)\d\d)年(?:底|末)?|力争|预计", text[s:at]) or _target_paragraph(text, at)
    if target:
        year = target.group(1) if target.re.groups else None
        if year:
            period = f"到{year}年"
        elif target.re is not TARGET_HEADING and not (period and SINCE.fullmatch(period)):
            period = target.group(0)   # 力争, 预计, unless a plan's term is named (力争在“十四五”时期…)
        obs.note("a target the text sets, not a count reached")
        obs.confidence = 0.5
    elif PLANNED.search(text, s, at):
        obs.note("a plan the text states, not a count reached")
        obs.confidence = 0.5
    elif (plan := PLAN.search(text, text.rfind("\n", 0, at) + 1, at)) or QUOTED_PLAN.search(text, s, at):
        obs.note("a target of the plan the text quotes, not a count reached")
        obs.confidence = 0.5
        term = TERM.match(text, plan.end()) if plan else None
        if term and not period and not YEAR.search(text, s, at):
            period = term.group(0)   # 文件提出2019年至2021年，…。三年共开展…5000万人次以上: the plan's term
    elif PLAN_DOCUMENT.search(text, 0, 3000) and not REACHED.search(text, text.rfind("\n", 0, at) + 1, e):
        obs.note("a target of the plan the text sets, not a count reached")   # 年培训2万人次以上 in a 工作方案
        obs.confidence = 0.5
    if not period and year:
        period = _year_period(text, s, at)   # not for a contest's figures (我国2010年加入…，参加了29个项目的比赛)
    if period and not (again and obs.props.get("period")):
        obs.set("period", period)
    return period


def _restated_targets(draft, text: str) -> None:
    """A headline's figure said again in the body in other words (新增技能人才超四千万人, then the 新增技能人才4000万人以上
    that 《方案》明确提出) is the same target: the headline's words take the target's note."""
    headline_end = text.find("\n") if "\n" in text else 0
    obs = [f for f in draft.facts if f.cls == "Observation" and f.first("measure") is not None]
    noted = {(str(f.first("measure")), f.first("value")): f for f in obs if f.notes and f.confidence <= 0.5}
    for f in obs:
        twin = noted.get((str(f.first("measure")), f.first("value")))
        if twin is not None and not f.notes and f.quotes and getattr(f.quotes[0], "start", None) is not None \
                and f.quotes[0].start < headline_end:
            f.note(twin.notes[0])
            f.confidence = twin.confidence
            if twin.first("period") and not f.first("period"):
                f.set("period", twin.first("period"))
