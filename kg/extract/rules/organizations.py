"""Organizations and places: registry names, names that end in an organization word (局, 公司, 协会, 日报,
学院 …), lists closed by 等 and a head noun (等骨干企业, 等部门), media outlets, places of events.

>>> from kg.extract.pipeline import extract_text
>>> d = extract_text("对接市科技局、市金融办、市总工会等部门，收集优秀人物。")
>>> sorted((f.cls, f.label) for f in d.facts if f.cls == "GovernmentBody")
[('GovernmentBody', '市总工会'), ('GovernmentBody', '市科技局'), ('GovernmentBody', '市金融办')]
"""
from __future__ import annotations

import bisect
import re

from kg.extract.normalize import CJK
from kg.extract.rules.base import HAN, Context, cached

LEAD = re.compile(r"^(?:今年|去年|同年|近年来|目前|当前|先后在|先后|分别在|分别|在|对接|组织|联合|会同|配合|依托|推出了|推出|设立|举办|由|和|与|及|同|向|对标|对|经商|商请|会商|经|将|是|为|了|"
                  r"创办了|创办|成立了|成立|印发了|印发|出台了|出台|召开|指导|支持|邀请|协调|并|获|记|全体|各级|据|也有|还有|确定|认定|命名|"
                  r"(?:主办|承办|协办|会办|牵头)单位|"
                  r"现任|曾任|历任|任职于|就职于|供职于|毕业于|进入|加入|调入|我国|我市|我省|我县|我区|本市|本省)+")   # a biography's verbs: 现任某集团…, 毕业于某学校
STOP = set("的在与及向由经将为是了从把被让使于以并到给或等获")
WORD_WITH_STOP = re.compile(r"经(?:济|贸|开|管|营|纬)")   # 湖北经济学院: 经 of a word inside the name is no stop
COUNTERS = set("万亿名个家所位余多")   # an organization's name never starts with the counter of a figure
HEAD_NOUN = {"地区": "Municipality", "城市": "Municipality", "地市": "Municipality", "省份": "Municipality", "各部门": "GovernmentBody",
             "企业": "Company", "骨干企业": "Company", "公司": "Company", "部门": "GovernmentBody", "单位": "Organization",
             "机构": "Organization", "院校": "Organization", "学校": "Organization", "媒体": "MediaOutlet", "协会": "Association",
             "行业协会": "Association"}
LIST_RE = re.compile(rf"(?P<items>(?:[^、，,。；;:\n“”《》]{{2,24}}、)+[^、，,。；;:\n“”《》]{{2,24}}?)(?:等(?P<adj>[^、，,。；;:\n]{{0,10}}?)(?P<head>骨干企业|企业|公司|部门|单位|机构|院校|学校|媒体|行业协会|协会|地区|城市|地市|省份)|(?P<head2>各部门)|等(?P<end>$)|(?P<all>(?=[，,。；;])))")
PLACE_EVENT = re.compile(rf"在(?P<p>{HAN}{{2,5}}?)(?:成功)?(?:召开|举办|举行|开幕|闭幕)")
STRONG = ("公司", "集团", "协会", "学会", "学院", "大学", "学校", "人民政府", "委员会", "总工会", "日报", "晚报", "电视台", "研究院",
          "研究所", "联合会", "办公厅", "人力资源和社会保障", "人力资源社会保障")
PLACE_START = re.compile(rf"^(?:中共)?(?:省|市|县|区|国家|中央|国务院|全国|自治区|(?:(?![的在和与])[{CJK}]){{2,6}}?(?:省|市|县|区|州|自治区|盟|旗))")
NOT_ORG_ENDINGS = {"举办", "创办", "承办", "主办", "协办", "开办", "兴办", "督办", "交办", "申办", "代办", "包办", "内部", "全部", "局部",
                   "干部", "各部", "外部", "格局", "布局", "开局", "全局", "大局", "结局", "大厅", "餐厅", "客厅", "展厅", "当局"}
MUNICIPALITIES = {"北京", "天津", "上海", "重庆"}
REGIONS = {"内蒙古": "内蒙古自治区", "广西": "广西壮族自治区", "西藏": "西藏自治区", "宁夏": "宁夏回族自治区", "新疆": "新疆维吾尔自治区",
           "香港": "香港特别行政区", "澳门": "澳门特别行政区", "台湾": "台湾省"}


def place_label(name: str) -> str:
    """The full name of a province-level place given short (河北 -> 河北省, 北京 -> 北京市)."""
    if name in MUNICIPALITIES:
        return name + "市"
    if name in REGIONS:
        return REGIONS[name]
    return name + "省"


def _registry_scan(ctx: Context) -> None:
    draft, text = ctx.draft, ctx.text

    def build():
        names = {key: ent for key, ent in ctx.known.entity_names().items() if ent.cls not in ("Role",) and len(key) >= 2}
        alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        return names, (re.compile(alt) if names else None)

    names, pattern = cached(ctx.known, "registry-names", build)
    if pattern is None:
        return
    for m in pattern.finditer(text):
        ent = names[m.group(0)]
        if ent.cls == "Person" and not ctx.lex.is_name(m.group(0)):
            continue
        if ctx.known.place_unnamed(m.group(0), ent, text):
            continue   # 省人社厅 of a province the text does not name
        if m.group(0).endswith("部") and text.startswith("门", m.end()):
            continue   # 人社部门: the departments, not 人社部
        draft.entity(ent.cls, ent.label, m.span(), rule="link.registry", confidence=0.9)


def org_class(name: str, lex) -> str | None:
    for suffix in sorted(lex.org_suffixes, key=len, reverse=True):
        if name.endswith(suffix):
            cls = lex.org_suffixes[suffix]
            head = name[:-len(suffix)]
            if cls == "GovernmentBody" and name.endswith("事业部"):
                return "Company"        # 铲运机械事业部: a company's business division
            if cls == "GovernmentBody" and re.search(r"公司|集团|有限|股份|厂", head):
                # 某电力公司超高压公司输电运检部, 武钢有限能源环保部: a company's department; 集团公司工会: a body in it
                return "Organization" if re.search(r"委员会|工会|委$", name) else "Company"
            if cls == "GovernmentBody" and re.search(r"医院|大学|学院|学校", head):
                return "Organization"   # 某大学第一附属医院…医学部
            return "Organization" if cls == "School" else cls
    return None


def plausible_org(name: str, lex, known) -> bool:
    if len(name) < 3 or len(name) > 24:
        return False
    if known.entity_by_name(name) is not None:
        return True
    if any(s in name for s in STRONG):
        return True
    return bool(PLACE_START.match(name)) and len(name) >= 3


def _suffix_scan(ctx: Context) -> None:
    draft, text, lex = ctx.draft, ctx.text, ctx.lex
    suffix_re = cached(lex, "org-suffix", lambda: re.compile(
        "(?:" + "|".join(re.escape(s) for s in sorted(lex.org_suffixes, key=len, reverse=True)) + ")(?!法|理|公室|门|员|署|分|长|级|属|内|会|委|办公|组织部|宣传部|统战部)"))
    last_end = 0
    honor_spans = _honor_spans(ctx)
    honor_starts = [s for s, _ in honor_spans]
    chain = re.compile(f"[{CJK}]{{0,8}}?(?:有限责任公司|股份有限公司|有限公司|公司)")
    branch = re.compile(f"[{CJK}]{{1,8}}?(?:分公司|子公司|分厂)")
    for m in suffix_re.finditer(text):
        end = m.end()
        if end <= last_end:
            continue
        if lex.org_suffixes.get(m.group(0)) == "Company":
            c = chain.match(text, end)
            if c and not any(ch in STOP for ch in c.group(0)):
                end = c.end()
                b = branch.match(text, end)   # 某集团有限公司科工建设分公司: the branch is the body named
                if b and not any(ch in STOP for ch in b.group(0)):
                    end = b.end()
        left = m.start()
        while left > max(last_end, m.start() - 20) and (text[left - 1] not in STOP or WORD_WITH_STOP.match(text, left - 1)):
            if re.match(HAN, text[left - 1]):
                left -= 1
                continue
            # brackets inside a name: 江南造船(集团)有限责任公司, 格力暖通制冷设备(武汉)有限公司
            pb = re.search(rf"{HAN}[(（]{HAN}{{1,6}}[)）]$", text[max(0, left - 9):left])
            if pb is None or left - len(pb.group(0)) + 1 <= last_end:
                break
            left -= len(pb.group(0)) - 1
        if text[left - 1:left] == "、" and text[left:left + 1] in "省市" and last_end == left - 1:
            pass
        # a verb before the name (组织…, 代表…) is cut off, unless it is part of the body's own word (组织部)
        cut = [w.end() for w in lex.org_left_re.finditer(text, left, m.start()) if text[w.start():m.end()] != "组织部"]
        if cut:
            left = cut[-1]
        ws = text.rfind("工作室", left, m.start())
        if ws >= 0:
            left = ws + 3   # 某某技能大师工作室某集团有限公司: a workshop's name is not the company's
        name = text[left:end]
        if text[left - 1:left] == "经" and name.startswith(("商", "征求")):
            left += 1 if name[0] == "商" else 2   # 经商全国总工会: consulted 全国总工会
            name = text[left:end]
        if name[:1] in COUNTERS or (m.group(0) in ("大学", "学院", "学校") and text[end:end + 1] == "生"):
            continue  # 1.58万名大学生: students, not a university
        if m.group(0).endswith("办") and text[end:end + 1] in ("学", "理", "公", "事", "法", "案", "好", "成"):
            continue  # 技师学院办学规模: 办学 (running a school) is a verb, not a body's office
        if name[:1] in "一二三四五六七八九十两几" and name[1:] == m.group(0):
            continue  # 上一篇: 一公司召开…: a numeral and the kind of body name none
        roles = [r for r in lex.role_re.finditer(name) if r.end() < len(name) - 1 and lex.roles.get(r.group(0)) == "leader"
                 and any(lex.is_name(name[max(0, r.start() - k):r.start()]) for k in (3, 2))]
        if roles and not ctx.known.entity_by_name(name):
            # 由郑继伟副省长领办, 郑继伟副省长对省政协: a person with a post before the body is no part of it
            left += roles[-1].end()
            name = text[left:end]
        if text[left - 1:left].isdigit() and name[:1] in "室号楼层栋座幢年月日":
            left += 1      # 746室盐城市人力资源和社会保障局, 2018年1月市政府印发: the room's or the date's word is not the body's
            name = name[1:]
        lead = LEAD.match(name)    # after the date's word too: 2012年我国技工学校
        if lead:
            left += lead.end()
            name = text[left:end]
        if name[:1] in "该本此其" and len(name) <= 4:
            continue   # 进入该公司, 本单位: the body named before, not a name
        pr = re.match(rf"{HAN}{{1,10}}?项目", name)
        if pr and not ctx.known.entity_by_name(name):
            # 电工项目  李子安  凌云科技集团有限责任公司: a medal table's row (project, name, body)
            n = next((n for n in (3, 2) if lex.listed_name(name[pr.end():pr.end() + n]) and len(name) - pr.end() - n >= 4), 0)
            if n:
                left += pr.end() + n
                name = name[pr.end() + n:]
        pm = re.search(f"(?:{'|'.join(lex.provinces)})", name[2:5])
        if pm and lex.listed_name(name[:2 + pm.start()]) and name[:2 + pm.start()] not in lex.org_prefixes \
                and not ctx.known.entity_by_name(name):
            left += 2 + pm.start()   # 刘进峰江苏省盐城技师学院: a name, then the body (a list run together)
            name = name[2 + pm.start():]
        for am in re.finditer("[和与及]", name):
            # 船舶电焊工陈景毅和上海宝冶集团有限公司: a person before 和, the next body after it
            # 林英狮和石狮市宸汐职业技能培训学校: the last person of a list before 和, the next body after it
            if (lex.role_re.search(name[:am.start()]) or (am.start() <= 3 and lex.is_name(name[:am.start()]))) \
                    and len(name) - am.end() >= 4:
                left += am.end() - (len(text[left:end]) - len(name))
                name = name[am.end():]
                break
        if text[left - 1:left] == "的" and name.startswith("有") and len(name) >= 5:
            left += 1      # 被命名为“石狮工匠”的有中联品检…有限公司: those named are…, the body follows 有
            name = name[1:]
        rm = re.match(rf"报(?={HAN}{{1,5}}?(?:省|市|县|区))", name)   # 经报青海省政府批准
        if rm:
            left += 1
            name = name[1:]
        if name in lex.org_suffixes or name.startswith(("有限", "股份", "直辖市", "自治县", "自治州", "自治旗")) or name[-2:] in NOT_ORG_ENDINGS \
                or re.match(r"[一二三四五六七八九十两几\d]+个", name):
            continue
        if not plausible_org(name, lex, ctx.known) or name.endswith(("代表", "干部")) or lex.role_end_re.search(name):
            continue
        if re.search(r"委(?:省|市|县|区)(?:人民)?政府$", name):
            continue   # 省委省政府, 市委市政府: two bodies named together, neither alone
        if re.search(r"有关|相关|各", name):
            continue   # 市委有关部委, 各区人民政府, 省各委办厅局: the kinds of bodies a notice goes to, not bodies
        cls = org_class(name, lex) or "Organization"
        if cls == "GovernmentBody" and name.endswith(("部", "局", "厅", "委", "办")) and not (PLACE_START.match(name) or ctx.known.entity_by_name(name)):
            continue
        k = bisect.bisect_right(honor_starts, left) - 1
        if (k >= 0 and end <= honor_spans[k][1]) or re.match(r"特殊津贴|特贴|津贴|奖章|奖状|技能大奖", text[end:end + 4]):
            continue
        known = ctx.known.entity_by_name(name)
        if known is not None and ctx.known.place_unnamed(name, known, text):
            known = None    # 省人力资源社会保障厅 of a province the registry entry is not: the document's own province
        full = polity_names(ctx, name) if known is None else None
        if full is not None:
            # the same department the text named in full with the other spelling (人力资源和社会保障厅 / 人力资源社会保障厅)
            same = [f.label for f in draft.facts if f.cls == "GovernmentBody" and f.label != full[0]
                    and f.label.replace("人力资源和社会保障", "人力资源社会保障") == full[0].replace("人力资源和社会保障", "人力资源社会保障")]
            if same:
                full = (same[0], [full[0]] + full[1])
        if full is not None:
            f = draft.entity(cls, full[0], (left, end), rule="org.polity", confidence=0.7)
            for a in full[1]:
                if a not in f.alt_labels and a != f.label and not f.mention:
                    f.alt_labels.append(a)
        else:
            draft.entity(cls, name, (left, end), rule="org.suffix", confidence=0.7)
        last_end = end


POLITY_BODIES = {"委": ("中共{p}委", ["中共{p}委员会", "{p}委"]), "政府": ("{p}人民政府", ["{p}政府"]),
                 "人民政府": ("{p}人民政府", ["{p}政府"]), "人大常委会": ("{p}人民代表大会常务委员会", ["{p}人大常委会"]),
                 "政协": ("政协{p}委员会", ["{p}政协"])}


def polity_names(ctx: Context, name: str) -> tuple[str, list[str]] | None:
    """省委 / 市政府 / 省人大常委会 named without their place: the full names with the document's province or city."""
    m = re.fullmatch(r"(?P<level>省|市)(?P<body>委|政府|人民政府|人大常委会|政协)", name)
    dept = re.fullmatch(rf"(?P<level>自治区|省|市)(?P<body>{HAN}{{2,16}}(?:厅|局|委员会|办公室))", name) if not m else None
    if dept:
        # 省人力资源社会保障厅 / 市人社局: a department of the document's own province (the one it names most) or city
        # (the issuer's); a city's department only when the issuer's city is known
        place = None
        if dept.group("level") == "市":
            place = ctx.city.label if ctx.city is not None and ctx.city.label.endswith("市") else None
        else:
            counts = {}
            level = dept.group("level")    # 省 or 自治区 (自治区人力资源社会保障厅 of 广西壮族自治区)
            for f in ctx.draft.facts:
                if f.cls == "Municipality" and f.label.endswith(level) and not f.label.endswith("特别行政区"):
                    counts[f.label] = counts.get(f.label, 0) + len(f.spans)
            place = max(counts, key=counts.get) if counts else None
        return (place + dept.group("body"), [name]) if place else None
    if not m:
        # a provincial department named without its province (教育厅, 商务厅)
        if re.fullmatch(rf"{HAN}{{2,8}}厅", name) and not PLACE_START.match(name):
            counts: dict[str, int] = {}
            for f in ctx.draft.facts:
                if f.cls == "Municipality" and f.label.endswith("省"):
                    counts[f.label] = counts.get(f.label, 0) + len(f.spans)
            if counts:
                place = max(counts, key=counts.get)
                return place + name, [name]
        return None
    level = m.group("level")
    place = None
    if level == "市" and ctx.city is not None and ctx.city.label.endswith("市"):
        place = ctx.city.label
    else:
        counts: dict[str, int] = {}
        for f in ctx.draft.facts:
            if f.cls == "Municipality" and f.label.endswith(level):
                counts[f.label] = counts.get(f.label, 0) + len(f.spans)
        if counts:
            place = max(counts, key=counts.get)
    if place is None:
        return None
    label, alts = POLITY_BODIES[m.group("body")]
    return label.format(p=place), [a.format(p=place) for a in alts] + [name]


def _honor_spans(ctx: Context) -> list[tuple[int, int]]:
    def build():
        names = [n for n in ctx.known.concept_names("honors") if len(n) >= 4]
        return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))) if names else None

    pattern = cached(ctx.known, "honor-names", build)
    return [m.span() for m in pattern.finditer(ctx.text)] if pattern else []


def _lists(ctx: Context) -> None:
    draft, text, lex = ctx.draft, ctx.text, ctx.lex
    for m in LIST_RE.finditer(text):
        head = m.group("head") or m.group("head2")
        head_cls = HEAD_NOUN.get(head) if head else None
        if head_cls is None:
            # no head noun: a list all of whose items end with an organization word
            items = m.group("items").split("、")
            items[0] = items[0][LEAD.match(items[0]).end():] if LEAD.match(items[0]) else items[0]
            if len(items) < 2 or not all(org_class(i, lex) and re.fullmatch(f"{HAN}+", i) and len(i) >= 3 for i in items):
                continue
        pos = m.start("items")
        items = m.group("items").split("、")
        for k, item in enumerate(items):
            start = pos
            pos += len(item) + 1
            if k == 0:
                lead = LEAD.match(item)
                if lead:
                    start += lead.end()
                    item = item[lead.end():]
                # the first item follows a verb phrase: keep its last organization-like part (the 和 of
                # 人力资源和社会保障 is inside a name)
                masked = item.replace("人力资源和社会保障", "人力资源X社会保障")
                cut = max([masked.rfind(c) for c in "的在对和与向"] + [w.end() - 1 for w in lex.org_left_re.finditer(item)]) + 1
                if cut > 0 and len(item) - cut >= 2:
                    start += cut
                    item = item[cut:]
            if k == len(items) - 1:
                # the last item runs into the verb of the clause: 青海省财政厅主办
                vm = re.search(r"(?:联合主办|共同主办|主办|承办|协办|指导|支持|牵头)$", item)
                if vm and len(item) - len(vm.group(0)) >= 3:
                    item = item[:vm.start()]
            if not 2 <= len(item) <= 24 or not re.fullmatch(f"{HAN}+", item):
                continue
            # 各技工院校, 相关企业, 青海全省各市州: kinds of bodies, not bodies; 住建、交通等四个行业部门: trades
            if re.search(r"^(?:相关|有关|其他|其它|部分|所有|广大|全体)|各", item) or (head_cls and "行业" in (m.group("adj") or "")):
                continue
            cls = org_class(item, lex) or head_cls
            if cls is None:
                continue
            if cls == "Municipality":
                ent = ctx.known.entity_by_name(item)
                label = ent.label if ent else (item if re.search("(?:市|省|县|区|自治州|盟|旗)$", item) else item + "市")
                f = draft.entity("Municipality", label, (start, start + len(item)), rule="place.list", confidence=0.7)
                if item != f.label and item not in f.alt_labels and not f.mention:
                    f.alt_labels.append(item)
                continue
            prefixed = polity_names(ctx, item) if not ctx.known.entity_by_name(item) else None
            f = draft.entity(cls, prefixed[0] if prefixed else item, (start, start + len(item)), rule="org.list", confidence=0.75)
            for a in (prefixed[1] if prefixed else []):
                if a != f.label and a not in f.alt_labels and not f.mention:
                    f.alt_labels.append(a)


def _media(ctx: Context) -> None:
    draft, text, lex = ctx.draft, ctx.text, ctx.lex
    media_re = cached(lex, "media", lambda: re.compile("|".join(re.escape(n) for n in sorted(lex.media, key=len, reverse=True))))
    for m in media_re.finditer(text):
        name = lex.media[m.group(0)]
        f = draft.entity("MediaOutlet", name, m.span(), rule="org.media", confidence=0.85)
        if m.group(0) != name and m.group(0) not in f.alt_labels and not f.mention:
            f.alt_labels.append(m.group(0))


def _places(ctx: Context) -> None:
    draft, text = ctx.draft, ctx.text
    for m in PLACE_EVENT.finditer(text):
        name = m.group("p")
        ent = ctx.known.entity_by_name(name)
        if ent is not None and ent.cls in ("Municipality", "Place"):
            draft.entity(ent.cls, ent.label, m.span("p"), rule="place.event", confidence=0.8)
        elif name in ctx.lex.provinces:
            f = draft.entity("Municipality", place_label(name), m.span("p"), rule="place.event", confidence=0.75)
            if name not in f.alt_labels and not f.mention:
                f.alt_labels.append(name)
        elif re.fullmatch(rf"{HAN}{{1,4}}(?:市|县|区)", name):
            draft.entity("Municipality", name, m.span("p"), rule="place.event", confidence=0.6)


PLACE_TOKEN = re.compile(rf"(?:(?<![{CJK}])|(?<=[暨了的在为和与及对]))(?P<p>(?:(?![全我本该各省市区县])[{CJK}]){{2,4}}?(?:省|市|区|县))(?=[{CJK}])")


def _repeated_places(ctx: Context) -> None:
    """A place that opens two different names or phrases (上海市技能大师工作室, 上海市大众工业学校; 嘉定区世赛…, 嘉定区技能人才)."""
    draft, text = ctx.draft, ctx.text
    seen: dict[str, list[tuple[int, int]]] = {}
    nexts: dict[str, set[str]] = {}
    for m in PLACE_TOKEN.finditer(text):
        p = m.group("p")
        if text[m.end():m.end() + 1] == "长":
            continue   # 郑继伟副省长: a post (省长, 市长, 县长, 区长), not a place
        seen.setdefault(p, []).append(m.span("p"))
        nexts.setdefault(p, set()).add(text[m.end():m.end() + 2])
    for p in list(seen):
        for m in re.finditer(re.escape(p), text):
            if m.span() not in seen[p] and m.end() < len(text) and re.match(f"[{CJK}]", text[m.end()]) and text[m.end()] != "长":
                seen[p].append(m.span())
                nexts[p].add(text[m.end():m.end() + 2])
    for p, spans in seen.items():
        if len(spans) < 2 or len(nexts[p]) < 2 or p.endswith(("地区", "社区", "园区", "城区", "景区", "片区", "辖区", "新区")):
            continue
        ent = ctx.known.entity_by_name(p)
        f = draft.entity(ent.cls if ent else "Municipality", ent.label if ent else p, spans[0], rule="place.repeated", confidence=0.6)
        for sp in spans[1:]:
            draft.add_quote(f, sp)


KIND_OF_CLASS = re.compile(r"(?:订单|冠名|定向|学徒|培训|研修|实验|试点|专业|委培|精英|提升|技能|技师|高技|中职|高职)班$")


def _teams(ctx: Context) -> None:
    """A team named in quotes (工人先锋号“欧清莲班”); not a kind of class (“订单班”、“冠名班”等形式)."""
    text = ctx.text
    for m in re.finditer(rf"“(?P<n>{HAN}{{2,8}}(?:班组|班))”", text):
        if KIND_OF_CLASS.search(m.group("n")):
            continue
        ce = min([p for p in (text.find(c, m.end()) for c in "，,。；;\n") if p >= 0] or [len(text)])
        if re.search(r"等(?:形式|模式|方式|办法|途径)", text[m.end():ce]):
            continue
        ctx.draft.entity("Team", m.group("n"), m.span("n"), rule="org.team", confidence=0.75)


def _merge_short_names(ctx: Context) -> None:
    """An organization named again without its place (家具行业协会 after 河北省家具行业协会) is the same one."""
    orgs = [f for f in ctx.draft.facts if f.cls in ("GovernmentBody", "Company", "Association", "Organization", "MediaOutlet")]
    by_tail: dict[tuple[str, str], list] = {}
    for g in orgs:
        for k in range(1, len(g.label) - 3):
            by_tail.setdefault((g.cls, g.label[k:]), []).append(g)
    for f in orgs:
        if f.mention or f.rule == "org.list":
            continue
        longer = [g for g in by_tail.get((f.cls, f.label), []) if g is not f and g in ctx.draft._alive_set()]
        if len(longer) == 1:
            g = longer[0]
            for q in f.quotes:
                if q not in g.quotes:
                    g.quotes.append(q)
            if not g.mention and f.label not in g.alt_labels:
                g.alt_labels.append(f.label)
            ctx.draft.remove(f)
            _redirect(ctx, f, g)


def _spelling(label: str) -> str:
    return label.replace("人民政府", "政府").replace("人力资源和社会保障", "人力资源社会保障")


def _merge_spellings(ctx: Context) -> None:
    """One body under two official spellings (江苏省政府办公厅 in the title, 江苏省人民政府办公厅 under the signature;
    …人力资源和社会保障厅 / …人力资源社会保障厅) is one fact, named by the longer (full) spelling."""
    groups: dict[str, list] = {}
    for f in ctx.draft.facts:
        if f.cls == "GovernmentBody" and not f.mention:
            groups.setdefault(_spelling(f.label), []).append(f)
    for group in groups.values():
        if len(group) < 2:
            continue
        keep = max(group, key=lambda g: len(g.label))
        for f in group:
            if f is keep:
                continue
            for q in f.quotes:
                if q not in keep.quotes:
                    keep.quotes.append(q)
            for a in [f.label] + f.alt_labels:
                if a != keep.label and a not in keep.alt_labels:
                    keep.alt_labels.append(a)
            ctx.draft.remove(f)
            _redirect(ctx, f, keep)
            if ctx.issuer is f:
                ctx.issuer = keep


def _redirect(ctx: Context, old, new) -> None:
    """References to a fact merged into another (the letter's addressee 省人力资源社会保障厅 -> 辽宁省人力资源社会保障厅) follow it."""
    from kg.extract.draft import Ref

    for fact in ctx.draft.facts:
        for prop, values in fact.props.items():
            fact.props[prop] = list(dict.fromkeys(Ref(new.id) if v == old.id and isinstance(v, Ref) else v for v in values))


def apply(ctx: Context) -> None:
    _registry_scan(ctx)
    _media(ctx)
    _lists(ctx)
    _suffix_scan(ctx)
    _places(ctx)
    _repeated_places(ctx)
    _teams(ctx)
    _merge_short_names(ctx)
    _merge_spellings(ctx)
