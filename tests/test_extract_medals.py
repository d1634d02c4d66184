"""Medals won at contests in real news items (kg.extract.rules.medals). Each excerpt's source is in a comment; values
are the texts' own."""
from kg.extract.known import load_known
from kg.extract.pipeline import extract_text


def _medals(text: str):
    d = extract_text(text, known=load_known())
    obs = [f for f in d.facts if f.cls == "Observation" and str(f.rule).startswith("medal.")]
    return [(f.first("measure"), f.first("value"), f.first("unit"), f.label) for f in obs], obs, d


def test_medals_named_before_their_counts_with_the_team_that_won_them():
    # 羊城晚报 2023-09-19 (https://news.ycwb.com/2023-09/19/content_52215985.htm)
    got, obs, d = _medals("为本届大赛获金、银、铜牌的393名选手颁奖。广东代表团在第二届全国技能大赛共获得金牌23枚、银牌10枚、铜牌13枚、优胜奖63个。")
    assert [g[:3] for g in got] == [("medallists", 393, "person"),   # 获金、银、铜牌的393名选手: persons, contest-wide
                                    ("goldMedals", 23, "medal"), ("silverMedals", 10, "medal"), ("bronzeMedals", 13, "medal"),
                                    ("excellenceAwards", 63, "award")]
    assert got[2][3] == "广东代表团在第二届全国技能大赛共获得…银牌10枚"
    assert [q.text for q in obs[2].quotes] == ["广东代表团在第二届全国技能大赛共获得", "银牌10枚"]
    about = {f.id: f.label for f in d.facts}
    assert {about[str(o.first("about"))] for o in obs[1:]} == {"广东省"} and obs[0].first("about") is None


def test_medals_counted_before_their_kind_and_cumulative_ones():
    # 新华社 2019-08-27 (https://m.folksfolks.com/news/2019-08/28/content_22657069.htm)
    got, obs, _ = _medals("当地时间27日晚,第45届世界技能大赛在俄罗斯鞑靼斯坦共和国首府喀山闭幕,中国代表团共获得16枚金牌、14枚银牌、5枚铜牌和17个优胜奖,"
                          "再次荣登金牌榜、奖牌榜、团体总分第一。 这是中国自2011年首次参加世界技能大赛以来成绩最好的一次。"
                          "中国已参加5届大赛,累计获得36枚金牌、29枚银牌、20枚铜牌和58个优胜奖。")
    assert [(g[0], g[1]) for g in got] == [("goldMedals", 16), ("silverMedals", 14), ("bronzeMedals", 5), ("excellenceAwards", 17),
                                           ("goldMedals", 36), ("silverMedals", 29), ("bronzeMedals", 20), ("excellenceAwards", 58)]
    assert [o.first("period") for o in obs] == [None] * 4 + ["累计"] * 4
    assert got[4][3] == "中国已参加5届大赛,累计获得36枚金牌"   # the winner is the clause before 累计获得


def test_a_run_of_medals_in_a_headline_and_the_body_is_said_once():
    # 湖北省职业技能鉴定指导中心 (https://www.hbskills.org.cn/index.php?a=shows&catid=64&id=643)
    got, _, _ = _medals("第一届全国技能大赛圆满闭幕 湖北选手获得2银3铜和52个优胜奖\n\n"
                        "湖北代表队获得2银3铜和52个优胜奖,总积分位列全国前十,展现了湖北技能人才的精湛技艺和职业风采。")
    assert got == [("silverMedals", 2, "medal", "湖北代表队获得2银"), ("bronzeMedals", 3, "medal", "湖北代表队获得…3铜"),
                   ("excellenceAwards", 52, "award", "湖北代表队获得…52个优胜奖")]
    # 荆州日报 2024-12-03 (http://news.cnchu.com/jzrb/pc/html/2024-12/03/nw.D421000jzrb_20241203_7-A002.htm)
    got, _, _ = _medals("全省第二届职业技能大赛结果出炉\n\n荆州选手斩获3金2银\n\n  本报讯(记者王子瑶)11月30日,湖北省第二届职业技能大赛在武汉国际博览中心落幕,"
                        "我市选手斩获3金2银,金牌总数居全省市州第一。")
    assert got == [("goldMedals", 3, "medal", "我市选手斩获3金"), ("silverMedals", 2, "medal", "我市选手斩获…2银")]


def test_persons_who_won_medals_are_medallists_not_medals():
    # 人民日报 2020-12-15 (https://scsqw.cn/gzdt/zyhy/content_49055) and 北京 2024-12-15 (中新网; a copy: http://l4.net.cn/b/Dvql_94615.html)
    got, _, _ = _medals("中华人民共和国首届职业技能大赛13日在广州闭幕。经过3天角逐,大赛共有1350人获得相关奖项,其中291名选手获得86个项目的金、银、铜牌,"
                        "1010名选手获得优胜奖,13名选手获得西部技能之星。")
    assert got == [("medallists", 291, "person", "291名选手获得86个项目的金、银、铜牌"),
                   ("excellenceAwardees", 1010, "person", "1010名选手获得优胜奖")]
    got, _, _ = _medals("北京市第六届职业技能大赛15日闭幕。本届大赛共有410人获奖,创历史新高。其中,135人获金牌、138人获银牌、137人获铜牌。")
    assert [g[:3] for g in got] == [("goldMedallists", 135, "person"), ("silverMedallists", 138, "person"), ("bronzeMedallists", 137, "person")]
    assert not [g for g in got if g[0] in ("goldMedals", "silverMedals", "bronzeMedals")]


def test_medals_of_district_teams_and_teams_that_won_an_award_are_no_count_of_teams():
    # 重庆科技报 2021-11-04 (https://epaper.cqrb.cn/html/kjb/2021-11/04/08/content_kj_277208.htm)
    got, obs, d = _medals("近日,第七届中国·重庆职业技能大赛暨“巴蜀工匠”杯新职业技能大赛举行闭幕式。2天时间里,川渝两地43个代表团727名参赛选手以精湛的技术"
                          "和拼搏的精神,赛出了代表“巴蜀工匠”的高水平。\n据悉,在第七届中国·重庆职业技能大赛中,九龙坡区代表团获得4金3银4铜9优胜佳绩,"
                          "总分位居全市第一;永川区代表团获得1金3银9铜12优胜,总分位居全市第二。另外,在大赛中还有16个代表团获得“特别贡献奖”。")
    assert [(g[0], g[1], g[3]) for g in got] == [
        ("goldMedals", 4, "九龙坡区代表团获得4金"), ("silverMedals", 3, "九龙坡区代表团获得…3银"), ("bronzeMedals", 4, "九龙坡区代表团获得…4铜"),
        ("excellenceAwards", 9, "九龙坡区代表团获得…9优胜"), ("goldMedals", 1, "永川区代表团获得1金"), ("silverMedals", 3, "永川区代表团获得…3银"),
        ("bronzeMedals", 9, "永川区代表团获得…9铜"), ("excellenceAwards", 12, "永川区代表团获得…12优胜")]
    assert not [o for o in obs if o.first("about")]   # a district's team: no province named
    teams = [(f.first("value"), f.label) for f in d.facts if f.first("measure") == "teams"]
    assert teams == [(43, "43个代表团")]   # not the 16 that won an award
