"""Every catalog question answered on the corpus (every document under data/documents/), checked against the
source texts, not against a run.

Expected rows are written from the documents' texts: the figures as written (59.8万人, 45.7万人, 6名个人), the
persons and what they hold (湘潭钢铁集团有限公司维修电工高级技师伍志明 … 获称“全国技术能手”), the sessions of the
suggestions answered (市五届人大二次会议第52025号建议), which documents name a shared entity (汤涛 in the Zhuzhou
letter and in the news of the contest's opening). Every question orders its rows fully, so rows are compared in
order; concatenated columns (``# concat:``) are compared as sets of their parts.
"""
from __future__ import annotations

import re
import shutil
from decimal import Decimal

import pytest
from rdflib import Literal, URIRef

from kg.api import catalog, query
from kg.ask.catalog import HEADER_KEYS, parse_header
from kg.paths import QUERIES_DIR, VERIFY_DIR
from tests.conftest import CORPUS

KG = "https://w3id.org/kg-talent/ontology#"
KGR = "https://w3id.org/kg-talent/id/"
N = None
# The documents of the corpus (data/documents/<id>/).
ZZ = "zhuzhou-2022-37"                                    # 株人社字〔2022〕37号, reply to deputy 杨正文
CC = "changchun-2020-reply-242"                           # 长人社议字〔2020〕9号, reply to deputy 李志新
H20 = "hunan-2020-news-proposal-reply-visit"              # news: the provincial department replies to a CPPCC proposal
H22 = "hunan-2022-news-skills-competition-opening"        # news: the 1st Hunan vocational skills competition opens
H23 = "hunan-2023-news-high-skill-commendation"           # Hunan Daily: Hunan honorees of the 16th commendation
MO = "mohrss-2018-reply-4264"                             # 人社建字〔2018〕24号, the ministry's reply to suggestion 4264
OR = "ordos-2023-reply-52025"                             # 鄂建提复字〔2023〕116号, reply to deputy 孙志刚
SH = "shanghai-jiading-2024-news-skill-master-workshop"   # news: a Shanghai skill-master workshop unveiled in Jiading
DOCS = {ZZ, CC, H20, H22, H23, MO, OR, SH}
WORKSHOP_QUOTE = "先后在株洲电力机车有限公司、南方公司、南方宇航等骨干企业设立“技能大师工作室”26家"
H23_EXPERTS = ("湘潭钢铁集团有限公司维修电工高级技师伍志明,湖南省汽车技师学院焊接专业教师向杰,金杯电工衡阳电缆有限公司"
               "电线电缆检验工高级技师李艳,娄底职业技术学院养老护理专业教师祝青获称“全国技术能手”")
CONGRESS_QUOTE = "优秀技能人才代表袁健松、易冉相继当选党的十九大、二十大全国代表"
TITLE_WU_ZHE = "焊花几秒钟，背后十年功——记全国五一劳动奖章获得者、株洲联诚集团减振器公司焊接技师吴哲"
TITLE_YI_RAN = "大国工匠 匠心报国 中车株辆公司电焊“花木兰”易冉"
TITLE_CHEN_1 = "她是IPC全球7名常委之一，获IPC总裁奖的首位中国专家 陈志漫：为更多世界标准提供中国方案"
TITLE_CHEN_2 = "国内获IPC总裁奖第一人是个株洲妹子"
TITLE_CHEN_3 = "国内第一人 中车株洲所时代电气工艺专家陈志漫获IPC总裁奖"
PROFILES = "中车总工杨颖、企业家李玉龙、老模吴南根等人才报道"
H23_REPORT = "湖南日报：我省1家单位、6名个人在第十六届高技能人才表彰大会上获表彰"
ZX = "株洲市人力资源和社会保障局"
CONTEST = "湖南省第一届职业技能大赛"
SESSION_CC = "长春市第十五届人民代表大会第四次会议"
SESSION_MO = "第十三届全国人民代表大会第一次会议"
SESSION_OR = "鄂尔多斯市第五届人民代表大会第二次会议"
SUGG_CC = "关于城市招揽人才、留住人才的建议"
SUGG_MO = "关于进一步加快制定技能人才培养和工匠精神传承的制度保障的建议"
SUGG_OR = "关于设立“鄂尔多斯工匠日”的建议"
PROPOSAL = "以“中国面点师之乡-宁乡”命名为契机 推行湘点终身职业技能提升的建议"
SUGG_ZZ = "关于加强我市高技能人才培养的建议"
SESSION_ZZ = "株洲市第十六届人民代表大会第一次会议"
# suggestions-answered: suggestion, kind, number, session, term, session number, reply — then the item
ANSWERED_CC = (SUGG_CC, "代表建议", "第242号", SESSION_CC, 15, 4, "长人社议字〔2020〕9号")
ANSWERED_H20 = (PROPOSAL, "政协提案", N, "政协湖南省第十二届委员会第三次会议", 12, 3, "对该提案的答复意见")
ANSWERED_MO = (SUGG_MO, "代表建议", "第4264号", SESSION_MO, 13, 1, "人社建字〔2018〕24号")
ANSWERED_OR = (SUGG_OR, "代表建议", "第52025号", SESSION_OR, 5, 2, "鄂建提复字〔2023〕116号")
ANSWERED_ZZ = (SUGG_ZZ, "代表建议", "第010号", SESSION_ZZ, 16, 1, "株人社字〔2022〕37号")

EXPECTED: dict[str, list[tuple]] = {
    "all-figures": [
        ("在线观看100多万人次", 1000000, "more than", "person-time", "100多万人次", ZZ),
        ("株洲人才总量59.8万人", 598000, "exactly", "person", "59.8万人", ZZ),
        ("全市人才总量45.7万人", 457000, "exactly", "person", "45.7万人", OR),
        ("专技人才30.1万人", 301000, "exactly", "person", "30.1万人", ZZ),
        ("高技能人才13万人", 130000, "exactly", "person", "13万人", ZZ),
        ("高层次人才4.8万人", 48000, "exactly", "person", "4.8万人", OR),
        ("每年参与竞赛人数3万人以上", 30000, "at least", "person", "3万人以上", ZZ),
        ("430余名选手获得国家职业资格等级证书", 430, "more than", "person", "430余名", ZZ),
        ("此次表彰295名全国技术能手", 295, "exactly", "person", "295名", H23),
        ("行业领军型人才260人", 260, "exactly", "person", "260人", OR),
        ("165人获得湖南省技术能手", 165, "exactly", "person", "165人", ZZ),
        ("106名选手获得株洲市技术能手", 106, "exactly", "person", "106名", ZZ),
        ("83人获得株洲市五一劳动奖章", 83, "exactly", "person", "83人", ZZ),
        ("52人获评全国技术能手、湖南省技能大师称号", 52, "exactly", "person", "52人", ZZ),
        ("累计评选市级技能大师50名", 50, "exactly", "person", "50名", ZZ),
        ("46人获得株洲工匠", 46, "exactly", "person", "46人", ZZ),
        ("43名选手获得株洲市青年岗位能手", 43, "exactly", "person", "43名", ZZ),
        ("此次表彰30名中华技能大奖获得者", 30, "exactly", "person", "30名", H23),
        ("设立技能大师工作室26家", 26, "exactly", "workshop", "26家", ZZ),
        ("15人享受省政府特殊津贴", 15, "exactly", "person", "15人", ZZ),
        ("全市13条产业链", 13, "exactly", "industrial chain", "13条", ZZ),
        ("每年选取10个以上职业工种", 10, "at least", "trade", "10个以上", ZZ),
        ("8人享受国务院特殊津贴", 8, "exactly", "person", "8人", ZZ),
        ("IPC全球7名常委", 7, "exactly", "person", "7名", ZZ),
        ("湖南6名个人获表彰", 6, "exactly", "person", "6名个人", H23),
        ("1人获得中华技能大奖", 1, "exactly", "person", "1人", ZZ),
        ("湖南1家单位获表彰", 1, "exactly", "institution", "1家单位", H23),
    ],
    "contest-officials": [
        (CONTEST, "周农", "省领导", N, "参加", H22),
        (CONTEST, "张庆伟", "书记", "中共湖南省委员会", "致贺信", H22),
        (CONTEST, "张庆伟", "人大常委会主任", "湖南省人民代表大会常务委员会", "致贺信", H22),
        (CONTEST, "李微微", "政协主席", "中国人民政治协商会议湖南省委员会", "出席", H22),
        (CONTEST, "李殿勋", "省领导", N, "参加", H22),
        (CONTEST, "毛伟明", "副书记", "中共湖南省委员会", "讲话并宣布大赛开幕", H22),
        (CONTEST, "毛伟明", "省长", "湖南省人民政府", "讲话并宣布大赛开幕", H22),
        (CONTEST, "汤涛", "副部长", "人力资源和社会保障部", "致辞", H22),
        (CONTEST, "邓群策", "秘书长", "湖南省人民政府", "参加", H22),
        (CONTEST, "周农", "省领导", N, "出席", ZZ),
        (CONTEST, "张庆伟", "书记", N, "致贺信", ZZ),
        (CONTEST, "李微微", "省领导", N, "出席", ZZ),
        (CONTEST, "李殿勋", "省领导", N, "出席", ZZ),
        (CONTEST, "毛伟明", "省长", N, "在开幕式上讲话并宣布大赛开幕", ZZ),
        (CONTEST, "汤涛", "副部长", "人力资源和社会保障部", "致辞", ZZ),
    ],
    "document-timeline": [
        ("2018-06-30", MO, "答复函", "人力资源社会保障部对十三届全国人大一次会议第4264号建议的答复", "人力资源和社会保障部", SUGG_MO, "2018-01", "2018-06-30"),
        ("2020", CC, "答复函", "对市十五届人大四次会议第242号代表建议的答复", "长春市人力资源和社会保障局", SUGG_CC, "2020", "2020"),
        ("2020-06-05", H20, "媒体报道", "省人力资源和社会保障厅上门答复民盟省委会提案", "中共湖南省委统一战线工作部", N, "2020-06-04", "2020-06-05"),
        ("2022", ZZ, "答复函", "对市十六届人大一次会议第010号建议的答复", ZX, SUGG_ZZ, "2008", "2022-05-05"),
        ("2022-07-06", H22, "媒体报道", "第一届职业技能大赛在株洲开幕", "湖南省家具行业协会", N, "2022-07-04", "2022-07-06"),
        ("2023", OR, "答复函", "鄂尔多斯市人民政府关于市五届人大二次会议第52025号建议的答复函", "鄂尔多斯市人民政府", SUGG_OR, "2023", "2023"),
        ("2023-05-11", H23, "媒体报道", H23_REPORT, "湖南日报", N, "1995", "2023-05-11"),
        ("2024-07-30", SH, "媒体报道", "上海市技能大师工作室揭牌暨嘉定区世赛梯队选手夏训启动", "上海市嘉定区人力资源和社会保障局", N, "2024-07-23", "2024-07-30"),
    ],
    "documents-by-issuer": [
        ("上海市嘉定区人力资源和社会保障局", N, "媒体报道", 1, "2024-07-30", "2024-07-30", {SH}),
        ("中共湖南省委统一战线工作部", N, "媒体报道", 1, "2020-06-05", "2020-06-05", {H20}),
        ("人力资源和社会保障部", N, "答复函", 1, "2018-06-30", "2018-06-30", {MO}),
        (ZX, "株洲市", "答复函", 1, "2022", "2022", {ZZ}),
        ("湖南日报", "湖南省", "媒体报道", 1, "2023-05-11", "2023-05-11", {H23}),
        ("湖南省家具行业协会", N, "媒体报道", 1, "2022-07-06", "2022-07-06", {H22}),
        ("鄂尔多斯市人民政府", "鄂尔多斯市", "答复函", 1, "2023", "2023", {OR}),
        ("长春市人力资源和社会保障局", N, "答复函", 1, "2020", "2020", {CC}),
    ],
    "find-quote": [
        ("南方公司技能大师工作室", 885, WORKSHOP_QUOTE, ZZ),
        ("南方宇航技能大师工作室", 885, WORKSHOP_QUOTE, ZZ),
        ("株洲电力机车有限公司技能大师工作室", 885, WORKSHOP_QUOTE, ZZ),
        ("株洲电力机车有限公司", 888, "株洲电力机车有限公司", ZZ),
    ],
    "funding-totals": [
        ("每家市级技能大师工作室5万元资助", 50000, "workshop", 26, 1300000, "CNY", ZZ),
        ("市级技能大师每人2万元奖励", 20000, "person", 50, 1000000, "CNY", ZZ),
    ],
    "honor-holder-counts": [
        ({"国家职业资格等级证书"}, {"国家级"}, 430, "more than", "430余名", "先后", {"“技能天下”职业技能电视大赛"}, ZZ),
        ({"全国技术能手"}, {"国家级"}, 295, "exactly", "295名", N, {"第十六届高技能人才表彰大会"}, H23),
        ({"湖南省技术能手"}, {"省级"}, 165, "exactly", "165人", "截至目前", {"株洲市"}, ZZ),
        ({"株洲市技术能手"}, {"市级"}, 106, "exactly", "106名", "先后", {"“技能天下”职业技能电视大赛"}, ZZ),
        ({"株洲市五一劳动奖章"}, {"市级"}, 83, "exactly", "83人", "先后", {"“技能天下”职业技能电视大赛"}, ZZ),
        ({"全国技术能手", "湖南省技能大师"}, {"国家级", "省级"}, 52, "exactly", "52人", "截至目前", {"株洲市"}, ZZ),
        ({"株洲市技能大师"}, {"市级"}, 50, "exactly", "50名", "累计", {"株洲市技能大师评选"}, ZZ),
        ({"株洲工匠"}, {"市级"}, 46, "exactly", "46人", "先后", {"“技能天下”职业技能电视大赛"}, ZZ),
        ({"株洲市青年岗位能手"}, {"市级"}, 43, "exactly", "43名", "先后", {"“技能天下”职业技能电视大赛"}, ZZ),
        ({"中华技能大奖"}, {"国家级"}, 30, "exactly", "30名", N, {"第十六届高技能人才表彰大会"}, H23),
        ({"省政府特殊津贴"}, {"省级"}, 15, "exactly", "15人", "截至目前", {"株洲市"}, ZZ),
        ({"国务院特殊津贴"}, {"国家级"}, 8, "exactly", "8人", "截至目前", {"株洲市"}, ZZ),
        ({"中华技能大奖", "全国技术能手", "全国技能人才培育突出贡献个人"}, {"国家级"}, 6, "exactly", "6名个人", N, {"湖南省", "第十六届高技能人才表彰大会"}, H23),
        ({"全国技能人才培育突出贡献单位"}, {"国家级"}, 1, "exactly", "1家单位", N, {"湖南省", "第十六届高技能人才表彰大会"}, H23),
        ({"中华技能大奖"}, {"国家级"}, 1, "exactly", "1人", "截至目前", {"株洲市"}, ZZ),
    ],
    "honor-holders-by-city": [
        ("株洲市", "吴哲", "全国五一劳动奖章", "株洲联诚集团减振器公司", {ZZ}),
        ("株洲市", "易冉", "党的二十大代表", "中车株辆公司", {ZZ}),
        ("株洲市", "易冉", "大国工匠", "中车株辆公司", {ZZ}),
        ("株洲市", "袁健松", "党的十九大代表", N, {ZZ}),
        ("湖南省", "伍志明", "全国技术能手", "湘潭钢铁集团有限公司", {H23}),
        ("湖南省", "向杰", "全国技术能手", "湖南省汽车技师学院", {H23}),
        ("湖南省", "唐中武", "全国技能人才培育突出贡献个人", "衡阳技师学院", {H23}),
        ("湖南省", "徐仲维", "中华技能大奖", "湘电集团有限公司", {H23}),
        ("湖南省", "李艳", "全国技术能手", "金杯电工衡阳电缆有限公司", {H23}),
        ("湖南省", "祝青", "全国技术能手", "娄底职业技术学院", {H23}),
    ],
    "honors-by-city": [
        ("上海市", "政府特殊津贴", "级别未说明", 1, {"王文强"}, N, {SH}),
        ("宁乡", "中国面点师之乡", "级别未说明", 1, {"宁乡"}, N, {H20}),
        ("株洲市", "IPC总裁奖", "国际级", 1, {"陈志漫"}, N, {ZZ}),
        ("株洲市", "中华技能大奖", "国家级", N, N, {"1人获得中华技能大奖"}, {ZZ}),
        ("株洲市", "党的二十大代表", "国家级", 1, {"易冉"}, N, {ZZ}),
        ("株洲市", "党的十九大代表", "国家级", 1, {"袁健松"}, N, {ZZ}),
        ("株洲市", "全国五一劳动奖章", "国家级", 1, {"吴哲"}, N, {ZZ}),
        ("株洲市", "全国技术能手", "国家级", N, N, {"52人获评全国技术能手", "湖南省技能大师称号"}, {ZZ}),
        ("株洲市", "国务院特殊津贴", "国家级", N, N, {"8人享受国务院特殊津贴"}, {ZZ}),
        ("株洲市", "大国工匠", "国家级", 1, {"易冉"}, N, {ZZ}),
        ("株洲市", "湖南省技术能手", "省级", N, N, {"165人获得湖南省技术能手"}, {ZZ}),
        ("株洲市", "湖南省技能大师", "省级", N, N, {"52人获评全国技术能手", "湖南省技能大师称号"}, {ZZ}),
        ("株洲市", "省政府特殊津贴", "省级", N, N, {"15人享受省政府特殊津贴"}, {ZZ}),
        ("株洲市", "劳动模范", "级别未说明", 1, {"吴南根"}, N, {ZZ}),
        ("株洲市", "工人先锋号", "级别未说明", 1, {"欧清莲班"}, N, {ZZ}),
        ("湖南省", "中华技能大奖", "国家级", 1, {"徐仲维"}, N, {H23}),
        ("湖南省", "中华技能大奖", "国家级", N, N, {"湖南6名个人获表彰"}, {H23}),
        ("湖南省", "全国技术能手", "国家级", 4, {"伍志明", "向杰", "李艳", "祝青"}, N, {H23}),
        ("湖南省", "全国技术能手", "国家级", N, N, {"湖南6名个人获表彰"}, {H23}),
        ("湖南省", "全国技能人才培育突出贡献个人", "国家级", 1, {"唐中武"}, N, {H23}),
        ("湖南省", "全国技能人才培育突出贡献个人", "国家级", N, N, {"湖南6名个人获表彰"}, {H23}),
        ("湖南省", "全国技能人才培育突出贡献单位", "国家级", 1, {ZX}, N, {H23}),
        ("湖南省", "全国技能人才培育突出贡献单位", "国家级", N, N, {"湖南1家单位获表彰"}, {H23}),
    ],
    "honors-by-person": [
        ("伍志明", "全国技术能手", "国家级", H23_EXPERTS, H23),
        ("向杰", "全国技术能手", "国家级", H23_EXPERTS, H23),
        ("吴南根", "劳动模范", "级别未说明", "老模吴南根", ZZ),
        ("吴哲", "全国五一劳动奖章", "国家级", "全国五一劳动奖章获得者、株洲联诚集团减振器公司焊接技师吴哲", ZZ),
        ("唐中武", "全国技能人才培育突出贡献个人", "国家级", "衡阳技师学院唐中武获称“全国技能人才培育突出贡献个人”", H23),
        ("宁乡", "中国面点师之乡", "级别未说明", "以“中国面点师之乡-宁乡”命名为契机", H20),
        ("徐仲维", "中华技能大奖", "国家级", "徐仲维获得“中华技能大奖”", H23),
        ("易冉", "党的二十大代表", "国家级", CONGRESS_QUOTE, ZZ),
        ("易冉", "大国工匠", "国家级", "《大国工匠 匠心报国 中车株辆公司电焊“花木兰”易冉》", ZZ),
        ("易冉", "大国工匠", "国家级", "对接央视对大国工匠易冉进行了采访报道", ZZ),
        ("李艳", "全国技术能手", "国家级", H23_EXPERTS, H23),
        (ZX, "全国技能人才培育突出贡献单位", "国家级", "株洲市人社局获“全国技能人才培育突出贡献单位”", H23),
        ("欧清莲班", "工人先锋号", "级别未说明", "工人先锋号“欧清莲班”", ZZ),
        ("王文强", "政府特殊津贴", "级别未说明", "为王文强颁发了“政府特殊津贴证书”", SH),
        ("祝青", "全国技术能手", "国家级", H23_EXPERTS, H23),
        ("袁健松", "党的十九大代表", "国家级", CONGRESS_QUOTE, ZZ),
        ("陈志漫", "IPC总裁奖", "国际级", TITLE_CHEN_3, ZZ),
        ("陈志漫", "IPC总裁奖", "国际级", "获IPC总裁奖的首位中国专家", ZZ),
    ],
    "industries": [
        ("航空动力", "Aviation power", {ZZ}),
        ("硬质合金", "Cemented carbide", {ZZ}),
        ("湘点", "Hunan pastry", {H20}),
        ("轨道交通", "Rail transit", {ZZ}),
    ],
    "media-reports": [
        (N, N, "三高四新", "围绕“三高四新”战略的产业集群系列宣传报道", ZZ),
        ("上海市嘉定区人力资源和社会保障局", N, "上海市技能大师工作室揭牌暨嘉定区世赛梯队选手夏训启动仪式", "上海市技能大师工作室揭牌暨嘉定区世赛梯队选手夏训启动", SH),
        (N, N, "中车株洲所时代电气", TITLE_CHEN_3, ZZ),
        ("中央电视台", "朝闻天下", "中车株辆公司", TITLE_YI_RAN, ZZ),
        ("中共湖南省委统一战线工作部", N, PROPOSAL, "省人力资源和社会保障厅上门答复民盟省委会提案", H20),
        (N, N, "吴南根", PROFILES, ZZ),
        ("新闻株洲", "劳动者之歌", "吴哲", "吴哲：焊枪照亮青春", ZZ),
        ("湖南日报", "头版", "吴哲", TITLE_WU_ZHE, ZZ),
        ("中央电视台", "朝闻天下", "易冉", TITLE_YI_RAN, ZZ),
        (N, N, "李玉龙", PROFILES, ZZ),
        (N, N, "杨颖", PROFILES, ZZ),
        ("红网", N, "株洲市", "湖南株洲：一位全国劳模与两床毯子的故事", ZZ),
        ("湖南日报", "头版", "株洲联诚集团减振器公司", TITLE_WU_ZHE, ZZ),
        ("新闻株洲", "劳动者之歌", "欧清莲班", "工人先锋号“欧清莲班”花火中的闪亮人生", ZZ),
        ("湖南日报", N, "湖南1家单位获表彰", H23_REPORT, H23),
        ("湖南日报", N, "湖南6名个人获表彰", H23_REPORT, H23),
        ("湖南省家具行业协会", "行业动态", CONTEST, "第一届职业技能大赛在株洲开幕", H22),
        ("湖南省家具行业协会", "行业动态", "湖南省第一届职业技能大赛开幕式", "第一届职业技能大赛在株洲开幕", H22),
        ("上海市嘉定区人力资源和社会保障局", N, "王文强上海市技能大师工作室", "上海市技能大师工作室揭牌暨嘉定区世赛梯队选手夏训启动", SH),
        ("中共湖南省委统一战线工作部", N, "省人社厅上门答复民盟省委会提案", "省人力资源和社会保障厅上门答复民盟省委会提案", H20),
        ("湖南日报", N, "第十六届高技能人才表彰大会", H23_REPORT, H23),
        (N, N, "陈志漫", TITLE_CHEN_3, ZZ),
        (N, N, "陈志漫", TITLE_CHEN_2, ZZ),
        (N, N, "陈志漫", TITLE_CHEN_1, ZZ),
    ],
    "organization-profile": [
        ("←", "发文机关", "对市十六届人大一次会议第010号建议的答复", ZZ),
        ("←", "实施主体", "“技能天下”职业技能电视大赛", ZZ),
        ("←", "实施主体", "人才新政30条", ZZ),
        ("←", "实施主体", "在人才培训、认定和奖补方面向技能人才倾斜", ZZ),
        ("←", "实施主体", "培养更多大国工匠、能工巧匠", ZZ),
        ("←", "实施主体", "培养更多的复合型技术人才", ZZ),
        ("←", "实施主体", "形成产教融合新格局", ZZ),
        ("←", "实施主体", "技能提升行动", ZZ),
        ("←", "实施主体", "推进校企深度融合", ZZ),
        ("←", "实施主体", "深化实施技能提升行动", ZZ),
        ("←", "实施主体", "突出典型宣传", ZZ),
        ("←", "实施主体", "继续落实“人才新政30条”", ZZ),
        ("←", "实施主体", "转化技能大赛成果", ZZ),
        ("←", "获得者", "株洲市人社局获全国技能人才培育突出贡献单位", H23),
        ("←", "行为主体", "央视采访大国工匠易冉", ZZ),
        ("←", "行为主体", "收集科技类、金融管理类、工匠类优秀人物和相关事迹", ZZ),
    ],
    "organizations": [
        ("企业", "中车", N, {ZZ}),
        ("企业", "中车株洲所时代电气", N, {ZZ}),
        ("企业", "中车株辆公司", N, {ZZ}),
        ("企业", "南方公司", N, {ZZ}),
        ("企业", "南方宇航", N, {ZZ}),
        ("企业", "株洲电力机车有限公司", N, {ZZ}),
        ("企业", "株洲联诚集团减振器公司", N, {ZZ}),
        ("企业", "湘潭钢铁集团有限公司", N, {H23}),
        ("企业", "湘电集团有限公司", N, {H23}),
        ("企业", "金杯电工衡阳电缆有限公司", N, {H23}),
        ("媒体", "中央电视台", {"央视"}, {ZZ}),
        ("媒体", "新闻株洲", N, {ZZ}),
        ("媒体", "湖南日报", N, {H23, ZZ}),
        ("媒体", "红网", N, {ZZ}),
        ("政府机构", "上海市嘉定区人力资源和社会保障局", {"区人力资源社会保障局"}, {SH}),
        ("政府机构", "上海市嘉定区就业促进中心", {"区就业促进中心"}, {SH}),
        ("政府机构", "上海市嘉定区教育局", {"区教育局"}, {SH}),
        ("政府机构", "中共中央办公厅", {"中办"}, {MO}),
        ("政府机构", "中共株洲市委", {"株洲市委"}, {ZZ}),
        ("政府机构", "中共湖南省委员会", {"省委"}, {H22}),
        ("政府机构", "中共湖南省委统一战线工作部", {"中共湖南省统战部"}, {H20}),
        ("政府机构", "中国人民政治协商会议湖南省委员会", {"政协湖南省委员会", "湖南省政协", "省政协"}, {H20, H22}),
        ("政府机构", "人力资源和社会保障部", {"人力资源社会保障部", "人社部"}, {H22, MO, ZZ}),
        ("政府机构", "国务院办公厅", {"国办"}, {MO, ZZ}),
        ("政府机构", ZX, {"株洲市人社局"}, {H23, ZZ}),
        ("政府机构", "株洲市人民政府", {"株洲市政府"}, {ZZ}),
        ("政府机构", "株洲市总工会", {"市总工会"}, {ZZ}),
        ("政府机构", "株洲市科学技术局", {"市科技局"}, {ZZ}),
        ("政府机构", "株洲市金融办", {"市金融办"}, {ZZ}),
        ("政府机构", "湖南省人力资源和社会保障厅", {"湖南省人社厅", "省人力资源和社会保障厅", "省人社厅"}, {H20, H23}),
        ("政府机构", "湖南省人力资源和社会保障厅党委", {"省人社厅党委"}, {H20}),
        ("政府机构", "湖南省人力资源和社会保障厅职业能力建设处", {"职业能力建设处"}, {H20}),
        ("政府机构", "湖南省人民代表大会常务委员会", {"省人大常委会"}, {H22}),
        ("政府机构", "湖南省人民政府", {"省政府"}, {H22}),
        ("政府机构", "湖南省商务厅", {"商务厅"}, {H20}),
        ("政府机构", "湖南省教育厅", {"教育厅"}, {H20}),
        ("政府机构", "鄂尔多斯市人力资源和社会保障局", N, {OR}),
        ("政府机构", "鄂尔多斯市人民政府", {"鄂尔多斯市政府"}, {OR}),
        ("政府机构", "鄂尔多斯市总工会", {"市总工会"}, {OR}),
        ("政府机构", "鄂尔多斯市教育体育局", N, {OR}),
        ("政府机构", "鄂尔多斯市文化和旅游局", N, {OR}),
        ("政府机构", "长春市人力资源和社会保障局", {"长春市人社局"}, {CC}),
        ("班组", "欧清莲班", N, {ZZ}),
        ("组织", "上海市大众工业学校", N, {SH}),
        ("组织", "中国民主同盟湖南省委员会", {"民盟省委会"}, {H20}),
        ("组织", "娄底职业技术学院", N, {H23}),
        ("组织", "工匠学院", N, {OR}),
        ("组织", "民盟省委会直属餐饮文化支部", N, {H20}),
        ("组织", "湖南省汽车技师学院", N, {H23}),
        ("组织", "省人社厅提案答复工作领导小组", N, {H20}),
        ("组织", "衡阳技师学院", N, {H23}),
        ("组织", "鄂尔多斯市工人科技大学", N, {OR}),
        ("组织", "鄂尔多斯职业学院", N, {OR}),
        ("行业协会", "IPC", N, {ZZ}),
        ("行业协会", "湖南省家具行业协会", N, {H22}),
        ("行业协会", "长沙市发酵面食行业协会", N, {H20}),
    ],
    "people-roles": [
        ("丁佳", "副局长", "上海市嘉定区人力资源和社会保障局", SH),
        ("伍志明", "维修电工高级技师", "湘潭钢铁集团有限公司", H23),
        ("冯奇", "二级巡视员", "湖南省人力资源和社会保障厅", H20),
        ("冯明", "党总支书记", "上海市大众工业学校", SH),
        ("向杰", "焊接专业教师", "湖南省汽车技师学院", H23),
        ("吴哲", "焊接技师", "株洲联诚集团减振器公司", ZZ),
        ("吴达求", "会长", "长沙市发酵面食行业协会", H20),
        ("吴达求", "提案执笔人", "中国民主同盟湖南省委员会", H20),
        ("吴达求", "支部主委", "民盟省委会直属餐饮文化支部", H20),
        ("周农", "省领导", N, H22),
        ("周农", "省领导", N, ZZ),
        ("孙志刚", "人大代表", N, OR),
        ("孟宪新", "签发人", "长春市人力资源和社会保障局", CC),
        ("张庆伟", "书记", "中共湖南省委员会", H22),
        ("张庆伟", "书记", N, ZZ),
        ("张庆伟", "人大常委会主任", "湖南省人民代表大会常务委员会", H22),
        ("徐仲维", "高、低压电器装配工首席技师", "湘电集团有限公司", H23),
        ("易冉", "电焊工", "中车株辆公司", ZZ),
        ("曹婕妤", "通讯员", N, H23),
        ("李国华", "处长", "湖南省人力资源和社会保障厅职业能力建设处", H20),
        ("李微微", "政协主席", "中国人民政治协商会议湖南省委员会", H22),
        ("李微微", "省领导", N, ZZ),
        ("李志新", "人大代表", N, CC),
        ("李殿勋", "省领导", N, H22),
        ("李殿勋", "省领导", N, ZZ),
        ("李玉龙", "企业家", N, ZZ),
        ("李艳", "电线电缆检验工高级技师", "金杯电工衡阳电缆有限公司", H23),
        ("杨正文", "人大代表", N, ZZ),
        ("杨颖", "总工", "中车", ZZ),
        ("毛伟明", "副书记", "中共湖南省委员会", H22),
        ("毛伟明", "省长", "湖南省人民政府", H22),
        ("毛伟明", "省长", N, ZZ),
        ("汤涛", "副部长", "人力资源和社会保障部", H22),
        ("汤涛", "副部长", "人力资源和社会保障部", ZZ),
        ("沈继良", "中心主任", "上海市嘉定区就业促进中心", SH),
        ("王巍清", "副局长", "上海市嘉定区教育局", SH),
        ("王文强", "技能大师工作室带头人", "王文强上海市技能大师工作室", SH),
        ("祝青", "养老护理专业教师", "娄底职业技术学院", H23),
        ("胡颖", "专职副主委", "中国民主同盟湖南省委员会", H20),
        ("胡颖", "副秘书长", "中国人民政治协商会议湖南省委员会", H20),
        ("贺威", "全媒体记者", "湖南日报", H23),
        ("邓群策", "秘书长", "湖南省人民政府", H22),
        ("陈志漫", "IPC全球常委", "IPC", ZZ),
        ("陈志漫", "工艺专家", "中车株洲所时代电气", ZZ),
    ],
    "person-across-documents": [
        ("2022", ZZ, "活动", "致辞", CONTEST),
        ("2022", ZZ, "职务", "副部长", "人力资源和社会保障部"),
        ("2022-07-06", H22, "活动", "致辞", "湖南省第一届职业技能大赛开幕式"),
        ("2022-07-06", H22, "职务", "副部长", "人力资源和社会保障部"),
    ],
    "person-profile": [
        ("工作单位", "中车株辆公司", N, ZZ),
        ("报道", TITLE_YI_RAN, "中央电视台", ZZ),
        ("称号", "电焊“花木兰”", N, ZZ),
        ("职务", "电焊工", "中车株辆公司", ZZ),
        ("荣誉", "党的二十大代表", "国家级", ZZ),
        ("荣誉", "大国工匠", "国家级", ZZ),
    ],
    "policies": [
        ("人才新政30条", N, N, {ZX}, N, {ZZ}),
        ("关于分类推进人才评价机制改革的指导意见", N, {"中共中央办公厅", "国务院办公厅"}, N, "2018-01", {MO}),
        ("关于深化科技奖励制度改革方案的通知", "国办函〔2017〕55号", {"国务院办公厅"}, N, "2017", {ZZ}),
        ("国家职业资格目录", N, N, N, N, {MO, ZZ}),
        ("株洲市技能大师工作室管理办法", N, {"株洲市"}, N, N, {ZZ}),
        ("株洲市技能大师评选表彰管理办法", N, {"株洲市"}, N, "2008", {ZZ}),
    ],
    "policy-article-topics": [
        ("人才新政30条", 9, "技能人才培养", "支持校企联合培养技能人才，发挥株洲职教园优势，加速壮大能工巧匠队伍，造就名师巨匠楷模", ZZ),
        ("人才新政30条", 18, "技能人才评价", "推进企业自主评价技能人才制度，搭建企业人才成长桥梁，贯通技能人才职业发展通道", ZZ),
    ],
    "programs-and-strategies": [
        ("嘉定区世界技能大赛梯队选手夏季集训", "工程/行动", "Summer training of Jiading's WorldSkills squad", set(), {SH}),
        ("技能提升行动", "工程/行动", "Skills upgrading action", {ZX}, {ZZ}),
        ("职业技能等级认定", "工程/行动", "Recognition of vocational skill levels", set(), {MO}),
        ("高技能人才支撑工程", "工程/行动", "High-skill talent support project", {"中共株洲市委", "株洲市人民政府"}, {ZZ}),
        ("三高四新", "战略", '"Three Highs and Four News" strategy', set(), {H22, ZZ}),
        ("中国制造2025", "战略", "Made in China 2025", set(), {ZZ}),
        ("人才鄂尔多斯", "战略", "Talent Ordos", {"鄂尔多斯市"}, {OR}),
        ("打造三个高地、培育制造名城、建设幸福株洲", "战略",
         "Build three highlands, foster a famous manufacturing city, build a happy Zhuzhou", {"中共株洲市委", "株洲市人民政府"},
         {ZZ}),
    ],
    "provincial-contest": [
        (CONTEST, 1, "2022-07-03", "2022-07-06", "株洲市", "湖南省职业技能大赛", {H22, ZZ}),
    ],
    "readings": [
        ("做好全国、自治区五一劳动奖、工人先锋号推荐工作", "全国、自治区 is read as qualifying both 五一劳动奖 and 工人先锋号.", {OR}),
        ("在线观看100多万人次", "Read as per year, following 每年 at the start of the same sentence.", {ZZ}),
        (TITLE_YI_RAN, "5月5日 has no year in the text; resolved to 2022, the year of the letter.", {ZZ}),
        ("对该提案的答复意见",
         "The reply itself is not given: 李国华 set out the department's 答复意见 at the visit and 胡颖 discussed parts of the 提案办理情况报告 (report on handling the proposal). Read as one reply document; its number and date are not stated.",
         {H20}),
        ("张庆伟致湖南省第一届职业技能大赛的贺信",
         "Written on behalf of the provincial party committee and government; the date is that of the opening, when it was read out (the text does not date the letter itself). The claims after 他指出 are read as the letter's content.",
         {H22}),
        ("易冉当选党的二十大代表",
         "相继 (one after the other) read as respectively - Yuan Jiansong to the 19th, Yi Ran to the 20th congress.",
         {ZZ}),
        ("株洲市取消市级科学技术奖评选", "同年 resolved to 2017, the year of the State Council notice in the sentence before.", {ZZ}),
        ("湖南省商务厅", "Named without the province; read as Hunan's.", {H20}),
        ("湖南省家具行业协会", "Named only in the site's repeated image caption; read as the site owner (hn-fa.com).", {H22}),
        ("湖南省教育厅",
         "Named without the province; read as Hunan's. That it took part in handling the proposal is implied (提案办理的相关单位部门), not stated.",
         {H20}),
        (CONTEST, "今年 resolved to 2022, the year of the letter.", {H22, ZZ}),
        ("省人社厅发布表彰消息", "9日 read as 9 May 2023, two days before the dateline 5月11日.", {H23}),
        ("突出典型宣传",
         "The section names no subject; the bureau is read as the actor, as for the interview it arranged (interview-cctv-yi-ran).",
         {ZZ}),
        ("袁健松当选党的十九大代表",
         "相继 (one after the other) read as respectively - Yuan Jiansong to the 19th, Yi Ran to the 20th congress.",
         {ZZ}),
        ("鄂尔多斯市五一劳动奖、工人先锋号、五一巾帼标兵和鄂尔多斯工匠评选表彰",
         "全市 read as municipal-level awards; 等 (and others) means the list is not complete.", {OR}),
        ("鄂尔多斯市人力资源和社会保障局", "Named without the city; read as the Ordos bureau from 我市将…组织.", {OR}),
        ("鄂尔多斯市教育体育局", "Named without the city; read as the Ordos bureau.", {OR}),
        ("鄂尔多斯市文化和旅游局", "Named without the city; read as the Ordos bureau.", {OR}),
        ("高技能领军人才",
         "Read as: holders of the China Skills Grand Award or the title National Technical Expert, leaders of national- or provincial-level skill-master workshops, and high-skill talents receiving the national-level government special allowance (国家级政府特贴, read as the State Council Special Allowance), plus skilled workers of an equivalent level (claim).",
         {CC}),
    ],
    "reply-letter": [
        ("长人社议字〔2020〕9号", "长春市人力资源和社会保障局", "李志新", SUGG_CC, "孟宪新", N, N, N, CC),
        (N, "湖南省人力资源和社会保障厅", N, PROPOSAL, N, N, N, N, H20),
        ("人社建字〔2018〕24号", "人力资源和社会保障部", N, SUGG_MO, N, N, N, N, MO),
        ("鄂建提复字〔2023〕116号", "鄂尔多斯市人民政府", "孙志刚", SUGG_OR, N, N, N, N, OR),
        ("株人社字〔2022〕37号", ZX, "杨正文", SUGG_ZZ, N, "田智思", "万怡", "18073339653", ZZ),
    ],
    "shared-entities": [
        ("湖南省", "行政区", 4, {H20, H22, H23, ZZ}),
        ("人力资源和社会保障部", "政府机构", 3, {H22, MO, ZZ}),
        ("人大代表", "职务/角色", 3, {CC, OR, ZZ}),
        ("中华技能大奖", "荣誉", 3, {CC, H23, ZZ}),
        ("全国技术能手", "荣誉", 3, {CC, H23, ZZ}),
        ("周农", "人物", 2, {H22, ZZ}),
        ("张庆伟", "人物", 2, {H22, ZZ}),
        ("李微微", "人物", 2, {H22, ZZ}),
        ("李殿勋", "人物", 2, {H22, ZZ}),
        ("毛伟明", "人物", 2, {H22, ZZ}),
        ("汤涛", "人物", 2, {H22, ZZ}),
        ("湖南日报", "媒体", 2, {H23, ZZ}),
        ("三高四新", "战略", 2, {H22, ZZ}),
        ("中国人民政治协商会议湖南省委员会", "政府机构", 2, {H20, H22}),
        ("国务院办公厅", "政府机构", 2, {MO, ZZ}),
        (ZX, "政府机构", 2, {H23, ZZ}),
        ("湖南省人力资源和社会保障厅", "政府机构", 2, {H20, H23}),
        ("国家职业资格目录", "政策文件", 2, {MO, ZZ}),
        ("湖南省职业技能大赛", "竞赛", 2, {H22, ZZ}),  # the news names the series in its first edition's name
        (CONTEST, "竞赛届次", 2, {H22, ZZ}),
        ("书记", "职务/角色", 2, {H22, ZZ}),
        ("副部长", "职务/角色", 2, {H22, ZZ}),
        ("省长", "职务/角色", 2, {H22, ZZ}),
        ("省领导", "职务/角色", 2, {H22, ZZ}),
        ("国务院特殊津贴", "荣誉", 2, {CC, ZZ}),
        ("株洲市", "行政区", 2, {H22, ZZ}),
    ],
    "suggestions-answered": [
        (*ANSWERED_CC, "大力提高高技能领军人才待遇水平", "工作举措", 1, "开通高技能领军人才绿色通道", CC),
        (*ANSWERED_CC, "大力提高高技能领军人才待遇水平", "工作举措", 2, "提高高技能领军人才的政治待遇", CC),
        (*ANSWERED_H20, N, N, N, N, H20),
        (*ANSWERED_MO, "关于完善技能人才评价制度问题", "工作承诺", 1, "深化人才发展体制机制改革", MO),
        (*ANSWERED_MO, "关于完善技能人才评价制度问题", "工作承诺", 2, "全面实施国家职业资格目录清单管理制度", MO),
        (*ANSWERED_OR, "全面实施“人才鄂尔多斯”战略", "工作举措", 1, "全面实施“人才鄂尔多斯”战略", OR),
        (*ANSWERED_OR, "全力推动人才队伍素质提升", "工作举措", 1, "创办鄂尔多斯市工人科技大学", OR),
        (*ANSWERED_OR, "大力培育和弘扬工匠精神", "工作举措", 1, "开展多种形式的劳动和技能竞赛", OR),
        (*ANSWERED_OR, "大力培育和弘扬工匠精神", "工作举措", 2, "做好全国、自治区五一劳动奖、工人先锋号推荐工作", OR),
        (*ANSWERED_OR, "大力培育和弘扬工匠精神", "工作举措", 3, "组织全市评选表彰工作", OR),
        (*ANSWERED_OR, N, "工作承诺", 1, "下一步：组织市总工会、人社局、文旅局、教体局等（原文截断）", OR),
        (*ANSWERED_ZZ, N, "工作举措", 1, "突出政策引领", ZZ),
        (*ANSWERED_ZZ, N, "工作举措", 2, "突出工程推动", ZZ),
        (*ANSWERED_ZZ, N, "工作举措", 3, "突出评价激励", ZZ),
        (*ANSWERED_ZZ, "突出评价激励", "工作承诺", 1, "转化技能大赛成果", ZZ),
        (*ANSWERED_ZZ, "突出评价激励", "工作承诺", 2, "推进校企深度融合", ZZ),
        (*ANSWERED_ZZ, "突出评价激励", "工作承诺", 3, "形成产教融合新格局", ZZ),
        (*ANSWERED_ZZ, "突出评价激励", "工作承诺", 4, "培养更多的复合型技术人才", ZZ),
        (*ANSWERED_ZZ, N, "工作举措", 4, "突出成果转化", ZZ),
        (*ANSWERED_ZZ, N, "工作举措", 5, "突出典型宣传", ZZ),
        (*ANSWERED_ZZ, "下一步", "工作承诺", 1, "继续落实“人才新政30条”", ZZ),
        (*ANSWERED_ZZ, "下一步", "工作承诺", 2, "深化实施技能提升行动", ZZ),
        (*ANSWERED_ZZ, "下一步", "工作承诺", 3, "在人才培训、人才认定和人才奖补等方面，向技能人才倾斜", ZZ),
        (*ANSWERED_ZZ, "下一步", "工作承诺", 4, "培养更多大国工匠、能工巧匠", ZZ),
    ],
    "talent-by-city-year": [
        ("株洲市", "2022", "人才总量", 598000, "exactly", "59.8万人", 100, "截至目前", ZZ),
        ("株洲市", "2022", "专技人才", 301000, "exactly", "30.1万人", Decimal("50.3"), "截至目前", ZZ),
        ("株洲市", "2022", "高技能人才", 130000, "exactly", "13万人", Decimal("21.7"), "截至目前", ZZ),
        ("鄂尔多斯市", "2023", "人才总量", 457000, "exactly", "45.7万人", 100, "截至目前", OR),
        ("鄂尔多斯市", "2023", "高层次人才", 48000, "exactly", "4.8万人", Decimal("10.5"), "截至目前", OR),
        ("鄂尔多斯市", "2023", "行业领军型人才", 260, "exactly", "260人", Decimal("0.1"), "截至目前", OR),
    ],
    "talent-totals": [
        ("株洲市", "人才总量", 598000, "exactly", "59.8万人", "截至目前", ZZ),
        ("株洲市", "专技人才", 301000, "exactly", "30.1万人", "截至目前", ZZ),
        ("株洲市", "高技能人才", 130000, "exactly", "13万人", "截至目前", ZZ),
        ("鄂尔多斯市", "人才总量", 457000, "exactly", "45.7万人", "截至目前", OR),
        ("鄂尔多斯市", "高层次人才", 48000, "exactly", "4.8万人", "截至目前", OR),
        ("鄂尔多斯市", "行业领军型人才", 260, "exactly", "260人", "截至目前", OR),
    ],
    "timeline": [
        ("1995", N, "全国高技能人才表彰大会", "评选机制", {H23}),
        ("2008", N, "株洲市技能大师评选表彰管理办法", "政策文件", {ZZ}),
        ("2014", N, "“技能天下”职业技能电视大赛", "竞赛", {ZZ}),
        ("2017", N, "关于深化科技奖励制度改革方案的通知", "政策文件", {ZZ}),
        ("2017", N, "株洲市取消市级科学技术奖评选", "事件", {ZZ}),
        ("2018-01", N, "关于分类推进人才评价机制改革的指导意见", "政策文件", {MO}),
        ("2018-06-30", N, "人力资源社会保障部对十三届全国人大一次会议第4264号建议的答复", "答复函", {MO}),
        ("2020", N, "对市十五届人大四次会议第242号代表建议的答复", "答复函", {CC}),
        ("2020-06-04", N, "省人社厅上门答复民盟省委会提案", "事件", {H20}),
        ("2020-06-05", N, "省人力资源和社会保障厅上门答复民盟省委会提案", "媒体报道", {H20}),
        ("2022", N, "对市十六届人大一次会议第010号建议的答复", "答复函", {ZZ}),
        ("2022-05-05", N, TITLE_YI_RAN, "媒体报道", {ZZ}),
        ("2022-07-03", "2022-07-06", CONTEST, "竞赛届次", {H22, ZZ}),
        ("2022-07-04", N, "张庆伟致湖南省第一届职业技能大赛的贺信", "文件", {H22}),
        ("2022-07-04", N, "湖南省第一届职业技能大赛开幕式", "事件", {H22}),
        ("2022-07-06", N, "第一届职业技能大赛在株洲开幕", "媒体报道", {H22}),
        ("2023", N, "伍志明获称全国技术能手", "荣誉授予", {H23}),
        ("2023", N, "创办鄂尔多斯市工人科技大学", "事件", {OR}),
        ("2023", N, "创办鄂尔多斯市工人科技大学、挂牌成立“工匠学院”", "工作举措", {OR}),
        ("2023", N, "向杰获称全国技术能手", "荣誉授予", {H23}),
        ("2023", N, "唐中武获称全国技能人才培育突出贡献个人", "荣誉授予", {H23}),
        ("2023", N, "徐仲维获得中华技能大奖", "荣誉授予", {H23}),
        ("2023", N, "李艳获称全国技术能手", "荣誉授予", {H23}),
        ("2023", N, "株洲市人社局获全国技能人才培育突出贡献单位", "荣誉授予", {H23}),
        ("2023", N, "祝青获称全国技术能手", "荣誉授予", {H23}),
        ("2023", N, "第十六届高技能人才表彰大会", "事件", {H23}),
        ("2023", N, "鄂尔多斯市人民政府关于市五届人大二次会议第52025号建议的答复函", "答复函", {OR}),
        ("2023-05-09", N, "省人社厅发布表彰消息", "事件", {H23}),
        ("2023-05-11", N, H23_REPORT, "媒体报道", {H23}),
        ("2024-07-23", N, "上海市技能大师工作室揭牌暨嘉定区世赛梯队选手夏训启动仪式", "事件", {SH}),
        ("2024-07-23", N, "嘉定区世界技能大赛梯队选手夏季集训", "工程/行动", {SH}),
        ("2024-07-23", N, "王文强上海市技能大师工作室揭牌", "事件", {SH}),
        ("2024-07-23", N, "王文强获颁政府特殊津贴证书", "荣誉授予", {SH}),
        ("2024-07-30", N, "上海市技能大师工作室揭牌暨嘉定区世赛梯队选手夏训启动", "媒体报道", {SH}),
    ],
    "topics": [
        ("人才战略", "全面实施“人才鄂尔多斯”战略", "工作举措", {OR}),
        ("人才战略", "全面实施“人才鄂尔多斯”战略", "答复函段落", {OR}),
        ("人才战略", "突出政策引领", "工作举措", {ZZ}),
        ("人才战略", "继续落实“人才新政30条”", "工作承诺", {ZZ}),
        ("宣传与弘扬工匠精神", "大力培育和弘扬工匠精神", "答复函段落", {OR}),
        ("宣传与弘扬工匠精神", "湖南将进一步加大技能人才工作力度", "工作承诺", {H23}),
        ("宣传与弘扬工匠精神", "突出典型宣传", "工作举措", {ZZ}),
        ("宣传与弘扬工匠精神", "组织全市五一劳动奖、工人先锋号、五一巾帼标兵和“鄂尔多斯工匠”等评选表彰", "工作举措", {OR}),
        ("技能人才使用", "提高高技能领军人才的政治待遇", "工作举措", {CC}),
        ("技能人才使用", "湖南将进一步加大技能人才工作力度", "工作承诺", {H23}),
        ("技能人才使用", "突出政策引领", "工作举措", {ZZ}),
        ("技能人才培养", "人才新政30条第9条", "政策条款", {ZZ}),
        ("技能人才培养", PROPOSAL, "政协提案", {H20}),
        ("技能人才培养", "全力推动人才队伍素质提升", "答复函段落", {OR}),
        ("技能人才培养", "创办鄂尔多斯市工人科技大学、挂牌成立“工匠学院”", "工作举措", {OR}),
        ("技能人才培养", "在人才培训、认定和奖补方面向技能人才倾斜", "工作承诺", {ZZ}),
        ("技能人才培养", "培养更多大国工匠、能工巧匠", "工作承诺", {ZZ}),
        ("技能人才培养", "培养更多的复合型技术人才", "工作承诺", {ZZ}),
        ("技能人才培养", "形成产教融合新格局", "工作承诺", {ZZ}),
        ("技能人才培养", "推进校企深度融合", "工作承诺", {ZZ}),
        ("技能人才培养", "深化实施技能提升行动", "工作承诺", {ZZ}),
        ("技能人才培养", "湖南将进一步加大技能人才工作力度", "工作承诺", {H23}),
        ("技能人才培养", "突出工程推动", "工作举措", {ZZ}),
        ("技能人才培养", "突出政策引领", "工作举措", {ZZ}),
        ("技能人才培养", "转化技能大赛成果", "工作承诺", {ZZ}),
        ("技能人才激励", "产业链内部技能人才科技创新成果评选", "评选机制", {ZZ}),
        ("技能人才激励", "做好全国、自治区五一劳动奖、工人先锋号推荐工作", "工作举措", {OR}),
        ("技能人才激励", "在人才培训、认定和奖补方面向技能人才倾斜", "工作承诺", {ZZ}),
        ("技能人才激励", "大力培育和弘扬工匠精神", "答复函段落", {OR}),
        ("技能人才激励", "大力提高高技能领军人才待遇水平", "答复函段落", {CC}),
        ("技能人才激励", "开通高技能领军人才绿色通道", "工作举措", {CC}),
        ("技能人才激励", "提高高技能领军人才的政治待遇", "工作举措", {CC}),
        ("技能人才激励", "株洲市技能大师评选表彰管理办法", "政策文件", {ZZ}),
        ("技能人才激励", "湖南将进一步加大技能人才工作力度", "工作承诺", {H23}),
        ("技能人才激励", "突出工程推动", "工作举措", {ZZ}),
        ("技能人才激励", "突出成果转化", "工作举措", {ZZ}),
        ("技能人才激励", "突出政策引领", "工作举措", {ZZ}),
        ("技能人才激励", "突出评价激励", "工作举措", {ZZ}),
        ("技能人才激励", "组织全市五一劳动奖、工人先锋号、五一巾帼标兵和“鄂尔多斯工匠”等评选表彰", "工作举措", {OR}),
        ("技能人才评价", "人才新政30条第18条", "政策条款", {ZZ}),
        ("技能人才评价", "全面实施国家职业资格目录清单管理制度", "工作承诺", {MO}),
        ("技能人才评价", "关于分类推进人才评价机制改革的指导意见", "政策文件", {MO}),
        ("技能人才评价", "关于完善技能人才评价制度问题", "答复函段落", {MO}),
        ("技能人才评价", "国家职业资格目录", "政策文件", {MO, ZZ}),
        ("技能人才评价", "在人才培训、认定和奖补方面向技能人才倾斜", "工作承诺", {ZZ}),
        ("技能人才评价", "株洲市技能大师评选表彰管理办法", "政策文件", {ZZ}),
        ("技能人才评价", "深化人才发展体制机制改革", "工作承诺", {MO}),
        ("技能人才评价", "湖南将进一步加大技能人才工作力度", "工作承诺", {H23}),
        ("技能人才评价", "突出政策引领", "工作举措", {ZZ}),
        ("技能人才评价", "突出评价激励", "工作举措", {ZZ}),
        ("技能竞赛", "开展多种形式的劳动和技能竞赛", "工作举措", {OR}),
        ("技能竞赛", "突出评价激励", "工作举措", {ZZ}),
        ("技能竞赛", "转化技能大赛成果", "工作承诺", {ZZ}),
    ],
    "tv-contest": [
        ("“技能天下”职业技能电视大赛", "2014", 7, {"微信直播", "电视", "网络"}, "每届职业工种数", 10, "at least", ZZ),
        ("“技能天下”职业技能电视大赛", "2014", 7, {"微信直播", "电视", "网络"}, "参赛人数", 30000, "at least", ZZ),
        ("“技能天下”职业技能电视大赛", "2014", 7, {"微信直播", "电视", "网络"}, "在线观看人次", 1000000, "more than", ZZ),
    ],
    "workshop-funding": [
        ("上海市", "王文强上海市技能大师工作室", "省级", N, N, N, N, {SH}),
        ("株洲市", "南方公司技能大师工作室", "市级", "南方公司", 50000, "CNY", "株洲市", {ZZ}),
        ("株洲市", "南方宇航技能大师工作室", "市级", "南方宇航", 50000, "CNY", "株洲市", {ZZ}),
        ("株洲市", "株洲电力机车有限公司技能大师工作室", "市级", "株洲电力机车有限公司", 50000, "CNY", "株洲市", {ZZ}),
    ],
    "workshop-hosts": [
        ("南方公司", "南方公司技能大师工作室", "市级", 50000, "CNY", ZZ),
        ("南方宇航", "南方宇航技能大师工作室", "市级", 50000, "CNY", ZZ),
        ("株洲电力机车有限公司", "株洲电力机车有限公司技能大师工作室", "市级", 50000, "CNY", ZZ),
    ],
}


def cell(term, *, concat: bool = False):
    """A result term as a plain value: numbers by value (int when whole, else Decimal), a concatenation as the set
    of its parts, everything else as its text."""
    if term is None:
        return None
    if concat:
        return frozenset(p for p in str(term).split("、") if p)
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() else value
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return str(term)


def answer(name, graph, params=None):
    result = query(name, graph=graph, params=params)
    concat = catalog()[name].concat
    return result, [tuple(cell(row.get(v), concat=v in concat) for v in result.variables) for row in result.rows]


def _expected(name):
    return [tuple(frozenset(v) if isinstance(v, set) else v for v in row) for row in EXPECTED[name]]


@pytest.fixture(scope="module")
def corpus(corpus_built):
    """The graph of every document of the corpus (the union of the named graphs, as `kg query` reads it)."""
    return corpus_built.graph


def test_every_question_has_an_expected_answer():
    assert set(catalog()) == set(EXPECTED) | {"person-mentioned", "person-graph"}
    assert len(catalog()) >= 33


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_question_answer(corpus, name):
    """The exact rows, in the question's order (every question orders its rows fully)."""
    result, rows = answer(name, corpus)
    assert result.variables == catalog()[name].columns
    assert rows == _expected(name)


def test_headline_figures(corpus):
    """52 for 全国技术能手 with 湖南省技能大师 in Zhuzhou; 26 × 50,000 and 50 × 20,000; 45.7万 talents in Ordos."""
    _, counts = answer("honor-holder-counts", corpus)
    assert [(r[2], r[7]) for r in counts if r[0] == {"全国技术能手", "湖南省技能大师"}] == [(52, ZZ)]
    _, totals = answer("funding-totals", corpus)
    assert {(r[3], r[1], r[4]) for r in totals} == {(26, 50000, 1300000), (50, 20000, 1000000)}
    _, talent = answer("talent-totals", corpus)
    assert {(r[0], r[2]) for r in talent if r[1] == "人才总量"} == {("株洲市", 598000), ("鄂尔多斯市", 457000)}


def _sources(graph) -> dict[str, str]:
    """The source text of every document of the graph, by document id (found by the file name it records)."""
    from rdflib.namespace import Namespace

    ns = Namespace(KG)
    out = {}
    for src in graph.subjects(ns.documentId, None):
        doc = str(graph.value(src, ns.documentId))
        name = str(graph.value(src, ns.fileName))
        out[doc] = (CORPUS / "documents" / doc / name).read_text(encoding="utf-8")
    return out


def test_figures_and_quotes_are_words_of_their_documents(corpus):
    texts = _sources(corpus)
    assert set(texts) == DOCS
    _, figures = answer("all-figures", corpus)
    for row in figures:
        assert row[4] in texts[row[5]], row
    _, honors = answer("honors-by-person", corpus)
    for row in honors:
        assert row[3] in texts[row[4]], row
    for text in ("株洲电力机车", "人社部", "技能大师工作室"):
        _, found = answer("find-quote", corpus, {"text": text})
        assert found and {row[3] for row in found} <= DOCS
        for fact, start, quote, doc in found:
            assert text in quote and texts[doc][start:start + len(quote)] == quote


def test_rows_from_several_documents_say_which(corpus):
    """Where rows come from several documents, each names its document (or the documents naming a shared entity)."""
    for name, q in catalog().items():
        if q.columns in (["boolean"], ["graph"]) or q.params:
            continue
        assert {"document", "documents"} & set(q.columns), name
    _, rows = answer("people-roles", corpus)
    assert [r for r in rows if r[0] == "汤涛"] == [("汤涛", "副部长", "人力资源和社会保障部", H22),
                                                 ("汤涛", "副部长", "人力资源和社会保障部", ZZ)]


def test_no_row_repeats_on_the_corpus(corpus):
    """No question answers the same row twice; rows that differ only by their document are one statement per
    document (contest-officials, people-roles: 汤涛 副部长 in two documents), and a question that gathers its
    documents into one ``documents`` column has no two rows differing only there."""
    repeated_across_documents = {}
    for name, q in catalog().items():
        if q.columns in (["boolean"], ["graph"]):
            continue
        _, rows = answer(name, corpus)
        assert len(set(rows)) == len(rows), name
        docs = [i for i, v in enumerate(q.columns) if v in ("document", "documents")]
        assert len(docs) == 1, name
        rest = [tuple(v for i, v in enumerate(row) if i not in docs) for row in rows]
        if len(set(rest)) < len(rest):
            assert q.columns[docs[0]] == "document", name
            repeated_across_documents[name] = len(rest) - len(set(rest))
    assert repeated_across_documents == {"contest-officials": 1, "people-roles": 3}


def test_person_mentioned_and_graph(corpus):
    assert query("person-mentioned", graph=corpus).boolean is True
    assert query("person-mentioned", graph=corpus, params={"name": "汤涛"}).boolean is True
    assert query("person-mentioned", graph=corpus, params={"name": "张三"}).boolean is False
    g = query("person-graph", graph=corpus).graph
    yi = URIRef(KGR + ZZ + "/yi-ran")
    assert set(g.subjects()) == {yi}
    assert set(g.objects(yi, URIRef(KG + "awardReceived"))) == {URIRef(KG + "honor-party-congress-20-delegate"),
                                                                URIRef(KG + "honor-great-craftsman")}
    assert set(g.objects(yi, URIRef(KG + "employer"))) == {URIRef(KGR + ZZ + "/crrc-zhuzhou-rolling-stock")}


def test_person_profile_of_chen_zhiman(corpus):
    _, rows = answer("person-profile", corpus, {"name": "陈志漫"})
    assert rows == [
        ("工作单位", "中车株洲所时代电气", N, ZZ), ("报道", TITLE_CHEN_3, N, ZZ), ("报道", TITLE_CHEN_2, N, ZZ),
        ("报道", TITLE_CHEN_1, N, ZZ), ("职务", "IPC全球常委", "IPC", ZZ), ("职务", "工艺专家", "中车株洲所时代电气", ZZ),
        ("荣誉", "IPC总裁奖", "国际级", ZZ), ("说明", "国内获IPC总裁奖第一人", N, ZZ), ("说明", "株洲妹子", N, ZZ),
        ("说明", "获IPC总裁奖的首位中国专家", N, ZZ),
    ]


def test_person_across_documents(corpus):
    """张庆伟 in two documents: the Zhuzhou letter (张庆伟书记向大赛致贺信) and the news of the opening, which also gives
    his posts (省委书记、省人大常委会主任张庆伟致贺信) and the letter he wrote."""
    _, rows = answer("person-across-documents", corpus, {"name": "张庆伟"})
    assert rows == [
        ("2022", ZZ, "活动", "致贺信", CONTEST), ("2022", ZZ, "职务", "书记", N),
        ("2022-07-06", H22, "作者", "张庆伟致湖南省第一届职业技能大赛的贺信", N),
        ("2022-07-06", H22, "活动", "致贺信", CONTEST),
        ("2022-07-06", H22, "职务", "书记", "中共湖南省委员会"),
        ("2022-07-06", H22, "职务", "人大常委会主任", "湖南省人民代表大会常务委员会"),
    ]
    _, deputy = answer("person-across-documents", corpus, {"name": "李志新"})
    assert deputy == [("2020", CC, "作者", SUGG_CC, N), ("2020", CC, "职务", "人大代表", N)]


def test_organization_profile_by_short_name_and_of_a_host(corpus):
    _, by_alt = answer("organization-profile", corpus, {"name": "株洲市人社局"})
    assert by_alt == _expected("organization-profile")
    _, host = answer("organization-profile", corpus, {"name": "株洲电力机车有限公司"})
    assert host == [("←", "依托单位", "株洲电力机车有限公司技能大师工作室", ZZ)]


def test_honor_holders_of_another_level(corpus):
    _, rows = answer("honor-holders-by-city", corpus, {"level": "国际级"})
    assert rows == [("株洲市", "陈志漫", "IPC总裁奖", "中车株洲所时代电气", frozenset({ZZ}))]  # 株洲妹子, the letter of 我市
    _, none = answer("honor-holders-by-city", corpus, {"level": "县级"})
    assert none == []


# ---------------------------------------------------------------- a new document: nothing is hard-coded

NEW_DOC = "testcity-2025-reply-7"
NEW_SOURCE = ("测试市人力资源和社会保障局\n"
              "测人社字〔2025〕7号\n"
              "对市一届人大一次会议第7号建议的答复\n"
              "王五代表：您提出的《关于培养数字技能人才的建议》收悉，现答复如下。\n"
              "截至目前，全市人才总量达12.3万人，其中数字技能人才2.1万人。高级技师张三获得“测试市工匠”称号。\n"
              "人社部有关负责人到我市调研。\n")
NEW_FACTS = """\
document: reply-letter
source:
  file: source.txt
  publisher: 测试市人力资源和社会保障局
  title: 对市一届人大一次会议第7号建议的答复
  published: 2025-03-01
facts:
- id: reply-letter
  a: ReplyLetter
  label: {zh: 对市一届人大一次会议第7号建议的答复, en: Reply to suggestion No. 7}
  quote: [测人社字〔2025〕7号, 对市一届人大一次会议第7号建议的答复]
  identifier: 测人社字〔2025〕7号
  issuer: bureau
  repliesTo: suggestion-7
  date: 2025
- id: bureau
  a: GovernmentBody
  label: {zh: 测试市人力资源和社会保障局, en: Test City HR bureau}
  quote: 测试市人力资源和社会保障局
  location: test-city
- id: test-city
  a: Municipality
  label: {zh: 测试市, en: Test City}
  quote: 测试市人力资源和社会保障局
- id: suggestion-7
  a: Suggestion
  label: {zh: 关于培养数字技能人才的建议, en: Suggestion on training digital skills}
  quote: 《关于培养数字技能人才的建议》
  title: 关于培养数字技能人才的建议
- id: obs-total
  a: Observation
  label: {zh: 全市人才总量12.3万人, en: 123000 talents}
  quote: 全市人才总量达12.3万人
  measure: talentTotal
  value: 123000
  qualifier: exactly
  unit: person
  sourceValue: 12.3万人
  period: 截至目前
  about: test-city
- id: obs-digital
  a: Observation
  label: {zh: 数字技能人才2.1万人, en: 21000 digital-skill talents}
  quote: 其中数字技能人才2.1万人
  measure: digitalSkillTalent
  value: 21000
  qualifier: exactly
  unit: person
  sourceValue: 2.1万人
  period: 截至目前
  about: test-city
- id: zhang-san
  a: Person
  label: {zh: 张三, en: Zhang San}
  quote: 高级技师张三
- id: conferral-zhang-san
  a: HonorConferral
  label: {zh: 张三获得测试市工匠, en: Zhang San named Test City Craftsman}
  quote: 张三获得“测试市工匠”称号
  recipient: zhang-san
  honor: honor-test-city-craftsman
- mention: mohrss
  quote: 人社部有关负责人
"""
NEW_VOCAB = """\
measures:
- id: digitalSkillTalent
  label: {zh: 数字技能人才, en: digital-skill talent}
honors:
- id: honor-test-city-craftsman
  label: {zh: 测试市工匠, en: Test City Craftsman}
  level: municipal
"""


@pytest.fixture(scope="module")
def with_new_document(tmp_path_factory):
    """The corpus copied to a temporary folder with one more document that brings a new city, a new measure and
    a new honor (data files only), built."""
    from kg.api import build

    corpus = tmp_path_factory.mktemp("corpus-plus") / "data"
    shutil.copytree(CORPUS, corpus)
    folder = corpus / "documents" / NEW_DOC
    folder.mkdir()
    (folder / "source.txt").write_text(NEW_SOURCE, encoding="utf-8")
    (folder / "facts.yaml").write_text(NEW_FACTS, encoding="utf-8")
    (corpus / "vocab" / "test-city.yaml").write_text(NEW_VOCAB, encoding="utf-8")
    result = build(corpus=corpus, out_dir=corpus.parent / "build")
    assert result.conforms
    return result.graph


def test_a_new_city_measure_and_honor_appear_without_touching_a_query(with_new_document):
    """Talent figures, honors by city, documents by issuer and shared entities pick up a document they have
    never seen: no list of measures, cities or honors in the questions."""
    g = with_new_document
    _, totals = answer("talent-totals", g)
    assert [r for r in totals if r[0] == "测试市"] == [
        ("测试市", "人才总量", 123000, "exactly", "12.3万人", "截至目前", NEW_DOC),
        ("测试市", "数字技能人才", 21000, "exactly", "2.1万人", "截至目前", NEW_DOC),
    ]
    _, by_year = answer("talent-by-city-year", g)
    assert [r for r in by_year if r[0] == "测试市"] == [
        ("测试市", "2025", "人才总量", 123000, "exactly", "12.3万人", 100, "截至目前", NEW_DOC),
        ("测试市", "2025", "数字技能人才", 21000, "exactly", "2.1万人", Decimal("17.1"), "截至目前", NEW_DOC),
    ]
    _, honors = answer("honors-by-city", g)  # placed by the location of the letter's issuer
    assert [r for r in honors if r[0] == "测试市"] == [
        ("测试市", "测试市工匠", "市级", 1, frozenset({"张三"}), N, frozenset({NEW_DOC}))]
    _, issuers = answer("documents-by-issuer", g)
    assert [r for r in issuers if r[0] == "测试市人力资源和社会保障局"] == [
        ("测试市人力资源和社会保障局", "测试市", "答复函", 1, "2025", "2025", frozenset({NEW_DOC}))]
    _, shared = answer("shared-entities", g)
    mohrss = [r for r in shared if r[0] == "人力资源和社会保障部"]
    assert mohrss == [("人力资源和社会保障部", "政府机构", 4, frozenset({MO, H22, ZZ, NEW_DOC}))]
    _, answered = answer("suggestions-answered", g)
    assert [r for r in answered if r[-1] == NEW_DOC] == [
        ("关于培养数字技能人才的建议", "代表建议", N, N, N, N, "测人社字〔2025〕7号", N, N, N, N, NEW_DOC)]


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


def test_every_select_is_ordered_and_every_concatenation_declared():
    """Deterministic answers on every engine: each SELECT question ends with ORDER BY, and every GROUP_CONCAT it
    projects is declared in ``# concat:`` (its parts are then sorted after the query)."""
    from kg.ask.sparql import query_kind

    for q in catalog().values():
        if query_kind(q.text) != "select":
            continue
        assert re.search(r"^ORDER BY ", q.text, re.M), q.name
        projected = set(re.findall(r"GROUP_CONCAT\([^)]*\)\)? AS \?(\w+)\)", q.text))
        assert projected <= set(q.concat), (q.name, projected - set(q.concat))


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
