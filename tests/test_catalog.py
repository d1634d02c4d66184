"""Every catalog question answered on the built graph, checked against the source text (not against a run).

Expected rows are written from data/sources/000_cac52bcbbc1639b0.txt: e.g. 26 workshops × 50,000 CNY,
50 masters × 20,000 CNY, the contest of 7月3日至6日, the officials and what they did.
"""
from __future__ import annotations

import re
from decimal import Decimal

import pytest
from rdflib import Literal, URIRef

from kg.api import catalog, query
from kg.ask.catalog import HEADER_KEYS, parse_header
from kg.paths import QUERIES_DIR, VERIFY_DIR

KG = "https://w3id.org/kg-talent/ontology#"
KGR = "https://w3id.org/kg-talent/id/"
WORKSHOP_QUOTE = "先后在株洲电力机车有限公司、南方公司、南方宇航等骨干企业设立“技能大师工作室”26家"
CONGRESS_QUOTE = "优秀技能人才代表袁健松、易冉相继当选党的十九大、二十大全国代表"
TITLE_WU_ZHE = "焊花几秒钟，背后十年功——记全国五一劳动奖章获得者、株洲联诚集团减振器公司焊接技师吴哲"
TITLE_YI_RAN = "大国工匠 匠心报国 中车株辆公司电焊“花木兰”易冉"
TITLE_CHEN_1 = "她是IPC全球7名常委之一，获IPC总裁奖的首位中国专家 陈志漫：为更多世界标准提供中国方案"
TITLE_CHEN_2 = "国内获IPC总裁奖第一人是个株洲妹子"
TITLE_CHEN_3 = "国内第一人 中车株洲所时代电气工艺专家陈志漫获IPC总裁奖"
PROFILES = "中车总工杨颖、企业家李玉龙、老模吴南根等相关人才报道"
SERIES = "围绕“三高四新”战略的产业集群系列宣传报道"
ARTICLE_9 = "支持校企联合培养技能人才，发挥株洲职教园优势，加速壮大能工巧匠队伍，造就名师巨匠楷模"
ARTICLE_18 = "推进企业自主评价技能人才制度，搭建企业人才成长桥梁，贯通技能人才职业发展通道"
ZX = "株洲市人力资源和社会保障局"
N = None

# Columns holding a GROUP_CONCAT (order not defined by SPARQL): compared as sets of their 、-separated parts.
SET_COLUMNS = {"honor-holder-counts": {"honors", "level"}, "tv-contest": {"channels"},
               "programs-and-strategies": {"implemented_by"}}
# Questions whose row order is part of the answer (ORDER BY on numbers or dates).
ORDERED = {"all-figures", "talent-totals", "timeline", "funding-totals", "honor-holder-counts"}

EXPECTED: dict[str, list[tuple]] = {
    "all-figures": [
        ("在线观看100多万人次", 1000000, "more than", "person-time", "100多万人次"),
        ("株洲人才总量59.8万人", 598000, "exactly", "person", "59.8万人"),
        ("专技人才30.1万人", 301000, "exactly", "person", "30.1万人"),
        ("高技能人才13万人", 130000, "exactly", "person", "13万人"),
        ("每年参与竞赛人数3万人以上", 30000, "at least", "person", "3万人以上"),
        ("430余名选手获得国家职业资格等级证书", 430, "more than", "person", "430余名"),
        ("165人获得湖南省技术能手", 165, "exactly", "person", "165人"),
        ("106名选手获得株洲市技术能手", 106, "exactly", "person", "106名"),
        ("83人获得株洲市五一劳动奖章", 83, "exactly", "person", "83人"),
        ("52人获评全国技术能手、湖南省技能大师称号", 52, "exactly", "person", "52人"),
        ("累计评选市级技能大师50名", 50, "exactly", "person", "50名"),
        ("46人获得株洲工匠", 46, "exactly", "person", "46人"),
        ("43名选手获得株洲市青年岗位能手", 43, "exactly", "person", "43名"),
        ("设立技能大师工作室26家", 26, "exactly", "workshop", "26家"),
        ("15人享受省政府特殊津贴", 15, "exactly", "person", "15人"),
        ("全市13条产业链", 13, "exactly", "industrial chain", "13条"),
        ("每年选取10个以上职业工种", 10, "at least", "trade", "10个以上"),
        ("8人享受国务院特殊津贴", 8, "exactly", "person", "8人"),
        ("IPC全球7名常委", 7, "exactly", "person", "7名"),
        ("1人获得中华技能大奖", 1, "exactly", "person", "1人"),
    ],
    "contest-officials": [
        ("周农", "省领导", N, "出席"), ("张庆伟", "书记", N, "致贺信"), ("李微微", "省领导", N, "出席"),
        ("李殿勋", "省领导", N, "出席"), ("毛伟明", "省长", N, "在开幕式上讲话并宣布大赛开幕"),
        ("汤涛", "副部长", "人力资源和社会保障部", "致辞"),
    ],
    "find-quote": [  # default text=株洲电力机车; offsets are checked against the source below
        ("南方公司技能大师工作室", 885, WORKSHOP_QUOTE), ("南方宇航技能大师工作室", 885, WORKSHOP_QUOTE),
        ("株洲电力机车有限公司技能大师工作室", 885, WORKSHOP_QUOTE), ("株洲电力机车有限公司", 888, "株洲电力机车有限公司"),
    ],
    "funding-totals": [
        ("每家市级技能大师工作室5万元资助", 50000, "workshop", 26, 1300000, "CNY"),
        ("市级技能大师每人2万元奖励", 20000, "person", 50, 1000000, "CNY"),
    ],
    "honor-holder-counts": [
        ({"国家职业资格等级证书"}, {"国家级"}, 430, "more than", "430余名", "先后"),
        ({"湖南省技术能手"}, {"省级"}, 165, "exactly", "165人", "截至目前"),
        ({"株洲市技术能手"}, {"市级"}, 106, "exactly", "106名", "先后"),
        ({"株洲市五一劳动奖章"}, {"市级"}, 83, "exactly", "83人", "先后"),
        ({"全国技术能手", "湖南省技能大师"}, {"国家级", "省级"}, 52, "exactly", "52人", "截至目前"),
        ({"株洲市技能大师"}, {"市级"}, 50, "exactly", "50名", "累计"),
        ({"株洲工匠"}, {"市级"}, 46, "exactly", "46人", "先后"),
        ({"株洲市青年岗位能手"}, {"市级"}, 43, "exactly", "43名", "先后"),
        ({"省政府特殊津贴"}, {"省级"}, 15, "exactly", "15人", "截至目前"),
        ({"国务院特殊津贴"}, {"国家级"}, 8, "exactly", "8人", "截至目前"),
        ({"中华技能大奖"}, {"国家级"}, 1, "exactly", "1人", "截至目前"),
    ],
    "honors-by-person": [
        ("吴南根", "劳动模范", "级别未说明", "老模吴南根"),
        ("吴哲", "全国五一劳动奖章", "国家级", "全国五一劳动奖章获得者、株洲联诚集团减振器公司焊接技师吴哲"),
        ("易冉", "党的二十大代表", "国家级", CONGRESS_QUOTE),
        ("易冉", "大国工匠", "国家级", f"《{TITLE_YI_RAN}》"),
        ("易冉", "大国工匠", "国家级", "对接央视对大国工匠易冉进行了采访报道"),
        ("欧清莲班", "工人先锋号", "级别未说明", "工人先锋号“欧清莲班”"),
        ("袁健松", "党的十九大代表", "国家级", CONGRESS_QUOTE),
        ("陈志漫", "IPC总裁奖", "国际级", "国内第一人 中车株洲所时代电气工艺专家陈志漫获IPC总裁奖"),
        ("陈志漫", "IPC总裁奖", "国际级", "获IPC总裁奖的首位中国专家"),
    ],
    "industries": [("航空动力", "Aviation power"), ("硬质合金", "Cemented carbide"), ("轨道交通", "Rail transit")],
    "media-reports": [
        (N, N, "三高四新", SERIES),
        (N, N, "中车株洲所时代电气", TITLE_CHEN_3),
        ("中央电视台", "朝闻天下", "中车株辆公司", TITLE_YI_RAN),
        ("中央电视台", "朝闻天下", "易冉", TITLE_YI_RAN),
        (N, N, "吴南根", "中车总工杨颖、企业家李玉龙、老模吴南根等人才报道"),
        (N, N, "李玉龙", "中车总工杨颖、企业家李玉龙、老模吴南根等人才报道"),
        (N, N, "杨颖", "中车总工杨颖、企业家李玉龙、老模吴南根等人才报道"),
        ("新闻株洲", "劳动者之歌", "吴哲", "吴哲：焊枪照亮青春"),
        ("湖南日报", "头版", "吴哲", TITLE_WU_ZHE),
        ("湖南日报", "头版", "株洲联诚集团减振器公司", TITLE_WU_ZHE),
        ("红网", N, "株洲市", "湖南株洲：一位全国劳模与两床毯子的故事"),
        ("新闻株洲", "劳动者之歌", "欧清莲班", "工人先锋号“欧清莲班”花火中的闪亮人生"),
        (N, N, "陈志漫", TITLE_CHEN_3), (N, N, "陈志漫", TITLE_CHEN_2), (N, N, "陈志漫", TITLE_CHEN_1),
    ],
    "organization-profile": [  # default name=株洲市人力资源和社会保障局 (我局): also the actor of measures and commitments
        ('←', '发文机关', '对市十六届人大一次会议第010号建议的答复'),
        ('←', '实施主体', '“技能天下”职业技能电视大赛'),
        ('←', '实施主体', '人才新政30条'),
        ('←', '实施主体', '在人才培训、认定和奖补方面向技能人才倾斜'),
        ('←', '实施主体', '培养更多大国工匠、能工巧匠'),
        ('←', '实施主体', '培养更多的复合型技术人才'),
        ('←', '实施主体', '形成产教融合新格局'),
        ('←', '实施主体', '技能提升行动'),
        ('←', '实施主体', '推进校企深度融合'),
        ('←', '实施主体', '深化实施技能提升行动'),
        ('←', '实施主体', '突出典型宣传'),
        ('←', '实施主体', '继续落实“人才新政30条”'),
        ('←', '实施主体', '转化技能大赛成果'),
        ('←', '行为主体', '央视采访大国工匠易冉'),
        ('←', '行为主体', '收集科技类、金融管理类、工匠类优秀人物和相关事迹'),
    ],
    "organizations": [
        ("企业", "中车", N), ("企业", "中车株洲所时代电气", N), ("企业", "中车株辆公司", N), ("企业", "南方公司", N),
        ("企业", "南方宇航", N), ("企业", "株洲电力机车有限公司", N), ("企业", "株洲联诚集团减振器公司", N),
        ("媒体", "中央电视台", "央视"), ("媒体", "新闻株洲", N), ("媒体", "湖南日报", N), ("媒体", "红网", N),
        ("政府机构", "中共株洲市委", "株洲市委"), ("政府机构", "人力资源和社会保障部", "人社部"), ("政府机构", "人力资源和社会保障部", "人力资源社会保障部"),
        ("政府机构", "国务院办公厅", "国办"), ("政府机构", ZX, "株洲市人社局"),
        ("政府机构", "株洲市人民政府", "株洲市政府"), ("政府机构", "株洲市总工会", "市总工会"),
        ("政府机构", "株洲市科学技术局", "市科技局"), ("政府机构", "株洲市金融办", "市金融办"),
        ("班组", "欧清莲班", N), ("行业协会", "IPC", N),
    ],
    "people-roles": [
        ("吴哲", "焊接技师", "株洲联诚集团减振器公司"), ("周农", "省领导", N), ("张庆伟", "书记", N),
        ("易冉", "电焊工", "中车株辆公司"), ("李微微", "省领导", N), ("李殿勋", "省领导", N), ("李玉龙", "企业家", N),
        ("杨正文", "人大代表", N), ("杨颖", "总工", "中车"), ("毛伟明", "省长", N),
        ("汤涛", "副部长", "人力资源和社会保障部"), ("陈志漫", "IPC全球常委", "IPC"), ("陈志漫", "工艺专家", "中车株洲所时代电气"),
    ],
    "person-profile": [  # default name=易冉
        ("工作单位", "中车株辆公司", N), ("报道", TITLE_YI_RAN, "中央电视台"), ("称号", "电焊“花木兰”", N),
        ("职务", "电焊工", "中车株辆公司"), ("荣誉", "党的二十大代表", "国家级"), ("荣誉", "大国工匠", "国家级"),
    ],
    "policies": [
        ("人才新政30条", N, N, ZX, N),  # the letter names no issuer; the bureau 继续落实 it
        ("关于深化科技奖励制度改革方案的通知", "国办函〔2017〕55号", "国务院办公厅", N, "2017"),
        ("国家职业资格目录", N, N, N, N),  # registry label (altLabel 国家职业资格目录清单)
        ("株洲市技能大师工作室管理办法", N, "株洲市", N, N),
        ("株洲市技能大师评选表彰管理办法", N, "株洲市", N, "2008"),
    ],
    "policy-article-topics": [
        ("人才新政30条", 9, "技能人才培养", ARTICLE_9), ("人才新政30条", 18, "技能人才评价", ARTICLE_18),
    ],
    "programs-and-strategies": [
        ("技能提升行动", "工程/行动", "Skills upgrading action", {ZX}),
        ("高技能人才支撑工程", "工程/行动", "High-skill talent support project", {"中共株洲市委", "株洲市人民政府"}),
        ("三高四新", "战略", '"Three Highs and Four News" strategy', {""}),
        ("中国制造2025", "战略", "Made in China 2025", {""}),
        ("打造三个高地、培育制造名城、建设幸福株洲", "战略",
         "Build three highlands, foster a famous manufacturing city, build a happy Zhuzhou", {"中共株洲市委", "株洲市人民政府"}),
    ],
    "provincial-contest": [("湖南省第一届职业技能大赛", 1, "2022-07-03", "2022-07-06", "株洲市", "湖南省职业技能大赛")],
    "readings": [
        ("在线观看100多万人次", "Read as per year, following 每年 at the start of the same sentence."),
        (TITLE_YI_RAN, "5月5日 has no year in the text; resolved to 2022, the year of the letter."),
        ("易冉当选党的二十大代表", "相继 (one after the other) read as respectively - Yuan Jiansong to the 19th, Yi Ran to the 20th congress."),
        ("株洲市取消市级科学技术奖评选", "同年 resolved to 2017, the year of the State Council notice in the sentence before."),
        ("湖南省第一届职业技能大赛", "今年 resolved to 2022, the year of the letter."),
        ("突出典型宣传", "The section names no subject; the bureau is read as the actor, as for the interview it arranged (interview-cctv-yi-ran)."),
        ("袁健松当选党的十九大代表", "相继 (one after the other) read as respectively - Yuan Jiansong to the 19th, Yi Ran to the 20th congress."),
    ],
    "reply-letter": [("株人社字〔2022〕37号", ZX, "杨正文", "关于加强我市高技能人才培养的建议", "田智思", "万怡", "18073339653")],
    "talent-totals": [
        ("人才总量", 598000, "exactly", "59.8万人", "截至目前"),
        ("专技人才", 301000, "exactly", "30.1万人", "截至目前"),
        ("高技能人才", 130000, "exactly", "13万人", "截至目前"),
    ],
    "timeline": [
        ("2008", N, "株洲市技能大师评选表彰管理办法", "政策文件"),
        ("2014", N, "“技能天下”职业技能电视大赛", "竞赛"),
        ("2017", N, "关于深化科技奖励制度改革方案的通知", "政策文件"),
        ("2017", N, "株洲市取消市级科学技术奖评选", "事件"),
        ("2022", N, "对市十六届人大一次会议第010号建议的答复", "答复函"),
        ("2022-05-05", N, TITLE_YI_RAN, "媒体报道"),
        ("2022-07-03", "2022-07-06", "湖南省第一届职业技能大赛", "竞赛届次"),
    ],
    "topics": [  # policy articles, schemes and policies, and the letter's measures (工作举措) and commitments (工作承诺)
        ('人才战略', '突出政策引领', '工作举措'),
        ('人才战略', '继续落实“人才新政30条”', '工作承诺'),
        ('宣传与弘扬工匠精神', '突出典型宣传', '工作举措'),
        ('技能人才使用', '突出政策引领', '工作举措'),
        ('技能人才培养', '人才新政30条第9条', '政策条款'),
        ('技能人才培养', '在人才培训、认定和奖补方面向技能人才倾斜', '工作承诺'),
        ('技能人才培养', '培养更多大国工匠、能工巧匠', '工作承诺'),
        ('技能人才培养', '培养更多的复合型技术人才', '工作承诺'),
        ('技能人才培养', '形成产教融合新格局', '工作承诺'),
        ('技能人才培养', '推进校企深度融合', '工作承诺'),
        ('技能人才培养', '深化实施技能提升行动', '工作承诺'),
        ('技能人才培养', '突出工程推动', '工作举措'),
        ('技能人才培养', '突出政策引领', '工作举措'),
        ('技能人才培养', '转化技能大赛成果', '工作承诺'),
        ('技能人才激励', '产业链内部技能人才科技创新成果评选', '评选机制'),
        ('技能人才激励', '在人才培训、认定和奖补方面向技能人才倾斜', '工作承诺'),
        ('技能人才激励', '株洲市技能大师评选表彰管理办法', '政策文件'),
        ('技能人才激励', '突出工程推动', '工作举措'),
        ('技能人才激励', '突出成果转化', '工作举措'),
        ('技能人才激励', '突出政策引领', '工作举措'),
        ('技能人才激励', '突出评价激励', '工作举措'),
        ('技能人才评价', '人才新政30条第18条', '政策条款'),
        ('技能人才评价', '国家职业资格目录', '政策文件'),
        ('技能人才评价', '在人才培训、认定和奖补方面向技能人才倾斜', '工作承诺'),
        ('技能人才评价', '株洲市技能大师评选表彰管理办法', '政策文件'),
        ('技能人才评价', '突出政策引领', '工作举措'),
        ('技能人才评价', '突出评价激励', '工作举措'),
        ('技能竞赛', '突出评价激励', '工作举措'),
        ('技能竞赛', '转化技能大赛成果', '工作承诺'),
    ],
    "tv-contest": [
        ("2014", 7, {"电视", "网络", "微信直播"}, "每届职业工种数", 10, "at least"),
        ("2014", 7, {"电视", "网络", "微信直播"}, "参赛人数", 30000, "at least"),
        ("2014", 7, {"电视", "网络", "微信直播"}, "在线观看人次", 1000000, "more than"),
    ],
    "workshop-hosts": [
        ("南方公司", "南方公司技能大师工作室", "市级", 50000, "CNY"),
        ("南方宇航", "南方宇航技能大师工作室", "市级", 50000, "CNY"),
        ("株洲电力机车有限公司", "株洲电力机车有限公司技能大师工作室", "市级", 50000, "CNY"),
    ],
}


def cell(term):
    """A result term as a plain value: numbers as int, everything else as its text."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() else value
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return str(term)


def answer(name, graph, params=None):
    result = query(name, graph=graph, params=params)
    sets = SET_COLUMNS.get(name, set())
    rows = []
    for row in result.rows:
        values = []
        for var in result.variables:
            v = cell(row.get(var))
            values.append(frozenset(v.split("、")) if var in sets and v is not None else v)
        rows.append(tuple(values))
    return result, rows


def _expected(name):
    return [tuple(frozenset(v) if isinstance(v, set) else v for v in row) for row in EXPECTED[name]]


def test_every_question_has_an_expected_answer():
    assert set(catalog()) == set(EXPECTED) | {"person-mentioned", "person-graph"}
    assert len(catalog()) >= 20


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_question_answer(graph, name):
    result, rows = answer(name, graph)
    assert result.variables == catalog()[name].columns
    if name in ORDERED:
        assert rows == _expected(name)
    else:
        assert sorted(rows, key=repr) == sorted(_expected(name), key=repr)


def test_headline_figures(graph):
    """The figures the issue names: 52 for 全国技术能手 with 湖南省技能大师, 26 × 50,000 and 50 × 20,000."""
    _, counts = answer("honor-holder-counts", graph)
    assert [r[2] for r in counts if "全国技术能手" in r[0]] == [52]
    assert [r[0] for r in counts if r[2] == 52] == [frozenset({"全国技术能手", "湖南省技能大师"})]
    _, totals = answer("funding-totals", graph)
    assert {(r[3], r[1], r[4]) for r in totals} == {(26, 50000, 1300000), (50, 20000, 1000000)}


def test_figures_and_quotes_are_words_of_the_source(graph, source_text):
    _, figures = answer("all-figures", graph)
    for row in figures:
        assert row[4] in source_text
    _, honors = answer("honors-by-person", graph)
    for row in honors:
        assert row[3] in source_text
    _, found = answer("find-quote", graph)
    for fact, start, quote in found:
        assert source_text[start:start + len(quote)] == quote


def test_person_mentioned_and_graph(graph):
    assert query("person-mentioned", graph=graph).boolean is True
    assert query("person-mentioned", graph=graph, params={"name": "张三"}).boolean is False
    g = query("person-graph", graph=graph).graph
    yi = URIRef(KGR + "zhuzhou-2022-37/yi-ran")
    assert set(g.subjects()) == {yi}
    assert set(g.objects(yi, URIRef(KG + "awardReceived"))) == {URIRef(KG + "honor-party-congress-20-delegate"),
                                                                URIRef(KG + "honor-great-craftsman")}
    assert set(g.objects(yi, URIRef(KG + "employer"))) == {URIRef(KGR + "zhuzhou-2022-37/crrc-zhuzhou-rolling-stock")}


def test_person_profile_of_chen_zhiman(graph):
    _, rows = answer("person-profile", graph, {"name": "陈志漫"})
    assert sorted(rows, key=repr) == sorted([
        ("工作单位", "中车株洲所时代电气", N), ("报道", TITLE_CHEN_3, N), ("报道", TITLE_CHEN_2, N),
        ("报道", TITLE_CHEN_1, N), ("职务", "IPC全球常委", "IPC"), ("职务", "工艺专家", "中车株洲所时代电气"),
        ("荣誉", "IPC总裁奖", "国际级"), ("说明", "国内获IPC总裁奖第一人", N), ("说明", "株洲妹子", N),
        ("说明", "获IPC总裁奖的首位中国专家", N),
    ], key=repr)


def test_organization_profile_by_short_name_and_of_a_host(graph):
    _, by_alt = answer("organization-profile", graph, {"name": "株洲市人社局"})
    assert sorted(by_alt, key=repr) == sorted(_expected("organization-profile"), key=repr)
    _, host = answer("organization-profile", graph, {"name": "株洲电力机车有限公司"})
    assert host == [("←", "依托单位", "株洲电力机车有限公司技能大师工作室")]


# ---------------------------------------------------------------- drift


def _rq_files():
    return sorted(QUERIES_DIR.glob("*.rq")) + sorted(VERIFY_DIR.glob("*.rq"))


@pytest.mark.parametrize("path", _rq_files(), ids=lambda p: p.relative_to(QUERIES_DIR).as_posix())
def test_every_query_parses_and_has_the_header(path):
    from rdflib.plugins.sparql import prepareQuery

    text = path.read_text(encoding="utf-8")
    header = parse_header(text)
    assert [k for k in HEADER_KEYS if not header.get(k)] == []
    assert re.search(r"[\u4e00-\u9fff]", header["title-zh"]), "title-zh must be Chinese"
    prepareQuery(text)


def test_header_columns_of_ask_and_graph_questions():
    from kg.ask.sparql import query_kind

    for q in catalog().values():
        kind = query_kind(q.text)
        if kind == "ask":
            assert q.columns == ["boolean"], q.name
        elif kind == "graph":
            assert q.columns == ["graph"], q.name
        for name in q.params:  # every declared parameter is a variable of the query
            assert f"?{name}" in q.text, (q.name, name)
