"""Shares in real texts of the genre (kg.extract.rules.shares): a part as a percentage of its base, kept only when the
vocabulary has a share measure naming that part and that base. Each excerpt's source is in a comment; values are
the texts' own."""
from decimal import Decimal

from kg.extract.known import load_known
from kg.extract.pipeline import extract_text


def _shares(text: str):
    d = extract_text(text, known=load_known())
    return [(f.first("measure"), f.first("value"), f.first("qualifier"), f.first("unit"), f.first("sourceValue"), f.label)
            for f in d.facts if f.cls == "Observation" and f.first("unit") in ("percent", "percentagePoint")], d


def test_shares_of_a_part_given_with_its_own_figure():
    # https://www.chaxiaohao.com/read-1752166573l6398266.html
    got, _ = _shares("根据最新统计数据,全国技能劳动者约1.65亿人,占就业人员总量的21.3%,其中高技能人才4791万人,占技能劳动者总数的29%。")
    assert got == [("skillTalentShare", Decimal("21.3"), "exactly", "percent", "21.3%", "技能劳动者约1.65亿人,占就业人员总量的21.3%"),
                   ("highSkillShare", 29, "exactly", "percent", "29%", "高技能人才4791万人,占技能劳动者总数的29%")]


def test_the_qualifier_said_before_the_figure():
    # 人民日报 2024-09-27 (a copy: http://javascriptjump.com/?6Nk3d=pH9.html)
    got, _ = _shares("在人才规模上,我国技能人才总量超过2亿人,高技能人才超过6000万,占技能人才的比例约为30%,建成一支规模宏大的队伍。")
    assert [g[:5] for g in got] == [("highSkillShare", 30, "approximately", "percent", "30%")]
    # 人民网 2021-07-06 (http://www.mattel8.com.cn/system/2021/07/06/012610141.shtml, traditional script)
    got, _ = _shares("2020年年底,全國技能勞動者超過2億人,其中高技能人才約5800萬,高技能人才占技能人才的比例近30%。")
    assert [g[:4] for g in got] == [("highSkillShare", 30, "nearly", "percent")]


def test_a_share_narrowed_to_some_provinces_or_a_range_is_not_drafted():
    # same page: the plan's national target is drafted (a quoted plan's target); 东部省份 and 中西部省份 are not the nation
    got, d = _shares("通過實施技能中國行動,“十四五”期間,實現新增技能人才4000萬人以上,技能人才占就業人員比例達到30%,"
                     "東部省份高技能人才占技能人才比例達到35%,中西部省份高技能人才占技能人才比例在現有基礎上提高2~3個百分點。")
    assert [g[:4] for g in got] == [("skillTalentShare", 30, "exactly", "percent")]
    obs = next(f for f in d.facts if f.first("measure") == "skillTalentShare")
    assert obs.first("period") == "“十四五”期间"


def test_a_share_of_what_the_vocabulary_has_no_measure_for_is_not_drafted():
    # 中华人民共和国第三届职业技能大赛 (http://www.gclantian.com/news/gnyw/2025/09/1581432.html, simplified here)
    got, _ = _shares("本届大赛共有35个代表团参赛,3420名参赛选手中,技工院校学生占比58%,企业职工占比21%。")
    assert got == []
    # 劳动和社会保障部 2004 (http://edu.sina.com.cn/l/2004-08-17/79937.html): technicians have no measure; 不到 no qualifier
    got, _ = _shares("目前我国高技能人才不足,技师和高级技师占全部技术工人的比例不到4%,且年龄偏大。")
    assert got == []


def test_a_rise_in_percentage_points_of_the_share_before():
    # 2017年度浙江省人才资源统计调查 (https://lunwen90.cn/article/7688f0e7514ef47118e760a2.html)
    got, d = _shares("2017 年末,浙江省人才资源总量1220.9 万人,比2015 年增加145.9 万人,人才资源占从业人员的32.2%,比重提高3.4 个百分点。")
    assert [g[:4] for g in got] == [("talentShare", Decimal("32.2"), "exactly", "percent"),
                                    ("talentShare", Decimal("3.4"), "exactly", "percentagePoint")]
    rise = next(f for f in d.facts if f.first("unit") == "percentagePoint")
    assert rise.notes == ["the rise of the share in percentage points, not the share (compared with 2015 年)"]


def test_a_rise_in_percentage_points_named_with_its_share():
    # 枣庄市人社局 2024-09-14 (http://zzhrss.zaozhuang.gov.cn/ywdt/rsdt/202409/t20240914_1938864.html)
    got, _ = _shares("2023年以来,全市新增技能劳动者6.3万人,其中高技能人才4.3万人,高技能人才总量占技能劳动者总量比例增长近8个百分点。")
    assert [g[:4] for g in got] == [("highSkillShare", 8, "nearly", "percentagePoint")]


def test_a_share_raised_to_a_target():
    # 人事部 2008 (http://szedu.net/vip/article/2008-3-29/26073-1.htm): 25%以上 is the plan; the 20% it starts from is not drafted
    got, d = _shares("“十一五”期间,全国将培养新技师和高级技师190万名,培养高级技工700万名,高技能人才占技能劳动者比例由20%提高到25%以上,"
                     "其中技师、高级技师由4%提高到5%以上。")
    assert [g[:5] for g in got] == [("highSkillShare", 25, "atLeast", "percent", "25%以上")]
    assert next(f for f in d.facts if f.first("unit") == "percent").notes == ["a plan the text states, not a count reached"]


def test_shares_of_a_plan_with_the_base_figure_between():
    # 许昌市 工作方案 (http://rsj.xuchang.gov.cn/Home/info/dbddf31c-a002-4f88-a142-c2ab6552addc): targets 到2025年;
    # 中高级技能人才 is a grade of skilled talent, no share measure
    got, d = _shares("(二)目标任务\n到2025年,完成60万人次职业技能培训、45万人(含新增高技能人才15万人)取得相应证书。"
                     "全市持证人员(含企业经营管理人才、专业技术人才、技能人才、农村实用人才、社会工作人才)总量达到130万人以上,"
                     "占从业人员的60%以上。其中,技能人才总量达到85万人,占从业人员的40%以上;中高级技能人才总量达到70万人,占技能人才总量的80%以上。")
    assert [g[:4] for g in got] == [("certificateHolderShare", 60, "atLeast", "percent"), ("skillTalentShare", 40, "atLeast", "percent")]
    assert {f.first("period") for f in d.facts if f.first("unit") == "percent"} == {"到2025年"}
    # 河南日报 2025-09-10 summary (https://staging.reportify.cn/news/1163427001592320000): the base's own figure between
    got, d = _shares("河南技能人才发展现状 - 技能人才总量达1960多万人 占全省从业人员4828万人的40.8% [2] - 高技能人才总量达690多万人 占技能人才总量的35.09% [2]")
    assert [g[:4] for g in got] == [("skillTalentShare", Decimal("40.8"), "exactly", "percent"),
                                    ("highSkillShare", Decimal("35.09"), "exactly", "percent")]
    assert [(f.first("measure"), f.first("value")) for f in d.facts if f.first("measure") == "employedPersons"] == [("employedPersons", 48280000)]


def test_a_share_from_one_year_to_another_and_no_other_percentages():
    # 文汇报 2018-05-18 (https://dzb.whb.cn/html/2018-05/18/content_658629.html): each share of the year it names; the
    # shares of workers by age or schooling, of foreigners in the country, have no share measure
    text = ("申城高技能人才总量突破百万\n目前,35岁及以下职工占比高达57.0%,“80后”“90后”成中坚力量。以2017年8月数据为参照,大专以上学历劳动者占比达到39.8%,"
            "比五年前同期上升10.2个百分点;在沪就业创业的外国人达到21.5万人,占全国的23.7%。\n截至2016年底,上海高技能人才总量超100万,"
            "占技能劳动者比重从2010年的25.0%提高至2016年的31.1%,且呈现不断增加的趋势。")
    got, d = _shares(text)
    assert [g[:5] for g in got] == [("highSkillShare", 25, "exactly", "percent", "25.0%"),
                                    ("highSkillShare", Decimal("31.1"), "exactly", "percent", "31.1%")]
    assert [f.first("period") for f in d.facts if f.first("unit") == "percent"] == ["2010年", "2016年"]
    # 高技能人才总量 is a total of high-skill talents (not 技能人才总量), 突破 and 超 say more than
    assert [(f.first("measure"), f.first("value"), f.first("qualifier"), f.label) for f in d.facts if f.first("unit") == "person"] == [
        ("highSkillTalent", 1000000, "moreThan", "高技能人才总量突破百万"), ("highSkillTalent", 1000000, "moreThan", "高技能人才总量超100万")]


def test_a_headline_share_said_again_is_one_figure():
    # https://www.xcxshe.cn/18472.html: the title twice, then the body (占据, 已经突破)
    got, d = _shares("人社部统计:技能人才总量已超2亿人,占就业人员总量26%以上。\n\n人社部统计:技能人才总量已超2亿人,占就业人员总量26%以上。\n\n"
                     "根据人社部最新统计数据显示,目前技能人才总量已经突破2亿人,并占据就业人员总量的26%以上。")
    assert [g[:5] for g in got] == [("skillTalentShare", 26, "atLeast", "percent", "26%以上")]
    share = next(f for f in d.facts if f.first("unit") == "percent")
    assert [q.text for q in share.quotes] == ["技能人才总量已超2亿人,占就业人员总量26%以上"] * 2 + ["技能人才总量已经突破2亿人,并占据就业人员总量的26%以上"]
