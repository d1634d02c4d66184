"""Counts of honor holders in real news items of the genre (kg.extract.rules.counts). Each excerpt's source is in
a comment; values are the texts' own."""
from kg.extract.known import load_known
from kg.extract.pipeline import extract_text
from kg.extract.rules.counts import AS_OF


def _obs(d):
    return sorted((str(f.first("honor")), f.first("value"), f.first("unit")) for f in d.facts if f.cls == "Observation")


def test_honors_then_how_many_were_given():
    # 我省57人获全国五一劳动奖章 (山东商报 2022-04-29)
    d = extract_text("中华全国总工会召开大会表彰2022年全国五一劳动奖和全国工人先锋号获得者,颁发全国五一劳动奖状200个,"
                     "全国五一劳动奖章966个,全国工人先锋号956个。", known=load_known())
    assert _obs(d) == [("honor-national-may-day-medal", 966, "person"), ("honor-national-workers-pioneer", 956, "institution")]


def test_holders_counted_after_the_honor_and_not_the_next_honor():
    # 2024年全国五一劳动奖 湖南名单 (simanb.com): 34 persons hold the medal; 27 is the count of 先锋号
    d = extract_text("其中湖南省获得全国五一劳动奖状的集体有7家,获得全国五一劳动奖章的个人有34位,全国工人先锋号27个。", known=load_known())
    assert ("honor-national-may-day-medal", 34, "person") in _obs(d)
    assert not [o for o in _obs(d) if o[1] == 34 and o[0] != "honor-national-may-day-medal"]


def test_a_group_among_those_honored_is_not_a_count_of_holders():
    # same page: 今年共表彰农民工172人 (172 of the medal holders are migrant workers)
    d = extract_text("在常规表彰的奖章对象中,产业工人380名,占40.3%,今年共表彰农民工172人,占18.2%。"
                     "表彰全国五一劳动奖状255个、全国五一劳动奖章1088个、全国工人先锋号1034个。", known=load_known())
    assert not [o for o in _obs(d) if o[1] == 172]


def test_contestants_of_a_contest():
    # 青海省第三届职业技能大赛开幕 (中新网 2024-09-12)
    d = extract_text("青海全省各市州、各技工院校、相关企业等部门行业组建31个代表团参赛,817名选手、246名裁判参加。大赛同期,还将举办技能展示交流。",
                     known=load_known())
    got = [(f.first("measure"), f.first("value"), f.first("sourceValue")) for f in d.facts if f.cls == "Observation"]
    assert got == [("teams", 31, "31个"), ("participants", 817, "817名"), ("judges", 246, "246名")]


def test_workshops_named_by_what_they_became():
    # 厦门又有20家工作室获评“厦门市技能大师工作室” (台海网 2019-01-24, traditional characters on the page)
    d = extract_text("臺海網1月24日訊 (海峽導報記者 錢玲玲)廈門又有20家工作室獲評“廈門市技能大師工作室”,將獲得建設項目一次性補助經費8萬元。",
                     known=load_known())
    got = [(f.first("measure"), f.first("value"), f.first("unit")) for f in d.facts if f.cls == "Observation"]
    assert got == [("workshopsEstablished", 20, "workshop")]


# ---------------------------------------------------------------- reply letters seen on public pages (realdocs-letters)
def _figures(text):
    d = extract_text(text, known=load_known())
    return [(str(f.first("value")), f.first("measure"), f.first("qualifier"), f.first("period")) for f in d.facts if f.cls == "Observation"]


def test_as_of_names_its_time_and_new_talents_are_no_total():
    # 驻马店市人社局, reply to 乔艳红、善巧云委员 (2023; the search store gives no address)
    text = "截至一季度,全市累计开展各类职业培训10.5万人次,新增技能人才5.64万人,新增高技能人才2万人,分别完成年度目标的47.73%。"
    assert AS_OF.search(text).group(0) == "截至一季度"
    # 新增高技能人才2万人 is a quarter's new ones: their own measures (flows), no figure of the city's high-skill talent
    assert _figures(text) == [("105000", "trainingPersonTimes", "exactly", "截至一季度"),
                              ("56400", "newSkillTalent", "exactly", "截至一季度"),
                              ("20000", "newHighSkillTalent", "exactly", "截至一季度")]
    units = [f.first("unit") for f in extract_text(text, known=load_known()).facts if f.cls == "Observation"]
    assert units == ["personTime", "person", "person"]


def test_totals_of_skilled_talent_in_ten_thousands_without_a_unit_and_a_shortage():
    # 虞人社提〔2019〕2号 (nbxinxi.com/a/shangyuqu/20210602/192837.html)
    assert _figures("目前,全区技能人才总量已达16.1万,其中高技能人才有4.8万,技能人才担纲着企业大梁。") == [
        ("161000", "skillTalent", "exactly", None), ("48000", "highSkillTalent", "exactly", None)]
    assert _figures("据调查统计,全区企业一线技工缺口近1万人。") == [("10000", "skillShortage", "nearly", None)]


def test_trades_of_training_are_no_trades_of_a_contest():
    # 湖州市吴兴区人社局, reply to 徐维丽代表 (wuxing.gov.cn …/art_51e52b76….html)
    assert not any(m == "tradesPerEdition" for _, m, _, _ in _figures(
        "目前,辖区内共有6家职技类院校和42家民办职业技能培训机构,提供60多个工种的培训服务,涵盖数字经济等紧缺急需领域。"))
    # a contest's trades are still counted (株洲 reply 2022, data/documents/zhuzhou-2022-37)
    assert ("10", "tradesPerEdition", "atLeast", "每年") in _figures("每年精心选取10个以上职业工种，连续七年举办“技能天下”职业技能电视大赛。")


def test_a_figure_in_the_headline_and_again_in_the_body_is_one_observation():
    # 第二届全国技能大赛在天津开赛 4045名选手同台竞技 (人民网 2023-09-16)
    d = extract_text("第二届全国技能大赛在天津开赛 4045名选手同台竞技\n今天,第二届全国技能大赛在天津开赛。本届大赛来自全国36个代表团的4045名选手参赛,角逐109个项目奖牌。",
                     known=load_known())
    obs = [f for f in d.facts if f.cls == "Observation"]
    assert [(f.first("measure"), f.first("value"), len(f.quotes)) for f in obs] == [("participants", 4045, 2), ("teams", 36, 1)]


def test_one_named_and_the_others_counted():
    # 劳社部发〔2000〕24号: 一、授予何强等10人(名单附后“中华技能大奖”获得者荣誉称号 (the page drops a bracket)
    d = extract_text("一、授予何强等10人(名单附后“中华技能大奖”获得者荣誉称号,颁发“中华技能大奖”奖章、证书、奖杯和奖金。\n"
                     "二、授予黎长新等147人(名单附后)“全国技术能手”荣誉称号。", known=load_known())
    assert _obs(d) == [("honor-china-skills-award", 10, "person"), ("honor-national-technical-expert", 147, "person")]


# ---------------------------------------------------------------- measures of the genre: flows, trainings, institutions
def _figures_units(text):
    d = extract_text(text, known=load_known())
    return [(str(f.first("value")), f.first("measure"), f.first("qualifier"), f.first("unit"), f.first("sourceValue"))
            for f in d.facts if f.cls == "Observation"]


def test_vocational_schools_and_training_institutions():
    # 湖州市吴兴区人社局, reply to 徐维丽代表 (wuxing.gov.cn/xxgk/wxbmxxgk/qrlsbj/fdzdgknr/jytabl/rddbjy/art/2025/
    # art_51e52b764e7e425d8ae32293b8b50167.html)
    assert _figures_units("目前,辖区内共有6家职技类院校和42家民办职业技能培训机构,提供60多个工种的培训服务,涵盖数字经济等紧缺急需领域。") == [
        ("6", "vocationalSchools", "exactly", "institution", "6家"),
        ("42", "trainingInstitutions", "exactly", "institution", "42家")]
    # the students of the schools are no count of schools
    assert _figures_units("全市技工院校在校生3.2万人。") == []


def test_trainings_assessments_and_certificates_in_person_times():
    # 新华社 2017-07-13, 我国高技能人才达到4791万人 (wxrb.luaninfo.com/p/a.aspx?id=10949&t=3&time=2017-07-14)
    assert _figures_units("2012年以来,全国技工院校累计向社会输送532万毕业生,就业率保持97%以上,开展各类培训2600余万人次;"
                          "累计9173万人次参加职业技能鉴定,7625万人次取得职业资格证书。") == [
        ("26000000", "trainingPersonTimes", "moreThan", "personTime", "2600余万人次"),
        ("91730000", "skillAssessments", "exactly", "personTime", "9173万人次"),
        ("76250000", "personsCertified", "exactly", "personTime", "7625万人次")]
    assert _figures_units("2012年以来,全国累计开展政府补贴职业培训9715万人次。") == [
        ("97150000", "trainingPersonTimes", "exactly", "personTime", "9715万人次")]
    # persons trained (名, not 人次) are teachers here, not training person-times; certificates of a contest are no 取证
    assert _figures_units("5个专业一体化课程改革试点取得重要成果,新培训800多名一体化课程师资。") == []


def _with_notes(text):
    d = extract_text(text, known=load_known())
    return [(f.first("measure"), f.first("value"), f.first("unit"), f.notes) for f in d.facts if f.cls == "Observation"]


def test_training_bases_set_up_and_planned():
    # 人社部 2010 年全国人力资源和社会保障工作会议 (wap.vmaya.com/socfnews/topic/tskey/sn9213516069176431603.html)
    assert _with_notes("人力资源社会保障部部长尹蔚民在会上说,今年我国技能人才队伍建设进一步加强,设立首批20个国家级高技能人才培训基地和"
                       "50个技能大师工作室,成立APEC技能开发促进中心。") == [
        ("highSkillTrainingBases", 20, "institution", []), ("workshopsEstablished", 50, "workshop", [])]
    planned = ["a plan the text states, not a count reached"]
    assert _with_notes("尹蔚民表示,明年我国将全面实施高技能人才队伍建设中长期规划;大力实施国家高技能人才振兴计划,"
                       "新建140个高技能人才培训基地和150个技能大师工作室。") == [
        ("highSkillTrainingBases", 140, "institution", planned), ("workshopsEstablished", 150, "workshop", planned)]
    # 新华社 2017-07-13 (wxrb.luaninfo.com/p/a.aspx?id=10949&t=3&time=2017-07-14)
    assert _with_notes("近年来,国家层面建设476个高技能人才培训基地、594个技能大师工作室。") == [
        ("highSkillTrainingBases", 476, "institution", []), ("workshopsEstablished", 594, "workshop", [])]
    # 央广网 2017-03-07 (zzzbjy.b.farenhui.com/News_Show_6018.html): workshops the city will set up
    assert _with_notes("2017年,沈阳市将拟新建10个市级技能大师工作室,评估为“优秀”的技能大师工作室将获得建设资金资助。") == [
        ("workshopsEstablished", 10, "workshop", planned)]


def test_targets_to_be_reached():
    # 上海 2018, 23人喜获“上海市技能大师工作室” (meishuziliao.com/zixun/16872926351478.html): what the plan wants by 2021, each with its target
    text = ("到2021年,具有辐射带动作用的高技能人才培养基地要达到120家,市级首席技师等高技能领军人才达2000名,"
            "市级技能大师工作室达200个。")
    d = extract_text(text, known=load_known())
    assert [(f.first("measure"), f.first("value"), f.first("unit"), f.first("period")) for f in d.facts if f.cls == "Observation"] == [
        ("highSkillTrainingBases", 120, "institution", "到2021年"), ("workshopsEstablished", 200, "workshop", "到2021年")]
    # without a year, 将达到 is still a plan, not a count reached
    assert _with_notes("全市技能人才总量将达到20万人。") == [
        ("skillTalent", 200000, "person", ["a plan the text states, not a count reached"])]


def test_new_talents_of_a_year_and_a_quoted_plan():
    # 人社部 2010 年全国人力资源和社会保障工作会议 (wap.vmaya.com/socfnews/topic/tskey/sn9213516069176431603.html)
    d = extract_text("今年我国加大高技能人才培养力度,预计全年新增高技能人才240万人。", known=load_known())
    (o,) = [f for f in d.facts if f.cls == "Observation"]
    assert (o.first("measure"), o.first("value"), o.first("period")) == ("newHighSkillTalent", 2400000, "预计")
    assert o.notes == ["a target the text sets, not a count reached"]
    # 虞人社提〔2019〕2号 (nbxinxi.com/a/shangyuqu/20210602/192837.html): the work report's targets, quoted
    d = extract_text("今年1月,区《政府工作报告》就改造提升传统产业和强化人才就业工作明确提出:先行推动化工、照明、伞业等传统制造业数字化升级。"
                     "推进“百所高校,万名实习生”计划,新增各类人才2.62万名,吸引1.58万名大学生就业,新增就业岗位1.84万个,培养高技能人才2600人。",
                     known=load_known())
    obs = [f for f in d.facts if f.cls == "Observation"]
    assert [(f.first("measure"), f.first("value"), f.first("unit")) for f in obs] == [("newTalent", 26200, "person")]
    assert obs[0].notes == ["a target of the plan the text quotes, not a count reached"]


def test_comrades_named_then_counted_with_straight_quotes():
    # 关于表彰2009年度全国技术能手的决定(人社部发[2010]18号), a copy at
    # https://mnxeyy.com/html/TrainingSkillAccrenitaTioncontent2010-0325content_71828.html (the page prints "…" quotes)
    d = extract_text('为表彰在2009年度国家级各类职业技能竞赛活动中取得优异成绩的选手,我部决定授予王学法等243名同志(名单附后)'
                     '"全国技术能手"荣誉称号,颁发奖章、证书和奖牌。', known=load_known())
    assert _obs(d) == [("honor-national-technical-expert", 243, "person")]
    conf = [f for f in d.facts if f.cls == "HonorConferral"]
    assert [(d.by_id(c.first("recipient")).label, c.first("honor")) for c in conf] == [("王学法", "honor-national-technical-expert")]
    # the quote is the raw words, straight quotes and all
    assert conf[0].quotes[0].text.endswith('(名单附后)"全国技术能手"')


def test_comrades_and_an_edition_before_a_new_honor():
    # 哈尔滨市哈经开区表彰十大工匠和创新能手 (央广网 2018-04-20, http://hlj.cnr.cn/jdxw/20180420/t20180420_524206518.shtml)
    d = extract_text("决定授予王治宇等10名同志第二届“哈南十大工匠”称号;授予于英斌等10名同志第二届“哈南十大职工创新能手”称号;"
                     "授予王龙等十名同志第二届“哈南十大工匠提名奖”称号。", known=load_known())
    honors = {f.id: f.label for f in d.facts if f.cls == "Honor"}
    assert sorted((honors[o[0]], o[1]) for o in _obs(d)) == [("哈南十大工匠", 10), ("哈南十大工匠提名奖", 10), ("哈南十大职工创新能手", 10)]
    got = sorted((d.by_id(c.first("recipient")).label, honors[c.first("honor")]) for c in d.facts if c.cls == "HonorConferral")
    assert got == [("于英斌", "哈南十大职工创新能手"), ("王治宇", "哈南十大工匠"), ("王龙", "哈南十大工匠提名奖")]


def test_medallists_are_not_the_contestants():
    # 全国首届职业技能大赛闭幕 (人民日报 2020-12-15 p.6, repost https://scsqw.cn/gzdt/zyhy/content_49055)
    d = extract_text("中华人民共和国首届职业技能大赛13日在广州闭幕。经过3天角逐,大赛共有1350人获得相关奖项,其中291名选手获得86个项目的金、银、铜牌,"
                     "1010名选手获得优胜奖,13名选手获得西部技能之星,36名选手获评各参赛代表队最佳奖。", known=load_known())
    assert [f for f in d.facts if f.cls == "Observation" and f.first("measure") == "participants"] == []
    # 第二届职业技能大赛闭幕式 (羊城晚报 2023-09-19, https://news.ycwb.com/2023-09/19/content_52215985.htm)
    d = extract_text("来自全国各地各行业的大国工匠、劳动模范、全国技术能手、世赛冠军、大赛合作伙伴等作为颁奖嘉宾,为本届大赛获金、银、铜牌的393名选手颁奖。",
                     known=load_known())
    assert [f for f in d.facts if f.cls == "Observation" and f.first("measure") == "participants"] == []


def test_contestants_in_all_are_no_cumulative_figure():
    # 第一届全国职业技能大赛在广州闭幕 (中机维协 2020-12-22, http://www.gear001.com/html/news/89/1/3336.html)
    d = extract_text("12月13日,第一届全国职业技能大赛在广州闭幕。本次大赛有36个代表队的2557名选手参赛,经过3天激烈角逐,共有97名选手荣获86个项目的金牌。"
                     "大赛通过“赛、展、演”相结合的形式开展,竞赛项目技能含金量高,共计有2557名选手、2376名裁判。", known=load_known())
    got = [(f.first("measure"), f.first("value"), f.first("period")) for f in d.facts if f.cls == "Observation"]
    assert got == [("teams", 36, None), ("participants", 2557, None), ("judges", 2376, None),
                   ("goldMedallists", 97, None)]   # 共计: the edition's totals


def test_the_ministry_that_decides_confers():
    # 关于表彰2009年度全国技术能手的决定(人社部发[2010]18号), a copy at
    # https://mnxeyy.com/html/TrainingSkillAccrenitaTioncontent2010-0325content_71828.html
    d = extract_text("关于表彰2009年度全国技术能手的决定(人社部发[2010]18号)\n各省、自治区、直辖市人力资源保障(人事、劳动保障)厅(局):\n"
                     '为表彰在2009年度国家级各类职业技能竞赛活动中取得优异成绩的选手,我部决定授予王学法等243名同志(名单附后)"全国技术能手"荣誉称号。\n'
                     "二○一○年三月十八日", known=load_known())
    c = next(f for f in d.facts if f.cls == "HonorConferral")
    assert (c.first("conferredBy"), c.first("date")) == ("mohrss", "2010-03-18")


def test_what_a_plan_proposes_to_support_is_planned_not_reached():
    # 人社部、财政部《方案》 2022—2025 (央视网, a copy at https://nn.city/show/31403.html)
    d = extract_text("央视网消息:近日,人力资源社会保障部、财政部联合印发《方案》,从2022年—2025年,继续实施国家级高技能人才培训基地和技能大师"
                     "工作室建设项目。拟重点支持建设400个以上国家级高技能人才培训基地和500个以上国家级技能大师工作室。", known=load_known())
    obs = {f.first("measure"): f for f in d.facts if f.cls == "Observation"}
    assert (obs["highSkillTrainingBases"].first("value"), obs["highSkillTrainingBases"].first("qualifier")) == (400, "atLeast")
    assert obs["workshopsEstablished"].first("value") == 500
    assert all(f.notes == ["a plan the text states, not a count reached"] for f in obs.values())


def _noted(text):
    d = extract_text(text, known=load_known())
    return [(f.first("measure"), f.first("value"), f.first("qualifier"), f.first("period"), f.notes[0] if f.notes else None)
            for f in d.facts if f.cls == "Observation"]


def test_as_of_a_year_end_is_a_count_reached_not_a_target():
    # "十四五"时期新增技能人才超四千万人 (人民网 2021-07-06, copy in traditional script:
    # http://www.mattel8.com.cn/system/2021/07/06/012610141.shtml)
    got = _noted("據人社部統計,截至2020年年底,全國技能勞動者超過2億人,其中高技能人才約5800萬,高技能人才占技能人才的比例近30%。")
    assert got == [("skillTalent", 200000000, "moreThan", "截至2020年年底", None),
                   ("highSkillTalent", 58000000, "approximately", "截至2020年年底", None),
                   ("highSkillShare", 30, "nearly", "截至2020年年底", None)]   # 占技能人才的比例近30% (tests/test_extract_shares.py)


def test_a_plan_quoted_in_the_sentence_sets_targets():
    # same page: 《方案》明确提出 … 实现新增技能人才4000万人以上 is the plan's target, not a count reached
    got = _noted("為此,《方案》明確提出,通過實施技能中國行動,“十四五”期間,實現新增技能人才4000萬人以上,技能人才占就業人員比例達到30%。")
    assert got == [("newSkillTalent", 40000000, "atLeast", "“十四五”期间", "a target of the plan the text quotes, not a count reached"),
                   ("skillTalentShare", 30, "exactly", "“十四五”期间", "a target of the plan the text quotes, not a count reached")]


def test_a_paragraph_opening_with_its_target_year_sets_targets_and_grades_are_no_totals():
    # 许昌市 "人人持证、技能河南" 工作方案 (http://rsj.xuchang.gov.cn/Home/info/dbddf31c-a002-4f88-a142-c2ab6552addc)
    got = _noted("(二)目标任务\n到2025年,完成60万人次职业技能培训、45万人(含新增高技能人才15万人)取得相应证书。"
                   "其中,技能人才总量达到85万人,占从业人员的40%以上;中高级技能人才总量达到70万人,占技能人才总量的80%以上。")
    target = "a target the text sets, not a count reached"
    assert got == [("trainingPersonTimes", 600000, "exactly", "到2025年", target), ("newHighSkillTalent", 150000, "exactly", "到2025年", target),
                   ("skillTalent", 850000, "exactly", "到2025年", target),   # 中高级技能人才 70万 is no skillTalent
                   ("skillTalentShare", 40, "atLeast", "到2025年", target)]   # 占从业人员的40%以上 (its 80% of 中高级 has no measure)


def test_the_part_of_a_flow_is_a_flow():
    # 青岛市人社局来我市考察调研高技能人才相关工作 (枣庄市人社局 2024-08-22,
    # http://zzhrss.zaozhuang.gov.cn/ywdt/rsdt/202409/t20240914_1938864.html)
    got = _noted("2023年以来,枣庄市人社局部署开展高技能人才倍增专项行动。全市新增技能劳动者6.3万人,其中高技能人才4.3万人,"
                   "高技能人才总量占技能劳动者总量比例增长近8个百分点。")
    assert ("newHighSkillTalent", 43000, "exactly", "2023年以来", None) in got   # not 4.3万 high-skill talents in all
    assert not [g for g in got if g[0] == "highSkillTalent"]


def test_the_year_a_statistic_is_of():
    # 数说"职业教育这十年" (https://www.mybook.cyou/MagazineArticle/412553)
    got = _noted("2012年我国技工学校共2892所,2022年我国技工学校共2551所,较2012年减少了341所。")
    assert got == [("vocationalSchools", 2892, "exactly", "2012年", None), ("vocationalSchools", 2551, "exactly", "2022年", None)]


def test_a_total_reached_already_and_only():
    # 全国人大代表杨杰 (安徽省国资委 2022-03-02, copy in traditional script:
    # http://www.gittisbaby.com/n2588025/n2588119/c23457436/content.html)
    got = _noted("我國是個技工大國,技能人才已經超過2億人,占就業總量的26%。但是,高技能人才僅5000萬人,占技能人才總量28%。")
    assert got == [("skillTalent", 200000000, "moreThan", None, None), ("highSkillTalent", 50000000, "exactly", None, None)]


def test_an_honor_quoted_once_then_named_without_quotes_counts_its_holders_since_a_year():
    # 泰兴: 2020年江苏省企业首席技师 (traditional-script mirror http://www.abcjf.cn/html/news/taixing/2020/0713/117155.html)
    d = extract_text("我市又有2人獲評“江蘇省企業首席技師”稱號,他們分別是江蘇揚子鑫福造船有限公司的盧彬和江蘇兆勝空調有限公司的孫玲。"
                     " 近年來,我市不斷夯實工作基礎,著力加快全市技能人才隊伍建設。自2011年以來,我市已有17人獲評江蘇省企業首席技師稱號。",
                     known=load_known())
    got = [(f.first("value"), f.first("period")) for f in d.facts if f.cls == "Observation"]
    assert got == [(2, None), (17, "2011年以来")]


def test_the_same_holders_counted_in_the_headline_and_the_body_are_one_figure():
    # 我市13名职工获得全国五一劳动奖章 (重庆日报 2019-04-27, https://m.news.shi-fen.com/china/201904/50-302537.html)
    d = extract_text("我市13名职工获得全国五一劳动奖章\n\n本报讯(首席记者周尤)中华全国总工会下发决定,92个集体和695名个人获全国五一劳动奖状、奖章。"
                     "其中,我市1个集体获全国五一劳动奖状、13名个人获全国五一劳动奖章、19个集体获“全国工人先锋号”。", known=load_known())
    thirteen = [f for f in d.facts if f.cls == "Observation" and f.first("value") == 13]
    assert len(thirteen) == 1 and thirteen[0].first("sourceValue") == "13名" and len(thirteen[0].quotes) == 2


def test_a_total_of_candidates_gives_no_period_to_the_persons_named():
    # 2023年“上海工匠” (traditional-script mirror with pinyin, http://6773257.com/newsDetail_forward_26184067)
    d = extract_text("通過單位推薦、社團(tuán)推薦和個人自薦3個渠道申報的上海工匠候選人共計903人,經(jīng)資格審查、海選面試、專家審核、"
                     "評審發(fā)布和社會公示等環(huán)節(jié),命名王大慶等100人為2023年“上海工匠”。", known=load_known())
    got = [(f.first("value"), f.first("period")) for f in d.facts if f.cls == "Observation"]
    assert got == [(100, None)]


def test_holders_of_a_title_counted_after_the_selection_verb():
    # 第十二批德州市首席技师 (德州新闻网, a copy at http://jiexigoutong.com/shxw1109/p/1618972.html)
    d = extract_text("截至目前,天衢新區(qū)累計(jì)評(píng)選市首席技師61人,市首席技師在管理期內(nèi)享受政府津貼每人每年8000元。", known=load_known())
    obs = [f for f in d.facts if f.cls == "Observation"]
    assert [(int(o.first("value")), d.by_id(o.first("honor")).label, o.first("period")) for o in obs] == [(61, "市首席技师", "截至目前")]


def test_holders_since_the_honor_was_set_up():
    # 上海 national honors 2022 (http://www.gongyuanjl.com.cn/fangchan/61500.html)
    got = _noted("从1995年设立该奖项以来,上海市共有25人获中华技能大奖,100余人获全国技术能手称号。")
    assert [(g[1], g[3]) for g in got] == [(25, "1995年以来"), (100, "1995年以来")]


def test_the_time_a_cumulative_figure_runs_from():
    # 我国技能人才队伍不断壮大 (http://yingfeinidi.xinwen.mobi/499667.html): 累计 opens the figure, “十四五”以来 is its period
    got = _noted("取得职业技能等级证书人数增多:“十四五”以来,全国累计4400多万人次取得职业技能等级证书。"
                 "“十四五”以来,我国共组织开展补贴性职业技能培训9200多万人次,有力提升了重点群体技能水平。")
    assert got == [("personsCertified", 44000000, "moreThan", "“十四五”以来", None),
                   ("trainingPersonTimes", 92000000, "moreThan", "“十四五”以来", None)]
    # 人民日报 2024-09-27 p.18 (a copy at http://javascriptjump.com/?6Nk3d=pH9.html): 2019年以来, not the bare 累计
    got = _noted("在技能培训上,深入实施技能中国行动,2019年以来累计开展补贴性职业技能培训超过1.2亿人次。")
    assert got == [("trainingPersonTimes", 120000000, "moreThan", "2019年以来", None)]


def test_person_times_before_the_training_and_a_plans_term():
    # 我国技能劳动者总量超过2.2亿人 (人民日报 2025-09-28 p.1, http://www.zmdnews.cn/2025/0928/831331.shtml)
    got = _noted("“十四五”时期,我国持续深化人才发展体制机制改革,累计面向9200万人次开展补贴性职业技能培训,紧跟市场动向发布72个新职业。")
    assert got == [("trainingPersonTimes", 92000000, "exactly", "“十四五”时期", None)]
    # 上海出台实施意见加强新时代高技能人才队伍建设 (央视新闻客户端 2023-11-28,
    # https://app.bjtitle.com/8816/newshow.php?did=358518114699244&newsid=6446013&typeid=5)
    got = _noted("力争在“十四五”时期,建设高技能人才培养平台100家,选树高技能领军人才1000名,新增高技能人才20万名。")
    assert got == [("newHighSkillTalent", 200000, "exactly", "“十四五”时期", "a target the text sets, not a count reached")]


def test_skilled_workers_are_the_skilled_talent():
    # 我国技能劳动者总量超过2.2亿人 (人民日报 2025-09-28 p.1, http://www.zmdnews.cn/2025/0928/831331.shtml)
    got = _noted("人力资源社会保障部数据显示,目前,我国专业技术人才超过8000万人,技能劳动者总量超过2.2亿人,其中高技能人才超过7200万人。")
    assert got == [("professionalTechnicalTalent", 80000000, "moreThan", None, None),
                   ("skillTalent", 220000000, "moreThan", None, None), ("highSkillTalent", 72000000, "moreThan", None, None)]
    # 枣庄市人社局 2024-08-22 (http://zzhrss.zaozhuang.gov.cn/ywdt/rsdt/202409/t20240914_1938864.html): the flow and its part
    got = _noted("2023年以来,枣庄市人社局部署开展高技能人才倍增专项行动,多措并举抓好工作落实。全市新增技能劳动者6.3万人,其中高技能人才4.3万人。")
    assert got == [("newSkillTalent", 63000, "exactly", "2023年以来", None), ("newHighSkillTalent", 43000, "exactly", "2023年以来", None)]


def test_the_part_of_a_year_a_figure_is_of():
    # 人社部举行2023年一季度新闻发布会 (https://www.newjobs.com.cn/detail/1651417261372706817)
    got = _noted("一季度发放职业培训券超过261万张,全国开展补贴性职业技能培训350万人次。")
    assert got == [("trainingPersonTimes", 3500000, "exactly", "一季度", None)]


def test_a_target_said_again_in_other_words_is_the_same_target():
    # "十四五"时期新增技能人才超四千万人 (人民网 2021-07-06, copy in traditional script:
    # http://www.mattel8.com.cn/system/2021/07/06/012610141.shtml): the headline restates the plan's target
    got = _noted("“十四五”時期新增技能人才超四千萬人\n為此,《方案》明確提出,通過實施技能中國行動,“十四五”期間,實現新增技能人才4000萬人以上。")
    plan = "a target of the plan the text quotes, not a count reached"
    assert got == [("newSkillTalent", 40000000, "moreThan", "“十四五”时期", plan), ("newSkillTalent", 40000000, "atLeast", "“十四五”期间", plan)]


def test_the_talents_of_the_city_the_letter_speaks_for():
    # the shipped reply letter 株人社字〔2022〕37号: 目前，株洲人才总量达59.8万人，其中专技人才30.1万人、高技能人才13万人
    import pathlib
    src = next(pathlib.Path(__file__).parent.parent.joinpath("data/documents/zhuzhou-2022-37").glob("*.txt"))
    d = extract_text(src.read_text(encoding="utf-8"), known=load_known())
    about = {f.first("measure"): getattr(f.first("about"), "id", f.first("about")) for f in d.facts if f.cls == "Observation"
             and f.first("measure") in ("talentTotal", "professionalTechnicalTalent", "highSkillTalent")}
    assert about == {"talentTotal": "zhuzhou", "professionalTechnicalTalent": "zhuzhou", "highSkillTalent": "zhuzhou"}


def test_those_assessed_counted_after_the_assessment():
    # 数说"职业教育这十年" (https://www.mybook.cyou/MagazineArticle/412553)
    got = _noted("2012年我国参加职业技能鉴定人数1830.55万人,2022年我国参加职业技能鉴定人数1466.5万人,较2012年减少了364.05万人。")
    assert got == [("skillAssessments", 18305500, "exactly", "2012年", None), ("skillAssessments", 14665000, "exactly", "2022年", None)]


def test_holders_in_my_city_are_about_the_city_the_news_names():
    # 我市13名职工获得全国五一劳动奖章 (重庆日报 2019-04-27, https://m.news.shi-fen.com/china/201904/50-302537.html)
    d = extract_text("我市13名职工获得全国五一劳动奖章\n\n本报讯(首席记者周尤)4月26日,重庆日报记者从市总工会获悉,中华全国总工会下发决定。"
                     "其中,我市1个集体获全国五一劳动奖状、13名个人获全国五一劳动奖章。\n重庆市鱼泉榨菜(集团)有限公司被授予全国五一劳动奖状;"
                     "重庆梁山群星装饰建材有限公司技术员周远付、重庆重齿机械有限公司机加车间副主任黄建军等13名先进职工获全国五一劳动奖章;"
                     "重庆市诚润机械有限公司技术中心等19个先进集体获“全国工人先锋号”称号。", known=load_known())
    obs = next(f for f in d.facts if f.cls == "Observation" and f.first("value") == 13)
    assert d.by_id(obs.first("about")).label == "重庆市"


def test_a_plans_own_figures_are_targets_and_its_background_is_reached():
    # 许昌市 "人人持证、技能河南" 工作方案 (http://rsj.xuchang.gov.cn/Home/info/dbddf31c-a002-4f88-a142-c2ab6552addc)
    got = _noted("为推动全市劳动者技能就业、技能增收,结合我市实际,制定本工作方案。\n二、大规模实施职业技能提升行动\n"
                 "1.先进制造业技能提升行动。根据企业需求精准开展订单式、定岗式培训。年培训2万人次以上,1.7万人取得证书。")
    assert got == [("trainingPersonTimes", 20000, "atLeast", None, "a target of the plan the text sets, not a count reached")]
    # “十五五”职业技能培训规划 of a city (https://desk33.com/d-1850606.html): the background counts what was done
    got = _noted("根据省“十五五”职业技能培训规划,制定本规划。一、规划背景“十四五”时期,全市上下大力实施职业技能提升行动。"
                 "至“十四五”末,全市共累计组织城乡各类劳动者职业技能培训22.62万人次。")
    assert got == [("trainingPersonTimes", 226200, "exactly", "至“十四五”末", None)]


HULUDAO_2018 = ("对市六届人大一次会议第4号建议的答复\n尊敬的王华宝代表:\n您好!您在市人大六届一次会议上提出的《关于弘扬工匠精神的建议》已收悉。"
                "作为建议的主办方,市人社局党委高度重视,现结合工作实际,将具体办理意见答复如下:\n根据市政府工作部署,按照《辽宁省人民政府办公厅关于"
                "弘扬“工匠精神”加强全省技术工人队伍建设的实施意见》(辽政办发〔2017〕32号),2018年1月市政府印发了《“葫芦岛工匠”选拔晋升实施方案》"
                "(葫政办发〔2018〕19号),明确我市“十三五”期间选拔晋升不少于100名“葫芦岛工匠”,由市政府一次性给予每人5万元生活补贴。我市《实施方案》"
                "下发后,市人社局第一时间下发了《关于做好首批“葫芦岛工匠”选拔晋升工作的通知》(葫人社发〔2018〕12号),经市委、市政府研究同意,"
                "决定授予谷洪新等23名同志首批“葫芦岛工匠”荣誉称号,奖励每人一次性生活补贴5万元。\n")


def test_a_quota_the_plan_sets_is_a_target_and_the_first_batch_counts_its_holders():
    # 对市六届人大一次会议第4号建议的答复, 葫芦岛市人社局 2018
    # (rsj.hld.gov.cn/zwgk/zfxxgk/fdzdgknr/yjta/srddbjy/201809/t20180930_805316.html)
    d = extract_text(HULUDAO_2018, known=load_known())
    obs = {f.first("value"): f for f in d.facts if f.cls == "Observation"}
    assert obs[100].notes == ["a target of the plan the text quotes, not a count reached"]
    assert obs[100].first("period") == "“十三五”期间" and obs[100].label == "不少于100名“葫芦岛工匠”"
    assert obs[23].first("measure") == "honorHolders" and obs[23].first("qualifier") == "exactly" and not obs[23].notes
    conferrals = [f for f in d.facts if f.cls == "HonorConferral"]
    assert [(d.by_id(c.first("recipient")).label, d.by_id(c.first("honor")).label) for c in conferrals] == [("谷洪新", "葫芦岛工匠")]


def test_a_target_the_plan_document_proposes_and_a_label_that_keeps_its_year():
    # 人力资源社会保障部对十三届全国人大二次会议第7609号建议的答复 (www.mohrss.gov.cn/gkml/zhgl/jytabl/jydf/201912/t20191204_345179.html)
    got = _noted("国办发24号文件提出2019年至2021年,持续开展职业技能提升行动,提高培训针对性实效性,全面提升劳动者职业技能水平和就业创业能力。"
                 "三年共开展各类补贴性职业技能培训5000万人次以上,其中2019年培训1500万人次以上。")
    note = "a target of the plan the text quotes, not a count reached"
    assert got == [("trainingPersonTimes", 50000000, "atLeast", "2019年至2021年", note),   # the term the plan runs
                   ("trainingPersonTimes", 15000000, "atLeast", "2019年", note)]
    d = extract_text("其中2019年培训1500万人次以上。", known=load_known())
    assert [f.label for f in d.facts if f.cls == "Observation"] == ["2019年培训1500万人次以上"]


def _contest(text: str):
    d = extract_text(text, known=load_known())
    return [(f.first("measure"), f.first("value"), f.first("unit"), f.label) for f in d.facts if f.cls == "Observation"]


def test_events_contestants_and_judges_of_a_contest():
    # 中国日报 2020-12-10 (http://cngycb.cn/meiti/tv/3940.html)
    got = _contest("12月10日,中华人民共和国第一届职业技能大赛在广州开幕。首届大赛以“新时代 新技能 新梦想”为主题,设86个比赛项目,"
                   "共有2500多名选手、2300多名裁判人员参赛,是新中国成立以来规格最高的综合性国家职业技能赛事。")
    assert got == [("contestEvents", 86, "contestEvent", "设86个比赛项目"), ("participants", 2500, "person", "2500多名选手"),
                   ("judges", 2300, "person", "2300多名裁判人员")]


def test_contestants_and_judges_counted_together_are_neither():
    # 本报讯 2020-12-11 (http://paper.gjnews.cn/gjdb/20201211/html/content_20201211001007.htm)
    got = _contest("首届全国职业技能大赛共设有63个世赛选拔项目,23个国赛精品项目,来自全国36支代表队的近5000名选手和裁判参赛。"
                   "我省于2019年8月、2020年8月分两次进行了各项目选拔赛,选拔出93名选手参加83个比赛项目的角逐。")
    assert [g[:3] for g in got] == [("teams", 36, "team"), ("participants", 93, "person"), ("contestEvents", 83, "contestEvent")]
    assert got[2][3] == "选拔出93名选手参加83个比赛项目"   # the events of what: the clause


def test_events_of_one_kind_in_brackets_and_repeated_events_are_not_more_figures():
    # 青海省第三届职业技能大赛 (中新网 2024-09-12; http://122.224.56.14:8082/api/wap.php?jp=4libZ.html)
    got = _contest("本届大赛共设置45个竞赛项目,分为世赛选拔项目(10个竞赛项目)、国赛精选项目(23个竞赛项目)和特色项目(12个竞赛项目)。")
    assert got == [("contestEvents", 45, "contestEvent", "本届大赛共设置45个竞赛项目")]
    # 甘肃日报 2023-09-17 (https://szb.gansudaily.com.cn/gsrb/pc/con/202309/17/c112313.html): 109 said twice is one figure
    got = _contest("本届大赛以“技能成才、技能报国”为主题,共设置109个竞赛项目,4000余名选手将在109个赛项中切磋技艺。")
    assert [g[:2] for g in got] == [("contestEvents", 109), ("participants", 4000)]


def test_a_contests_figure_has_no_year_of_another_event():
    # 中国青年报 2015-09-14 (http://news.hebei.com.cn/system/2015/09/15/016229477.shtml): 2010年 is when China joined
    d = extract_text("我国2010年加入世界技能组织后,这是第三次参加世界技能大赛,参加了29个项目的比赛,取得了5金6银3铜和12个优胜奖的优异成绩。",
                     known=load_known())
    events = [f for f in d.facts if f.first("measure") == "contestEvents"]
    assert [(f.first("value"), f.first("period")) for f in events] == [(29, None)]


def test_a_sentence_of_a_contest_said_with_jiaozhu():
    # 荆州日报 2024-12-03 (http://news.cnchu.com/jzrb/pc/html/2024-12/03/nw.D421000jzrb_20241203_7-A002.htm): 角逐 names a contest
    got = _contest("来自全省各地19支代表队的1000余名选手经过3天激烈角逐,决出了40个项目的金、银、铜牌。")
    assert [g[:3] for g in got] == [("teams", 19, "team"), ("participants", 1000, "person")]


def test_a_label_before_what_it_includes():
    # 许昌市 工作方案 (http://rsj.xuchang.gov.cn/Home/info/dbddf31c-a002-4f88-a142-c2ab6552addc): certificate holders, a target
    d = extract_text("(二)目标任务\n到2025年,完成60万人次职业技能培训。全市持证人员(含企业经营管理人才、专业技术人才、技能人才、农村实用人才、"
                     "社会工作人才)总量达到130万人以上,占从业人员的60%以上。", known=load_known())
    got = [(f.first("measure"), f.first("value"), f.first("qualifier"), f.first("period")) for f in d.facts
           if f.first("measure") == "certificateHolders"]
    assert got == [("certificateHolders", 1300000, "atLeast", "到2025年")]
