"""Personal names in real news items of the genre (kg.extract.rules.base.Lexicon and kg.extract.rules.persons):
what is not a name, where a name ends. Each excerpt's source is in a comment; values are the texts' own."""
from kg.extract.known import load_known
from kg.extract.pipeline import extract_text


def _persons(d):
    return sorted(f.label for f in d.facts if f.cls == "Person")


def test_a_name_before_a_verb_of_speech_ends_before_it():
    # 青海省第三届职业技能大赛开幕 (中新网 2024-09-12)
    d = extract_text("青海省人力资源和社会保障厅副厅长鲁俊介绍,本届大赛全面对标全国职业技能大赛。")
    assert _persons(d) == ["鲁俊"]


def test_words_that_start_with_a_surname_are_not_names():
    # 我省57人获全国五一劳动奖章 (山东商报 2022-04-29); 首届全国职业技能大赛 云南90名选手 (云南日报 2020)
    d = extract_text("中华全国总工会召开大会表彰2022年全国五一劳动奖和全国工人先锋号获得者。"
                     "据省人力资源和社会保障厅相关负责人介绍,我省参加本次大赛的90名选手中,有23名是少数民族。")
    assert _persons(d) == []


def test_persons_named_and_then_counted_get_the_honor():
    # 上海获第十六届高技能人才表彰 (gongyuanjl.com.cn 2023-02-02), shortened to three of the eleven
    from kg.extract.known import load_known

    d = extract_text("另外,来自上海新动力汽车科技股份有限公司铣工任建新,中国核工业第五建设有限公司钳工孙平平,"
                     "江南造船(集团)有限责任公司船舶钳工胡传硕等11人获得了“全国技术能手”称号。", known=load_known())
    got = sorted((d.by_id(c.first("recipient")).label, str(c.first("honor"))) for c in d.facts if c.cls == "HonorConferral")
    assert got == [("任建新", "honor-national-technical-expert"), ("孙平平", "honor-national-technical-expert"),
                   ("胡传硕", "honor-national-technical-expert")]


def test_a_name_before_a_date_and_an_official_of_a_department_of_the_ministry():
    # 我国高技能人才达到4791万人 (新华社昆明2017-07-13)
    d = extract_text("人力资源和社会保障部职业能力建设司副司长何良平13日在昆明表示,近年来,我国技能人才工作取得长足进步。")
    assert _persons(d) == ["何良平"]
    assert [f.label for f in d.facts if f.cls == "Role"] == ["职业能力建设司副司长"]   # the department is no organization word


def test_the_one_named_before_a_count_holds_the_honor():
    # 百名2023年“上海工匠”出炉 (2024-01-29) and 劳社部发〔2000〕24号
    from kg.extract.known import load_known

    d = extract_text("经资格审查、海选面试、专家审核、评审发布和社会公示等环节,命名王大庆等100人为2023年“上海工匠”。"
                     "二、授予黎长新等147人(名单附后)“全国技术能手”荣誉称号。", known=load_known())
    got = sorted((d.by_id(c.first("recipient")).label, d.by_id(c.first("honor")).label if d.by_id(c.first("honor")) else str(c.first("honor")))
                 for c in d.facts if c.cls == "HonorConferral")
    assert got == [("王大庆", "上海工匠"), ("黎长新", "honor-national-technical-expert")]


def test_he_was_granted_an_honor_by_a_body_in_a_year():
    # 无锡市人社局负责同志走访慰问我市优秀高技能人才, 2019-01-29 (https://www.walre.com/wuxi/news/2020/0331/75154.html)
    d = extract_text("吴春林局长一行首先慰问了无锡市殡仪馆的余廷同志,余廷同志从事遗体防腐和整容工作24年。余廷作为一名国家级的入殓大师,技艺高超。"
                     "2018年他被江苏省政府授予“江苏省有突出贡献中青年专家”荣誉称号。", known=load_known())
    c = next(f for f in d.facts if f.cls == "HonorConferral")
    assert (d.by_id(c.first("recipient")).label, d.by_id(c.first("honor")).label, d.by_id(c.first("conferredBy")).label,
            c.first("date")) == ("余廷", "江苏省有突出贡献中青年专家", "江苏省政府", 2018)
    # no person named before 他 in the paragraph: nothing
    d = extract_text("2018年他被江苏省政府授予“江苏省有突出贡献中青年专家”荣誉称号。", known=load_known())
    assert [f for f in d.facts if f.cls == "HonorConferral"] == []


def test_a_contest_committees_member_and_secretary_general():
    # 第一届全国职业技能大赛在广州闭幕 (中机维协 2020-12-22, http://www.gear001.com/html/news/89/1/3336.html)
    d = extract_text("“本届大赛填补了综合性国家职业技能竞赛的空白。”第一届全国技能大赛组委会委员兼秘书长、人力资源和社会保障部职业能力建设司司长张立新表示。",
                     known=load_known())
    got = sorted((d.by_id(m.first("organization")).label, d.by_id(m.first("role")).label) for m in d.facts if m.cls == "Membership")
    assert ("第一届全国技能大赛组委会", "委员兼秘书长") in got
    committee = next(f for f in d.facts if f.label == "第一届全国技能大赛组委会")
    person = next(f for f in d.facts if f.cls == "Person")
    assert committee.cls == "Organization" and person.first("employer") != committee.id


def test_chief_technicians_listed_with_their_employers_and_trade_grades():
    # 2018年度淄博市首席技师名单公布 (社淄博市委, a copy at http://www.hnjylv.com/detail.php?id=8184)
    # (the copy prints pinyin glosses after some characters: 藝術(shù), 職業(yè))
    d = extract_text("這三名社員分別是江月軒藝術(shù)工作室山東省工藝美術(shù)大師、高級工藝美術(shù)師杜翠華,山東輕工職業(yè)學院副教授、"
                     "車工技師李愛蓮,淄博沃德機械科技有限公司董事長張龍宜。", known=load_known())
    people = {f.label: f for f in d.facts if f.cls == "Person"}
    assert sorted(people) == ["张龙宜", "李爱莲", "杜翠华"]
    roles = sorted((d.by_id(m.first("member")).label, d.by_id(m.first("role")).label) for m in d.facts if m.cls == "Membership")
    assert roles == [("张龙宜", "董事长"), ("李爱莲", "副教授"), ("李爱莲", "车工技师"), ("杜翠华", "高级工艺美术师")]
    assert d.by_id(people["李爱莲"].first("employer")).label == "山东轻工职业学院"
    assert d.by_id(people["张龙宜"].first("employer")).label == "淄博沃德机械科技有限公司"
    assert people["杜翠华"].first("employer") is None     # 江月轩艺术工作室 is named, but no body word says it employs her


def test_a_trade_before_a_grade_is_part_of_the_role_not_an_employer():
    # 第七届中华技能大奖 (新华社 2004-12-17, a traditional-script copy at http://chinalmq.com/content/2004-12/18/content_4046065.htm)
    d = extract_text("這20名優秀技術工人分別是:電動裝卸機械司機技師許振超、特種熔融焊接工高級技師高鳳林、汽車調整工高級技師王濤、"
                     "船舶電焊工高級技師劉維新、機修鉗工技師張素麗、汽輪機運行值班員技師張建偉。", known=load_known())
    roles = sorted((d.by_id(m.first("member")).label, d.by_id(m.first("role")).label, m.first("organization"))
                   for m in d.facts if m.cls == "Membership")
    assert roles == [("刘维新", "船舶电焊工高级技师", None), ("张建伟", "汽轮机运行值班员技师", None), ("张素丽", "机修钳工技师", None),
                     ("王涛", "汽车调整工高级技师", None), ("许振超", "电动装卸机械司机技师", None), ("高凤林", "特种熔融焊接工高级技师", None)]
    assert [f.label for f in d.facts if f.cls in ("Company", "Organization")] == []    # was 电动装卸机械, 特种熔融焊接工, 船舶 …


def _memberships(d):
    out = []
    for f in d.facts:
        if f.cls == "Membership":
            org = f.first("organization")
            out.append((d.by_id(f.first("member")).label, d.by_id(f.first("role")).label, d.by_id(org).label if org else None))
    return sorted(out)


def test_a_biography_gives_the_posts_of_the_person_it_opens_with():
    # 郑志明 (bbs.guilinlife.com, thread 9905348, 2023-02-28): the name, the year of birth, the post
    d = extract_text("郑志明,1977年出生,高级工程师。他从事钳工25年,从一名职高毕业的普通钳工成长为集团首席技能专家。")
    assert _persons(d) == ["郑志明"]
    assert _memberships(d) == [("郑志明", "高级工程师", None)]
    # 孙景南 (新华日报 epaper.jsgrb.com/Article/index/aid/1857154.html, 2018-03-02): 现任 a list of posts;
    # only the one after a body the text names keeps a body (中车首席技能专家: 中车 is not drafted as a body here),
    # and 该公司 (that company) is no body of its own
    d = extract_text("3月2日,中车浦镇公司员工热情欢送孙景南赴京出席十三届全国人大一次会议 。孙景南1990年职高毕业,进入该公司任电焊工。"
                     "在长期的工作实践中刻苦学习,努力钻研,练就一身过人的焊接功夫。现任中车首席技能专家、浦镇公司技能专家、高级技师、"
                     "江苏省企业首席技能专家。")
    assert _persons(d) == ["孙景南"]
    assert _memberships(d) == [("孙景南", "技能专家", "浦镇公司"), ("孙景南", "高级技师", None)]
    assert "该公司" not in [f.label for f in d.facts if f.cls == "Company"]
    assert [f.label for f in d.facts if f.cls == "Company" and "进入" in f.label] == []
    emp = next(f for f in d.facts if f.cls == "Person").props.get("employer", [])
    assert [d.by_id(e).label for e in emp] == ["浦镇公司"]


def test_a_role_after_words_that_end_with_a_surname_names_nobody():
    # 郑志明 (bbs.guilinlife.com, thread 9905348): 公司特聘专家 is a kind of post (司 is a surname, 司特聘 no name)
    d = extract_text("还通过传帮带培养出高级工、技师、高级技师、公司特聘专家等200多人,其中徒弟谢评周被评为“国务院政府特殊津贴专家”。")
    assert "司特聘" not in _persons(d)
    assert [c.label for c in d.facts if c.cls == "HonorConferral" and "司特聘" in c.label] == []


def test_a_deputy_who_is_an_expert_and_enjoys_the_state_council_allowance():
    # 全国人大代表傅国涛:愿高技能人才像明星一样受追捧 (亚汇网 2023-03-02, https://yahuicj.com/zt/festival/3217913-1.htm)
    d = extract_text("全国人大代表傅国涛,是全国技术能手、享受国务院政府特殊津贴专家、国家级技能大师工作室带头人。", known=load_known())
    got = sorted((d.by_id(c.first("recipient")).label, str(c.first("honor"))) for c in d.facts if c.cls == "HonorConferral")
    assert got == [("傅国涛", "honor-national-technical-expert"), ("傅国涛", "honor-state-council-special-allowance")]


def test_a_sentence_without_a_subject_gives_its_honors_to_the_paragraphs_one_person():
    # 荆门2名高技能人才获“国贴专家”称号 (长江云 2020, http://longshang.cjyun.org/p/40826.html), shortened
    d = extract_text("近日,记者从市人社局获悉,2020年享受国务院政府特殊津贴人选结果揭晓,我市宏图特种飞行器有限公司高级技师李中江和"
                     "九尊食上酒店管理有限公司行政总厨、高级技师尹东2名高技能人才获得“国务院特殊津贴专家”称号。\n"
                     "新入选的“国贴专家”可一次性享受政府特殊津贴2万元。\n"
                     "高级技师李中江30余年矢志不渝坚守生产一线,勤学苦练,熟练掌握了一手精湛的钳工技能。他攻坚克难、敢于创新,"
                     "设计技能创意项目335个。曾获得“全国技术能手”、省“技能大师”、“楚天名匠”、省“首席技师”称号。", known=load_known())
    assert _persons(d) == ["尹东", "李中江"]     # 尹东 before a count; “国贴专家” is no name (国贴) and a post
    assert _memberships(d) == [("尹东", "行政总厨、高级技师", "九尊食上酒店管理有限公司"), ("李中江", "高级技师", "宏图特种飞行器有限公司")]
    got = sorted((d.by_id(c.first("recipient")).label, c.rule, d.by_id(c.first("honor")).label if d.by_id(c.first("honor")) else str(c.first("honor")))
                 for c in d.facts if c.cls == "HonorConferral")
    assert ("李中江", "honor.elided", "honor-national-technical-expert") in got
    assert ("李中江", "honor.elided", "首席技师") in got
    assert [g for g in got if g[0] == "尹东"] == [("尹东", "honor.verb", "honor-state-council-special-allowance")]
