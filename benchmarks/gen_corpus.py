"""Generate a synthetic corpus of reply letters, in the corpus format (docs/corpus-format.md), for benchmarks.

Each document is a reply letter of a municipal human-resources bureau to a congress deputy's suggestion on
skilled talent — the genre of the shipped letter — written together with its facts (about 140 per letter,
the shipped letter's size), so every quote is exact words of the text. People, places, companies, honors,
counts and dates vary; the same seed gives the same corpus, byte for byte, and document ``i`` is the same
in every corpus that has it (the 100-document corpus is the start of the 1,000-document one).

Shared entities (provinces, cities, their bureaus, national bodies, media outlets and a pool of nationally
known craftsmen) go to ``registry/entities.yaml``; each document names the ones it refers to with
``- mention:``. Honors of provinces and cities go to ``vocab/generated-honors.yaml``. Only what some
document uses is written.

Usage:
  python benchmarks/gen_corpus.py --docs 1000 --out build/corpus/1000 [--seed 1]

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> info = generate(out, docs=2, seed=1)
>>> info.documents, 120 <= info.facts // 2 <= 160
(2, True)
>>> sorted(p.name for p in (out / "documents").iterdir())
['gen-00000', 'gen-00001']
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

GENERATOR_VERSION = "1"

# ---------------------------------------------------------------------------------------------- name pools

SURNAMES = [("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
            ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"),
            ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("高", "Gao"),
            ("林", "Lin"), ("罗", "Luo"), ("郑", "Zheng"), ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"),
            ("唐", "Tang"), ("许", "Xu"), ("韩", "Han"), ("冯", "Feng"), ("邓", "Deng"), ("曹", "Cao"),
            ("彭", "Peng"), ("曾", "Zeng"), ("肖", "Xiao"), ("田", "Tian"), ("董", "Dong"), ("袁", "Yuan"),
            ("潘", "Pan"), ("蒋", "Jiang"), ("蔡", "Cai"), ("余", "Yu"), ("杜", "Du"), ("叶", "Ye"),
            ("程", "Cheng"), ("魏", "Wei"), ("苏", "Su"), ("吕", "Lyu"), ("丁", "Ding"), ("任", "Ren")]
GIVEN = [("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("强", "qiang"),
         ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"), ("杰", "jie"), ("涛", "tao"),
         ("明", "ming"), ("超", "chao"), ("秀", "xiu"), ("霞", "xia"), ("平", "ping"), ("刚", "gang"),
         ("桂", "gui"), ("华", "hua"), ("建", "jian"), ("国", "guo"), ("文", "wen"), ("志", "zhi"), ("海", "hai"),
         ("红", "hong"), ("春", "chun"), ("晓", "xiao"), ("宇", "yu"), ("鹏", "peng"), ("辉", "hui"), ("斌", "bin"),
         ("亮", "liang"), ("婷", "ting"), ("雪", "xue"), ("琳", "lin"), ("凯", "kai"), ("峰", "feng"), ("冉", "ran"),
         ("松", "song"), ("健", "jian"), ("智", "zhi"), ("思", "si"), ("怡", "yi"), ("颖", "ying"), ("龙", "long"),
         ("玉", "yu"), ("南", "nan"), ("根", "gen"), ("哲", "zhe"), ("清", "qing"), ("莲", "lian"), ("慧", "hui"),
         ("东", "dong"), ("兴", "xing"), ("荣", "rong"), ("德", "de"), ("振", "zhen")]

# (province zh, short zh, pinyin id, English, [(city zh, short zh, pinyin id, English)])
PROVINCES = [
    ("湖南省", "湖南", "hunan", "Hunan", [("株洲市", "株洲", "zhuzhou", "Zhuzhou"), ("湘潭市", "湘潭", "xiangtan", "Xiangtan"),
                                    ("衡阳市", "衡阳", "hengyang", "Hengyang"), ("岳阳市", "岳阳", "yueyang", "Yueyang"),
                                    ("常德市", "常德", "changde", "Changde")]),
    ("湖北省", "湖北", "hubei", "Hubei", [("宜昌市", "宜昌", "yichang", "Yichang"), ("襄阳市", "襄阳", "xiangyang", "Xiangyang"),
                                    ("十堰市", "十堰", "shiyan", "Shiyan"), ("荆州市", "荆州", "jingzhou", "Jingzhou")]),
    ("江苏省", "江苏", "jiangsu", "Jiangsu", [("苏州市", "苏州", "suzhou", "Suzhou"), ("无锡市", "无锡", "wuxi", "Wuxi"),
                                      ("常州市", "常州", "changzhou", "Changzhou"), ("徐州市", "徐州", "xuzhou", "Xuzhou"),
                                      ("南通市", "南通", "nantong", "Nantong")]),
    ("浙江省", "浙江", "zhejiang", "Zhejiang", [("宁波市", "宁波", "ningbo", "Ningbo"), ("温州市", "温州", "wenzhou", "Wenzhou"),
                                        ("嘉兴市", "嘉兴", "jiaxing", "Jiaxing"), ("台州市", "台州", "taizhou", "Taizhou")]),
    ("广东省", "广东", "guangdong", "Guangdong", [("佛山市", "佛山", "foshan", "Foshan"), ("东莞市", "东莞", "dongguan", "Dongguan"),
                                          ("惠州市", "惠州", "huizhou", "Huizhou"), ("江门市", "江门", "jiangmen", "Jiangmen")]),
    ("山东省", "山东", "shandong", "Shandong", [("青岛市", "青岛", "qingdao", "Qingdao"), ("烟台市", "烟台", "yantai", "Yantai"),
                                        ("潍坊市", "潍坊", "weifang", "Weifang"), ("淄博市", "淄博", "zibo", "Zibo")]),
    ("河南省", "河南", "henan", "Henan", [("洛阳市", "洛阳", "luoyang", "Luoyang"), ("新乡市", "新乡", "xinxiang", "Xinxiang"),
                                    ("许昌市", "许昌", "xuchang", "Xuchang")]),
    ("四川省", "四川", "sichuan", "Sichuan", [("绵阳市", "绵阳", "mianyang", "Mianyang"), ("德阳市", "德阳", "deyang", "Deyang"),
                                      ("宜宾市", "宜宾", "yibin", "Yibin")]),
    ("安徽省", "安徽", "anhui", "Anhui", [("芜湖市", "芜湖", "wuhu", "Wuhu"), ("马鞍山市", "马鞍山", "maanshan", "Ma'anshan"),
                                    ("蚌埠市", "蚌埠", "bengbu", "Bengbu")]),
    ("江西省", "江西", "jiangxi", "Jiangxi", [("九江市", "九江", "jiujiang", "Jiujiang"), ("赣州市", "赣州", "ganzhou", "Ganzhou"),
                                      ("萍乡市", "萍乡", "pingxiang", "Pingxiang")]),
]

INDUSTRIES = [("轨道交通", "Rail transit"), ("航空动力", "Aviation power"), ("硬质合金", "Cemented carbide"),
              ("新能源汽车", "New-energy vehicles"), ("电子信息", "Electronic information"), ("生物医药", "Biomedicine"),
              ("新材料", "New materials"), ("智能制造", "Intelligent manufacturing"), ("化工", "Chemicals"),
              ("纺织服装", "Textiles and clothing"), ("食品加工", "Food processing"), ("工程机械", "Construction machinery"),
              ("船舶制造", "Shipbuilding"), ("光伏", "Photovoltaics"), ("陶瓷", "Ceramics")]
COMPANY_WORDS = [("精工", "Precision"), ("重工", "Heavy Industry"), ("电机", "Electric Motor"), ("机车", "Locomotive"),
                 ("动力", "Power"), ("材料", "Materials"), ("科技", "Technology"), ("电气", "Electric"),
                 ("装备", "Equipment"), ("钢铁", "Steel"), ("化工", "Chemical"), ("汽车", "Automotive"),
                 ("航空", "Aviation"), ("电子", "Electronics"), ("纺织", "Textile"), ("建工", "Construction")]
COMPANY_PREFIXES = [("宏达", "Hongda"), ("华联", "Hualian"), ("中联", "Zhonglian"), ("远航", "Yuanhang"), ("东方", "Dongfang"),
                    ("新兴", "Xinxing"), ("恒通", "Hengtong"), ("金石", "Jinshi"), ("瑞丰", "Ruifeng"), ("长城", "Changcheng"),
                    ("天成", "Tiancheng"), ("鼎盛", "Dingsheng"), ("永安", "Yong'an"), ("博远", "Boyuan"), ("立信", "Lixin")]
TRADES = [("电焊工", "Electric welder"), ("焊接技师", "Welding technician"), ("数控车工", "CNC lathe operator"),
          ("钳工", "Fitter"), ("电工", "Electrician"), ("工艺专家", "Process expert"), ("总工程师", "Chief engineer"),
          ("装配工", "Assembler"), ("质检员", "Quality inspector"), ("模具工", "Die maker"), ("铣工", "Milling operator"),
          ("维修电工", "Maintenance electrician"), ("化工总控工", "Chemical process operator"), ("高级技师", "Senior technician")]
EPITHETS = ["焊花“花木兰”", "“金手指”", "“铁人”", "“匠心达人”", "“技术尖兵”", "“工匠之星”"]
TOPICS = ["topic-training", "topic-evaluation", "topic-use", "topic-incentive"]
NATIONAL_HONORS = [("honor-national-technical-expert", "全国技术能手"), ("honor-national-may-day-medal", "全国五一劳动奖章"),
                   ("honor-national-model-worker", "全国劳动模范"), ("honor-china-skills-award", "中华技能大奖"),
                   ("honor-great-craftsman", "大国工匠")]
OUTLETS = [("outlet-peoples-daily", "人民日报", "People's Daily"), ("outlet-xinhua", "新华社", "Xinhua News Agency"),
           ("outlet-cctv", "中央电视台", "China Central Television (CCTV)"), ("outlet-workers-daily", "工人日报", "Workers' Daily")]
PROGRAMMES = ["朝闻天下", "新闻联播", "焦点访谈", "头版", "劳动者之歌", "大国工匠"]
NATIONAL_POOL = 400  # nationally known craftsmen in the registry, named by many documents


# ---------------------------------------------------------------------------------------------- helpers

def _q(value) -> str:
    """A YAML scalar: JSON for text (a valid YAML double-quoted string), plain for numbers."""
    if isinstance(value, bool):
        raise TypeError(value)
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def _wan(n: int) -> str:
    """A count as a Chinese text writes it: 598000 → 59.8万, 430 → 430."""
    if n >= 10000 and n % 1000 == 0:
        text = f"{n / 10000:.1f}".rstrip("0").rstrip(".")
        return text + "万"
    return str(n)


@dataclass
class _Person:
    zh: str
    en: str
    slug: str


class _Names:
    """Distinct person names within one document."""

    def __init__(self, rng: random.Random, taken: set[str] | None = None):
        self.rng = rng
        self.used: set[str] = set(taken or ())

    def person(self) -> _Person:
        while True:
            s, se = self.rng.choice(SURNAMES)
            parts = [self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2)))]
            zh = s + "".join(p[0] for p in parts)
            if zh in self.used:
                continue
            self.used.add(zh)
            given = "".join(p[1] for p in parts)
            return _Person(zh=zh, en=f"{se} {given.capitalize()}", slug=f"{se.lower()}-{given}")


def _national_person(k: int) -> _Person:
    rng = random.Random(f"national:{k}")
    s, se = SURNAMES[k % len(SURNAMES)]
    parts = [rng.choice(GIVEN) for _ in range(2)]
    given = "".join(p[1] for p in parts)
    return _Person(zh=s + "".join(p[0] for p in parts), en=f"{se} {given.capitalize()}", slug=f"national-{k:03d}")


class _Doc:
    """The text and facts of one document, built together so every quote is words of the text."""

    def __init__(self):
        self.text: list[str] = []
        self.facts: list[list[str]] = []
        self.mentions: dict[str, list[str]] = {}
        self.ids: set[str] = set()

    def say(self, text: str) -> None:
        self.text.append(text)

    def fact(self, fid: str, cls: str, zh: str, en: str | None, quote, **props) -> str:
        assert fid not in self.ids, fid
        self.ids.add(fid)
        quotes = quote if isinstance(quote, list) else [quote]
        lines = [f"- id: {fid}", f"  a: {cls}",
                 "  label: {zh: " + _q(zh) + (", en: " + _q(en) if en else "") + "}",
                 "  quote: " + (_q(quotes[0]) if len(quotes) == 1 else "[" + ", ".join(_q(x) for x in quotes) + "]")]
        for key, value in props.items():
            if value is None:
                continue
            key = key.rstrip("_")
            if isinstance(value, list):
                lines.append(f"  {key}: [" + ", ".join(_q(v) if not isinstance(v, str) or " " in v or not v.isascii() else v
                                                    for v in value) + "]")
            elif isinstance(value, str) and value.startswith("@"):  # a date: plain YAML (2022-07-03)
                lines.append(f"  {key}: {value[1:]}")
            elif isinstance(value, str) and value.isascii() and " " not in value and ":" not in value:
                lines.append(f"  {key}: {value}")
            else:
                lines.append(f"  {key}: {_q(value)}")
        self.facts.append(lines)
        return fid

    def mention(self, rid: str, quote: str) -> str:
        self.mentions.setdefault(rid, [])
        if quote not in self.mentions[rid]:
            self.mentions[rid].append(quote)
        return rid

    def source(self) -> str:
        return "".join(self.text)

    def check(self) -> None:
        """Every quote is words of the text (the generator's own guarantee)."""
        text = self.source()
        import yaml

        for lines in self.facts:
            entry = yaml.safe_load("\n".join(lines))[0]
            for q in entry["quote"] if isinstance(entry["quote"], list) else [entry["quote"]]:
                assert q in text, (entry["id"], q)
        for rid, quotes in self.mentions.items():
            for q in quotes:
                assert q in text, (rid, q)

    def facts_yaml(self, doc_id: str, header: dict) -> str:
        out = [f"# Synthetic reply letter {doc_id}, generated by benchmarks/gen_corpus.py (not a real document).",
               "document: reply-letter", "source:"]
        out += [f"  {k}: {v[1:] if v.startswith('@') else _q(v) if not v.isascii() else v}" for k, v in header.items()]
        out.append("facts:")
        for rid in sorted(self.mentions):
            quotes = self.mentions[rid]
            out.append("")
            out.append(f"- mention: {rid}")
            out.append("  quote: " + (_q(quotes[0]) if len(quotes) == 1 else "[" + ", ".join(_q(x) for x in quotes) + "]"))
        for lines in self.facts:
            out.append("")
            out.extend(lines)
        return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------- one document

def _document(i: int, seed: int, used: dict) -> tuple[str, str]:
    """(source text, facts YAML) of document ``i``; ``used`` collects registry ids and vocab honors."""
    rng = random.Random(f"{seed}:{i}")
    prov_zh, prov_short, prov_id, prov_en, cities = PROVINCES[rng.randrange(len(PROVINCES))]
    city_zh, city_short, city_id, city_en = cities[rng.randrange(len(cities))]
    year = rng.randint(2015, 2025)
    doc_no = rng.randint(1, 120)
    term, session = rng.randint(13, 17), rng.randint(1, 5)
    sugg_no = rng.randint(1, 400)
    code = f"{city_short[0]}人社字"
    names = _Names(rng)
    d = _Doc()
    R = used["registry"]
    V = used["vocab"]
    prov_rid, city_rid, bureau_rid = f"province-{prov_id}", f"city-{city_id}", f"bureau-{city_id}"
    R[prov_rid] = ("Municipality", prov_zh, f"{prov_en} Province", [prov_short], None)
    R[city_rid] = ("Municipality", city_zh, city_en, [city_short], None)
    bureau_zh = f"{city_zh}人力资源和社会保障局"
    R[bureau_rid] = ("GovernmentBody", bureau_zh, f"{city_en} Municipal Human Resources and Social Security Bureau",
                     [f"{city_zh}人社局"], None)
    R["mohrss"] = ("GovernmentBody", "人力资源和社会保障部", "Ministry of Human Resources and Social Security", ["人社部"], None)

    # ------------------------------------------------------------------ the letter
    ident = f"{code}〔{year}〕{doc_no}号"
    deputy = names.person()
    chief, handler = names.person(), names.person()
    topic_title = rng.choice(["加强我市高技能人才培养", "推进技能人才队伍建设", "完善技能人才评价激励机制",
                              "弘扬工匠精神培育产业工匠", "深化产教融合培养技能人才"])
    d.say(f"{bureau_zh}\n文件\n\n{ident}\n\n对市{term}届人大{session}次会议第{sugg_no:03d}号建议的答复\n\n")
    d.say(f"{deputy.zh}代表：\n您提出的《关于{topic_title}的建议》收悉，经我局研究，现答复如下：\n\n")
    d.mention(bureau_rid, bureau_zh)
    d.mention(bureau_rid, "经我局研究")
    ev = d.fact("congress-session", "Event", f"{city_zh}第{term}届人民代表大会第{session}次会议",
                f"Session {session} of the {term}th {city_en} Municipal People's Congress", f"市{term}届人大{session}次会议")
    d.fact("deputy", "Person", deputy.zh, deputy.en, f"{deputy.zh}代表", deputyOf=ev)
    d.fact("role-deputy", "Role", "人大代表", "People's Congress deputy", f"{deputy.zh}代表")
    d.fact("membership-deputy", "Membership", f"{deputy.zh}任人大代表", f"{deputy.en}, deputy", f"{deputy.zh}代表",
           member="deputy", role="role-deputy")
    d.fact("suggestion", "Suggestion", f"关于{topic_title}的建议", None,
           [f"第{sugg_no:03d}号建议", f"您提出的《关于{topic_title}的建议》收悉"],
           identifier=f"第{sugg_no:03d}号", title=f"关于{topic_title}的建议", author="deputy", submittedAt=ev)

    # ------------------------------------------------------------------ figures
    total = rng.randint(200, 1500) * 1000
    prof, high = total * rng.randint(35, 55) // 100 // 1000 * 1000, total * rng.randint(15, 30) // 100 // 1000 * 1000
    sc, pr, cs, nt, ph = (rng.randint(1, 20), rng.randint(5, 40), rng.randint(0, 3), rng.randint(10, 90), rng.randint(50, 300))
    d.say(f"近年来，{city_short}市委、市政府坚持把抓好技能人才队伍建设作为推动高质量发展的重要举措。"
          f"截至目前，{city_short}人才总量达{_wan(total)}人，其中专技人才{_wan(prof)}人、高技能人才{_wan(high)}人；"
          f"{sc}人享受国务院特殊津贴、{pr}人享受省政府特殊津贴；{cs}人获得“中华技能大奖”、{nt}人获评“全国技术能手”称号，"
          f"{ph}人获得“{prov_short}省技术能手”荣誉称号。\n\n")
    d.mention(city_rid, f"{city_short}人才总量达{_wan(total)}人")
    ptech = f"honor-p-{prov_id}-technical-expert"
    V[ptech] = (f"{prov_short}省技术能手", f"{prov_en} Technical Expert", "provincial")
    for oid, zh, en, quote, measure, value, written, honor in [
        ("obs-talent-total", f"{city_short}人才总量{_wan(total)}人", f"{city_en} talent total {total:,}",
         f"{city_short}人才总量达{_wan(total)}人", "talentTotal", total, f"{_wan(total)}人", None),
        ("obs-professional-talent", f"专技人才{_wan(prof)}人", f"{prof:,} professional and technical talents",
         f"其中专技人才{_wan(prof)}人", "professionalTechnicalTalent", prof, f"{_wan(prof)}人", None),
        ("obs-high-skill-talent", f"高技能人才{_wan(high)}人", f"{high:,} high-skill talents",
         f"高技能人才{_wan(high)}人", "highSkillTalent", high, f"{_wan(high)}人", None),
        ("obs-state-council-allowance", f"{sc}人享受国务院特殊津贴", None, f"{sc}人享受国务院特殊津贴", "honorHolders", sc,
         f"{sc}人", "honor-state-council-special-allowance"),
        ("obs-provincial-allowance", f"{pr}人享受省政府特殊津贴", None, f"{pr}人享受省政府特殊津贴", "honorHolders", pr,
         f"{pr}人", "honor-provincial-special-allowance"),
        ("obs-china-skills-award", f"{cs}人获得中华技能大奖", None, f"{cs}人获得“中华技能大奖”", "honorHolders", cs,
         f"{cs}人", "honor-china-skills-award"),
        ("obs-national-technical-experts", f"{nt}人获评全国技术能手", None, f"{nt}人获评“全国技术能手”称号", "honorHolders", nt,
         f"{nt}人", "honor-national-technical-expert"),
        ("obs-provincial-technical-experts", f"{ph}人获得{prov_short}省技术能手", None,
         f"{ph}人获得“{prov_short}省技术能手”荣誉称号", "honorHolders", ph, f"{ph}人", ptech),
    ]:
        d.fact(oid, "Observation", zh, en, quote, measure=measure, honor=honor, value=value, qualifier="exactly",
               unit="person", sourceValue=written, period="截至目前", about=city_rid)

    # ------------------------------------------------------------------ section 1: policies
    party, gov = f"中共{city_zh}委", f"{city_zh}人民政府"
    n_articles = rng.randint(20, 40)
    art = sorted(rng.sample(range(1, n_articles + 1), 3))
    arts = [("支持校企联合培养技能人才，加速壮大能工巧匠队伍", "topic-training"),
            ("推进企业自主评价技能人才制度，贯通技能人才职业发展通道", "topic-evaluation"),
            ("对新获评的高技能人才给予一次性奖励，落实相关待遇", "topic-incentive"),
            ("鼓励企业设立首席技师岗位，用好用活技能人才", "topic-use")]
    rng.shuffle(arts)
    d.say(f"一、突出政策引领。{city_short}市委、市政府高度重视技能人才队伍建设工作，大力实施高技能人才振兴计划，"
          f"围绕“制造强市”战略提出明确要求。特别是“人才新政{n_articles}条”出台，")
    d.say("，".join(f"第{a}条明确“{t}”" for a, (t, _) in zip(art, arts)) + "等。\n\n")
    d.fact("party-committee", "GovernmentBody", party, f"CPC {city_en} Municipal Committee",
           f"{city_short}市委、市政府高度重视", altLabel=[f"{city_short}市委"])
    d.fact("government", "GovernmentBody", gov, f"{city_en} Municipal People's Government",
           f"{city_short}市委、市政府高度重视", altLabel=[f"{city_short}市政府"])
    d.fact("strategy-manufacturing", "Strategy", "制造强市", "Strong manufacturing city", "围绕“制造强市”战略",
           implementedBy=["party-committee", "government"])
    d.fact("program-high-skill", "Program", "高技能人才振兴计划", "High-skill talent revitalisation plan",
           "大力实施高技能人才振兴计划", implementedBy=["party-committee", "government"])
    d.fact("policy-talent", "Policy", f"人才新政{n_articles}条", f"New Talent Policy, {n_articles} articles",
           f"“人才新政{n_articles}条”出台", articleCount=n_articles, implementedBy=bureau_rid, issuer="government")
    for a, (t, topic) in zip(art, arts):
        d.fact(f"article-{a}", "PolicyArticle", f"人才新政{n_articles}条第{a}条", f"New Talent Policy, article {a}",
               f"第{a}条明确“{t}”", partOf="policy-talent", articleNumber=a, text=t, topic=topic)

    # ------------------------------------------------------------------ section 2: masters and workshops
    since = rng.randint(2005, 2014)
    masters, award = rng.randint(20, 120), rng.choice([1, 2, 3, 5])
    ws_count, grant = rng.randint(10, 60), rng.choice([3, 5, 10])
    interval = rng.choice([2, 3])
    cskill = f"honor-c-{city_id}-skill-master"
    V[cskill] = (f"{city_short}市技能大师", f"{city_en} Skill Master", "municipal")
    companies = []
    company_names = set()
    while len(companies) < 6:
        pre, pre_en = rng.choice(COMPANY_PREFIXES)
        word, word_en = rng.choice(COMPANY_WORDS)
        zh = f"{city_short}{pre}{word}有限公司"
        if zh in company_names:
            continue
        company_names.add(zh)
        companies.append((f"company-{len(companies) + 1}", zh, f"{city_en} {pre_en} {word_en} Co., Ltd."))
    hosts = companies[:3]
    d.say(f"二、突出工程推动。早在{since}年，我市就出台《{city_short}市技能大师评选表彰管理办法》，建立“{'两' if interval == 2 else '三'}年一推”长效机制。"
          f"全市累计评选市级技能大师{masters}名，每人给予{award}万元奖励。出台了《{city_short}市技能大师工作室管理办法》，先后在"
          + "、".join(h[1] for h in hosts) + f"等骨干企业设立“技能大师工作室”{ws_count}家，"
          f"给予每家市级技能大师工作室{grant}万元资金资助。\n\n")
    d.fact("policy-master-selection", "Policy", f"{city_short}市技能大师评选表彰管理办法", None,
           f"出台《{city_short}市技能大师评选表彰管理办法》", title=f"{city_short}市技能大师评选表彰管理办法", date=since,
           issuer=city_rid, establishes="scheme-master-selection", topic=["topic-evaluation", "topic-incentive"])
    d.fact("scheme-master-selection", "SelectionScheme", f"{city_short}市技能大师评选", f"Selection of {city_en} skill masters",
           f"建立“{'两' if interval == 2 else '三'}年一推”长效机制", governedBy="policy-master-selection",
           frequency=f"{'两' if interval == 2 else '三'}年一推", intervalYears=interval)
    d.fact("obs-skill-masters", "Observation", f"累计评选市级技能大师{masters}名", None, f"全市累计评选市级技能大师{masters}名",
           measure="honorHolders", honor=cskill, value=masters, qualifier="exactly", unit="person", sourceValue=f"{masters}名",
           period="累计", about="scheme-master-selection")
    d.fact("funding-master-award", "Funding", f"市级技能大师每人{award}万元奖励", None, f"每人给予{award}万元奖励",
           amount=award * 10000, currency="CNY", sourceValue=f"{award}万元", perUnit="person", funder=city_rid,
           fundedFor="scheme-master-selection", honor=cskill)
    d.fact("policy-workshops", "Policy", f"{city_short}市技能大师工作室管理办法", None,
           f"出台了《{city_short}市技能大师工作室管理办法》", title=f"{city_short}市技能大师工作室管理办法", issuer=city_rid)
    for k, (cid, czh, cen) in enumerate(hosts, 1):
        d.fact(f"workshop-{k}", "MasterWorkshop", f"{czh}技能大师工作室", f"Skill-master workshop at {cen}",
               f"在{'、'.join(h[1] for h in hosts)}等骨干企业设立“技能大师工作室”{ws_count}家",
               hostedBy=cid, governedBy="policy-workshops", level="municipal")
    d.fact("obs-workshops", "Observation", f"设立技能大师工作室{ws_count}家", None, f"设立“技能大师工作室”{ws_count}家",
           measure="workshopsEstablished", value=ws_count, qualifier="exactly", unit="workshop", sourceValue=f"{ws_count}家",
           period="先后", about="policy-workshops")
    d.fact("funding-workshop-grant", "Funding", f"每家市级技能大师工作室{grant}万元资助", None,
           f"给予每家市级技能大师工作室{grant}万元资金资助", amount=grant * 10000, currency="CNY", sourceValue=f"{grant}万元",
           perUnit="workshop", funder=city_rid, fundedFor="policy-workshops")

    # ------------------------------------------------------------------ section 3: the city's competition
    start = rng.randint(2010, 2018)
    editions = max(1, min(year - start, 12))
    trades, participants, viewers = rng.randint(5, 30), rng.randint(1, 9) * 10000, rng.randint(10, 300) * 10000
    tech, craft, medal, youth = rng.randint(30, 200), rng.randint(10, 80), rng.randint(20, 120), rng.randint(10, 60)
    comp_zh = f"“{city_short}技能大比武”职业技能大赛"
    honors_c = {}
    for key, zh, en in [("technical-expert", f"{city_short}市技术能手", "Technical Expert"),
                        ("craftsman", f"{city_short}工匠", "Craftsman"),
                        ("may-day-medal", f"{city_short}市五一劳动奖章", "May Day Labour Medal"),
                        ("youth-post-expert", f"{city_short}市青年岗位能手", "Young Post Expert")]:
        hid = f"honor-c-{city_id}-{key}"
        V[hid] = (zh, f"{city_en} {en}", "municipal")
        honors_c[key] = (hid, zh)
    d.say(f"三、突出竞赛选拔。从{start}年开始，连续{editions}年举办{comp_zh}，每年精心选取{trades}个以上职业工种，"
          f"每年参与竞赛人数达到{_wan(participants)}人以上，在线观看{_wan(viewers)}多人次。先后有{tech}名选手获得“{honors_c['technical-expert'][1]}”，"
          f"{craft}人获得“{honors_c['craftsman'][1]}”，{medal}人获得“{honors_c['may-day-medal'][1]}”荣誉称号，"
          f"{youth}名选手获得“{honors_c['youth-post-expert'][1]}”称号。\n\n")
    d.fact("competition-city", "Competition", comp_zh.replace("“", "").replace("”", ""), f"{city_en} skills contest",
           f"连续{editions}年举办{comp_zh}", startDate=start, frequency="每年", editionCount=editions,
           broadcastVia=["channel-tv", "channel-internet"], location=city_rid, implementedBy=bureau_rid)
    for oid, zh, quote, measure, value, unit, sv, q, honor in [
        ("obs-trades", f"每年选取{trades}个以上职业工种", f"每年精心选取{trades}个以上职业工种", "tradesPerEdition", trades,
         "trade", f"{trades}个以上", "atLeast", None),
        ("obs-participants", f"每年参与竞赛人数{_wan(participants)}人以上", f"每年参与竞赛人数达到{_wan(participants)}人以上",
         "participants", participants, "person", f"{_wan(participants)}人以上", "atLeast", None),
        ("obs-viewers", f"在线观看{_wan(viewers)}多人次", f"在线观看{_wan(viewers)}多人次", "onlineViewers", viewers,
         "personTime", f"{_wan(viewers)}多人次", "moreThan", None),
        ("obs-technical-experts", f"{tech}名选手获得{honors_c['technical-expert'][1]}",
         f"{tech}名选手获得“{honors_c['technical-expert'][1]}”", "honorHolders", tech, "person", f"{tech}名", "exactly",
         honors_c["technical-expert"][0]),
        ("obs-craftsmen", f"{craft}人获得{honors_c['craftsman'][1]}", f"{craft}人获得“{honors_c['craftsman'][1]}”",
         "honorHolders", craft, "person", f"{craft}人", "exactly", honors_c["craftsman"][0]),
        ("obs-may-day-medal", f"{medal}人获得{honors_c['may-day-medal'][1]}", f"{medal}人获得“{honors_c['may-day-medal'][1]}”",
         "honorHolders", medal, "person", f"{medal}人", "exactly", honors_c["may-day-medal"][0]),
        ("obs-youth-post-experts", f"{youth}名选手获得{honors_c['youth-post-expert'][1]}",
         f"{youth}名选手获得“{honors_c['youth-post-expert'][1]}”", "honorHolders", youth, "person", f"{youth}名", "exactly",
         honors_c["youth-post-expert"][0]),
    ]:
        d.fact(oid, "Observation", zh, None, quote, measure=measure, honor=honor, value=value, qualifier=q, unit=unit,
               sourceValue=sv, period="每年" if unit in ("trade", "personTime") or measure == "participants" else "先后",
               about="competition-city")

    # ------------------------------------------------------------------ the provincial contest
    edition_no = rng.randint(1, 5)
    month, day0 = rng.randint(4, 11), rng.randint(1, 24)
    comp_rid = f"competition-{prov_id}-skills"
    R[comp_rid] = ("Competition", f"{prov_zh}职业技能大赛", f"{prov_en} Vocational Skills Competition", [], "provincial")
    leaders = [names.person() for _ in range(4)]
    posts = [("role-secretary", "书记", "Party Secretary", "向大赛致贺信", "sent a letter of congratulation"),
             ("role-governor", "省长", "Governor", "在开幕式上讲话并宣布大赛开幕", "spoke at the opening"),
             ("role-vice-governor", "副省长", "Vice Governor", "出席开幕式", "attended the opening"),
             ("role-provincial-leader", "省领导", "Provincial leader", "出席", "attended")]
    d.say(f"今年{month}月{day0}日至{day0 + 3}日，{prov_zh}第{edition_no}届职业技能大赛在{city_short}成功举办，")
    d.say("，".join(f"{p.zh}{post[1]}{post[3]}" for p, post in zip(leaders, posts)) + "。\n\n")
    d.mention(comp_rid, f"{prov_zh}第{edition_no}届职业技能大赛")
    d.mention(prov_rid, f"{prov_zh}第{edition_no}届职业技能大赛")
    d.fact("contest-edition", "CompetitionEdition", f"{prov_zh}第{edition_no}届职业技能大赛",
           f"Edition {edition_no} of the {prov_en} Vocational Skills Competition",
           f"{prov_zh}第{edition_no}届职业技能大赛在{city_short}成功举办", edition=comp_rid, editionNumber=edition_no,
           startDate=f"@{year}-{month:02d}-{day0:02d}", endDate=f"@{year}-{month:02d}-{day0 + 3:02d}", location=city_rid)
    for k, (p, (rid, role_zh, role_en, act_zh, act_en)) in enumerate(zip(leaders, posts), 1):
        said = f"{p.zh}{role_zh}{act_zh}"
        d.fact(f"leader-{k}", "Person", p.zh, p.en, said)
        d.fact(rid, "Role", role_zh, role_en, f"{p.zh}{role_zh}")
        d.fact(f"membership-leader-{k}", "Membership", f"{p.zh}{role_zh}", f"{p.en}, {role_en}", f"{p.zh}{role_zh}",
               member=f"leader-{k}", role=rid)
        d.fact(f"participation-leader-{k}", "Participation", f"{p.zh}{act_zh}", f"{p.en} {act_en}", said,
               participant=f"leader-{k}", event="contest-edition", activity=act_zh)

    # ------------------------------------------------------------------ section 4: persons and honors
    d.say("四、突出评价激励。")
    industries = rng.sample(INDUSTRIES, 3)
    people = []
    for k in range(1, 11):
        p = names.person()
        cid, czh, cen = companies[(k - 1) % len(companies)]
        trade_zh, trade_en = rng.choice(TRADES)
        hid, hzh = rng.choice(NATIONAL_HONORS + [(honors_c["craftsman"][0], honors_c["craftsman"][1]),
                                                  (cskill, f"{city_short}市技能大师"), (ptech, f"{prov_short}省技术能手")])
        sentence = f"{hzh}获得者、{czh}{trade_zh}{p.zh}"
        d.say(f"{sentence}扎根一线、攻坚克难；")
        people.append((k, p, cid, czh, hid, hzh, trade_zh, trade_en, sentence))
    d.say("\n\n")
    for cid, czh, cen in companies:
        quote = next((s for (_k, _p, c, _z, _h, _hz, _t, _te, s) in people if c == cid), None)
        if quote is None:
            continue
        d.fact(cid, "Company", czh, cen, czh, industry=None)
    roles_done = set()
    for k, p, cid, czh, hid, hzh, trade_zh, trade_en, sentence in people:
        d.fact(f"person-{k}", "Person", p.zh, p.en, [sentence], employer=cid)
        rid = "role-" + hashlib.sha1(trade_zh.encode()).hexdigest()[:8]
        if rid not in roles_done:
            roles_done.add(rid)
            d.fact(rid, "Role", trade_zh, trade_en, f"{trade_zh}{p.zh}")
        d.fact(f"membership-person-{k}", "Membership", f"{czh}{trade_zh}{p.zh}", f"{p.en}, {trade_en.lower()}",
               f"{czh}{trade_zh}{p.zh}", member=f"person-{k}", role=rid, organization=cid)
        d.fact(f"conferral-person-{k}", "HonorConferral", f"{p.zh}，{hzh}", None, sentence, recipient=f"person-{k}", honor=hid)
    nat = sorted(rng.sample(range(NATIONAL_POOL), 3))
    nat_people = [_national_person(k) for k in nat]
    d.say("我市还邀请" + "、".join(f"“大国工匠”{np.zh}" for np in nat_people) + "等来到企业传授技艺。\n\n")
    for np_ in nat_people:
        rid = f"person-{np_.slug}"
        R[rid] = ("Person", np_.zh, np_.en, [], None)
        d.mention(rid, f"“大国工匠”{np_.zh}")
        d.fact(f"conferral-{np_.slug}", "HonorConferral", f"{np_.zh}，大国工匠", None, f"“大国工匠”{np_.zh}",
               recipient=rid, honor="honor-great-craftsman")

    # ------------------------------------------------------------------ section 5: media
    d.say("五、突出宣传引导。")
    reports = []
    for k in range(1, 11):
        _k, p, cid, czh, hid, hzh, trade_zh, _te, _s = people[k - 1]
        oid, ozh, oen = rng.choice(OUTLETS)
        R[oid] = ("MediaOutlet", ozh, oen, [], None)
        prog = rng.choice(PROGRAMMES)
        title = rng.choice([f"{p.zh}：匠心铸就{trade_zh}之路", f"{hzh}{p.zh}的十年坚守", f"走近{czh}的{p.zh}",
                            f"{city_short}{trade_zh}{p.zh}：技能成就梦想"])
        m, dd = rng.randint(1, 12), rng.randint(1, 28)
        said = f"{m}月{dd}日{ozh}《{prog}》推出《{title}》"
        d.say(said + "；")
        d.mention(oid, f"{ozh}《{prog}》")
        reports.append((k, title, oid, prog, f"{year}-{m:02d}-{dd:02d}", said, cid))
    d.say("组织省市两级媒体对我市重点人才进行了专题采访报道。\n\n")
    for k, title, oid, prog, date, said, cid in reports:
        d.fact(f"report-{k}", "MediaReport", title, None, said, title=title, publisher=oid, programme=prog,
               date=f"@{date}", subject=[f"person-{k}", cid])

    # ------------------------------------------------------------------ section 6: industries and next steps
    chains = rng.randint(5, 20)
    d.say(f"六、突出产业支撑。为推动全市{chains}条产业链创新发展，聚焦我市" + "、".join(x[0] for x in industries)
          + "等产业集群，组织产业链内部技能人才科技创新成果评选。\n\n")
    d.fact("obs-industrial-chains", "Observation", f"全市{chains}条产业链", f"{chains} industrial chains in {city_en}",
           f"为推动全市{chains}条产业链创新发展", measure="industrialChains", value=chains, qualifier="exactly",
           unit="industrialChain", sourceValue=f"{chains}条", about=city_rid)
    for k, (zh, en) in enumerate(industries, 1):
        d.fact(f"industry-{k}", "Industry", zh, en, "、".join(x[0] for x in industries) + "等产业集群")
    d.fact("scheme-chain-innovation", "SelectionScheme", "产业链内部技能人才科技创新成果评选", None,
           "组织产业链内部技能人才科技创新成果评选", topic="topic-incentive")
    d.say(f"下一步，我局将继续落实“人才新政{n_articles}条”，深化实施技能提升行动，持续推动技能人才队伍建设。\n\n"
          f"感谢您对人力资源和社会保障工作的关心和支持。\n\n")
    d.fact("program-skills-upgrading", "Program", "技能提升行动", "Skills upgrading action", "深化实施技能提升行动",
           implementedBy=bureau_rid, claim=f"下一步，我局将继续落实“人才新政{n_articles}条”，深化实施技能提升行动")
    d.say(f"{bureau_zh}\n{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日\n\n承办负责人：{chief.zh}\n承  办  人：{handler.zh}\n"
          f"联系电话：0{rng.randint(700, 799)}-{rng.randint(20000000, 29999999)}\n")
    d.fact("handler-in-charge", "Person", chief.zh, chief.en, f"承办负责人：{chief.zh}")
    d.fact("handler", "Person", handler.zh, handler.en, f"承  办  人：{handler.zh}")
    d.fact("reply-letter", "ReplyLetter", f"对市{term}届人大{session}次会议第{sugg_no:03d}号建议的答复", None,
           [ident, f"对市{term}届人大{session}次会议第{sugg_no:03d}号建议的答复", "感谢您对人力资源和社会保障工作的关心和支持。"],
           identifier=ident, title=f"对市{term}届人大{session}次会议第{sugg_no:03d}号建议的答复", issuer=bureau_rid,
           addressee="deputy", repliesTo="suggestion", handlerInCharge="handler-in-charge", handler="handler",
           accessRights="同意对外公开", date=year)
    d.mention("mohrss", "人力资源和社会保障工作")
    text = d.source()
    facts = d.facts_yaml(f"gen-{i:05d}", {"file": "source.txt", "publisher": bureau_zh,
                                            "title": f"对市{term}届人大{session}次会议第{sugg_no:03d}号建议的答复",
                                            "published": f"@{year}", "retrieved": "@2026-11-28"})
    return text, facts, d


# ---------------------------------------------------------------------------------------------- the corpus

@dataclass
class GenerateResult:
    """What ``generate`` wrote."""

    out: Path
    documents: int
    facts: int
    seconds: float


def _registry_yaml(registry: dict) -> str:
    lines = ["# Shared entities of the synthetic corpus (benchmarks/gen_corpus.py); only those some document names.",
             "entities:"]
    for rid in sorted(registry):
        cls, zh, en, alt, level = registry[rid]
        lines += ["", f"- id: {rid}", f"  a: {cls}", "  label: {zh: " + _q(zh) + ", en: " + _q(en) + "}"]
        if alt:
            lines.append("  altLabel: [" + ", ".join(_q(a) for a in alt) + "]")
        if level:
            lines.append(f"  level: {level}")
    return "\n".join(lines) + "\n"


def _vocab_yaml(vocab: dict) -> str:
    lines = ["# Honors of provinces and cities named by the synthetic corpus (benchmarks/gen_corpus.py).", "honors:"]
    for hid in sorted(vocab):
        zh, en, level = vocab[hid]
        lines += [f"- id: {hid}", "  label: {zh: " + _q(zh) + ", en: " + _q(en) + "}", f"  level: {level}"]
    return "\n".join(lines) + "\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return  # unchanged files keep their modification time
    path.write_bytes(data)


def generate(out: Path, *, docs: int, seed: int = 1, check: bool = False) -> GenerateResult:
    """Write a corpus of ``docs`` documents into ``out`` (documents/, registry/, vocab/); deterministic per seed.

    Existing identical files are left untouched; documents beyond ``docs`` from an earlier run are removed.
    ``check`` re-reads every quote against its text (slow; the tests do it).
    """
    t0 = time.perf_counter()
    out = Path(out)
    used = {"registry": {}, "vocab": {}}
    n_facts = 0
    names = set()
    for i in range(docs):
        doc_id = f"gen-{i:05d}"
        names.add(doc_id)
        text, facts, d = _document(i, seed, used)
        if check:
            d.check()
        n_facts += len(d.facts) + len(d.mentions)
        _write(out / "documents" / doc_id / "source.txt", text)
        _write(out / "documents" / doc_id / "facts.yaml", facts)
    docs_dir = out / "documents"
    for old in docs_dir.iterdir():
        if old.name not in names and old.name.startswith("gen-"):
            shutil.rmtree(old)
    _write(out / "registry" / "entities.yaml", _registry_yaml(used["registry"]))
    _write(out / "vocab" / "generated-honors.yaml", _vocab_yaml(used["vocab"]))
    return GenerateResult(out=out, documents=docs, facts=n_facts, seconds=time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=100, help="number of documents (default 100)")
    ap.add_argument("--out", type=Path, default=None, help="corpus folder (default build/corpus/<docs>)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--check", action="store_true", help="check every quote against its text")
    args = ap.parse_args(argv)
    out = args.out or Path(__file__).resolve().parent.parent / "build" / "corpus" / str(args.docs)
    r = generate(out, docs=args.docs, seed=args.seed, check=args.check)
    print(f"wrote {r.documents} documents ({r.facts} facts and mentions) to {r.out} in {r.seconds:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
