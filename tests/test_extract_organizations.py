"""Organizations and registry links in real news items of the genre (kg.extract.rules.organizations,
kg.extract.known). Each excerpt's source is in a comment; values are the texts' own."""
from kg.extract.known import load_known
from kg.extract.pipeline import extract_text


def _mentions(d):
    return sorted(f.id for f in d.facts if f.mention)


def test_a_provincial_department_named_without_its_province_is_not_the_registry_one_of_another_province():
    # 首届全国职业技能大赛 云南90名选手角逐79个项目 (云南日报 2020): the registry knows 湖南省人力资源和社会保障厅
    # as 省人力资源和社会保障厅; a text that never names Hunan means its own province's department
    text = "12月10日,中华人民共和国第一届职业技能大赛在广州广交会展馆正式开幕。据省人力资源和社会保障厅相关负责人介绍,云南省的90名选手将参加角逐。"
    assert "hunan-hrss-department" not in _mentions(extract_text(text, known=load_known()))
    assert "hunan-hrss-department" in _mentions(extract_text("湖南" + text, known=load_known()))


def test_departments_of_human_resources_are_not_the_ministry():
    # 2023年武汉市技能大师工作室名单 (武汉市人力资源和社会保障局 2023-12-19)
    d = extract_text("相关区人社部门要加强业务指导和监督检查,我局将定期对各技能大师工作室开展评估验收工作。", known=load_known())
    assert "mohrss" not in _mentions(d)


# ---------------------------------------------------------------- reply letters seen on public pages (realdocs-letters)
def _orgs(d):
    return sorted((f.cls, f.label) for f in d.facts if f.cls in ("GovernmentBody", "Company", "Organization", "Association", "Team"))


def test_a_body_consulted_is_named_without_the_verb():
    # 人力资源社会保障部对十三届全国人大五次会议第1491号建议的答复 (mgm0908.com …/t20230921_506707.html, a copy)
    d = extract_text("您提出的关于落实高技能人才评聘细则与贯通技能人才职业发展通道的建议收悉,经商全国总工会,现答复如下:", known=load_known())
    assert not any(f.label.startswith("商") for f in d.facts)
    assert ("GovernmentBody", "全国总工会") in _orgs(d) or any(f.mention and "总工会" in f.label for f in d.facts)


def test_university_students_are_no_university():
    # 虞人社提〔2019〕2号 (nbxinxi.com/a/shangyuqu/20210602/192837.html)
    d = extract_text("推进“百所高校,万名实习生”计划,新增各类人才2.62万名,吸引1.58万名大学生就业,新增就业岗位1.84万个。", known=load_known())
    assert not any(f.label.endswith("大学") for f in d.facts)


def test_kinds_of_class_in_quotes_are_no_teams_but_a_named_team_is():
    # 湖州市吴兴区人社局, reply to 徐维丽代表 (wuxing.gov.cn …/art_51e52b76….html)
    d = extract_text("2024年,我区成功培育首批技能型企业40家,并通过“订单班”、“冠名班”和企业新型学徒制等形式,为企业输送了780名定向培养的技能人才。",
                     known=load_known())
    assert not [f for f in d.facts if f.cls == "Team"]
    # 株洲 reply 2022 (data/documents/zhuzhou-2022-37): a team with a person's name
    d = extract_text("她带领的工人先锋号“欧清莲班”多次获得表彰。", known=load_known())
    assert [f.label for f in d.facts if f.cls == "Team"] == ["欧清莲班"]


def test_a_company_name_with_a_bracket_inside():
    # 湖南省获得全国五一劳动奖章名单 (2024): 何绪强 高诺(衡阳)产业园发展有限责任公司再生铜品检首席技术专家
    d = extract_text("何绪强,高诺(衡阳)产业园发展有限责任公司再生铜品检首席技术专家。")
    assert [f.label for f in d.facts if f.cls == "Company"] == ["高诺(衡阳)产业园发展有限责任公司"]


def test_a_list_of_hosts_keeps_whole_names_and_no_kinds_of_bodies():
    # 青海省第三届职业技能大赛开幕 (中新网 2024-09-12)
    d = extract_text("青海省职业技能大赛是经报青海省政府批准,青海省人力资源和社会保障厅、青海省委组织部、青海省财政厅主办,大赛以“技能展风采、匠心耀高原”为主题。"
                     "青海全省各市州、各技工院校、相关企业等部门行业组建31个代表团参赛。", known=load_known())
    labels = [f.label for f in d.facts if f.cls == "GovernmentBody"]
    for name in ("青海省人力资源和社会保障厅", "青海省委组织部", "青海省财政厅", "青海省政府"):
        assert name in labels
    assert not [x for x in labels if x.startswith(("社会保障", "报")) or x.endswith("主办") or "各" in x or x.startswith("相关")]


def test_trades_listed_before_a_count_of_trade_bodies_are_no_bodies():
    # 第二届全国技能大赛新闻发布会 (人社部 2023-02-28)
    d = extract_text("住建、交通、机械、轻工等四个行业部门和协会组团参加部分世赛选拔项目的比赛。", known=load_known())
    assert [f.label for f in d.facts if f.cls in ("GovernmentBody", "Association")] == []


def test_names_and_bodies_run_together_and_a_room_number_before_a_body():
    # 盐城市人力资源和社会保障局 公示 (2023-05-22): a list flattened by the page
    d = extract_text("一、“江苏最美工匠”候选人推荐名单刘进峰江苏省盐城技师学院葛兆星江苏华耀机械制造有限公司"
                     "公示时间:2023年5月22日至5月26日通讯地址:盐城市世纪大道21号城投商务楼746室盐城市人力资源和社会保障局2023年5月22日。")
    assert sorted(f.label for f in d.facts if f.cls in ("Company", "Organization", "GovernmentBody")) == [
        "江苏华耀机械制造有限公司", "江苏省盐城技师学院", "盐城市人力资源和社会保障局"]


def test_a_person_and_and_the_next_company():
    # 上海获第十六届高技能人才表彰 (gongyuanjl.com.cn 2023-02-02)
    d = extract_text("此次,来自江南造船(集团)有限责任公司船舶电焊工陈景毅和上海宝冶集团有限公司电焊工毛琪钦历经层层选拔,获此殊荣。")
    people = sorted((p.label, d.by_id(p.first("employer")).label) for p in d.facts if p.cls == "Person")
    assert people == [("毛琪钦", "上海宝冶集团有限公司"), ("陈景毅", "江南造船(集团)有限责任公司")]


def test_a_department_named_without_its_province_takes_the_province_of_the_text_and_keeps_its_references():
    # 辽宁省医疗保障局's 协办意见 to the 省人力资源社会保障厅, 2019 (ybj.ln.gov.cn …/szxsejschy2019n/0B67B13E….shtml)
    d = extract_text("省人力资源社会保障厅:\n现就郭永全委员提出的关于以“辽宁工匠”为代表切实提高高技能领军人才待遇的提案,提出协办意见如下:\n"
                     "我局将认真做好高技能领军人才及其家属、子女的医疗保障工作。\n辽宁省医疗保障局\n2019年4月8日\n", known=load_known())
    dept = d.by_id(d.by_id("reply-letter").first("addressee"))
    assert (dept.label, dept.alt_labels) == ("辽宁省人力资源社会保障厅", ["省人力资源社会保障厅"])


def test_according_to_and_there_are_also_do_not_open_a_name():
    # 中国煤炭网, 五一表彰 of the coal industry (http://xuelixing.com/News/InfoCon.aspx?id=7020)
    d = extract_text("据中华全国总工会相关负责人介绍,此次表彰具有三个特点。", known=load_known())
    assert [f.label for f in d.facts if f.cls == "GovernmentBody"] == ["中华全国总工会"]
    # 第一届全国技能大赛圆满闭幕 湖北选手获得2银3铜 (https://www.hbskills.org.cn/index.php?a=shows&catid=64&id=643)
    d = extract_text("获奖选手既有企业一线职工、也有学校在读学生。", known=load_known())
    assert [f.label for f in d.facts if f.cls in ("Organization", "School", "Company")] == []


# ---------------------------------------------------------------- policy texts and notices (realdocs-policies)
def test_the_kinds_of_bodies_a_notice_goes_to_are_no_bodies():
    # 渝高技办〔2024〕3号 (rlsbj.cq.gov.cn/ywzl/jnrc/gjnrc/202404/t20240410_13118856.html); 苏政办发〔2017〕41号
    # (www.u6n6.com/art/2017/4/6/art_46481_2557552.html, a copy); 沪人社职〔2022〕256号 (rsj.sh.gov.cn/tjypx_17737/20230111/t0035_1412706.html)
    assert _orgs(extract_text("两江新区高技能人才工作有关单位,市委有关部委,市级国家机关有关部门,有关人民团体,有关单位:", known=load_known())) == []
    assert _orgs(extract_text("各市、县(市、区)人民政府,省各委办厅局,省各直属单位:", known=load_known())) == []
    assert _orgs(extract_text("各区人民政府,市政府各委、办、局:", known=load_known())) == [("GovernmentBody", "市政府")]


def test_a_body_is_named_whole_with_its_office_or_department():
    # 第十二批德州市首席技师 (jiexigoutong.com/shxw1109/p/1618972.html); 苏政办发〔2017〕41号 (as above);
    # 管委〔2013〕49号 (nbxinxi.com/a/shangyuqu/20210602/199053.html)
    assert _orgs(extract_text("近日,德州市人民政府办公室根据《德州市首席技师选拔管理办法》规定", known=load_known())) == \
        [("GovernmentBody", "德州市人民政府办公室")]
    assert _orgs(extract_text("江苏省政府办公厅关于印发职业技能提升行动计划(2017-2020年)的通知", known=load_known())) == \
        [("GovernmentBody", "江苏省政府办公厅")]
    assert _orgs(extract_text("按照上虞市委组织部统一部署,为切实挖掘培养社会民间人才。", known=load_known())) == \
        [("GovernmentBody", "上虞市委组织部")]


def test_the_verb_that_selects_a_school_is_not_its_name():
    # 2020年度国家级高技能人才培训基地和技能大师工作室建设项目 (rst.gxzf.gov.cn/zwgk/xxgkzcfg/fgfxlm/t6117455.shtml)
    d = extract_text("各市人力资源和社会保障局、各有关单位:\n经组织专家评审和公示无异议后,自治区人力资源社会保障厅审批,确定广西玉林技师学院等5所院校为2020年度国家级"
                     "高技能人才培训基地建设项目", known=load_known())
    assert ("Organization", "广西玉林技师学院") in _orgs(d)
    assert not any(f.label.startswith("确定") for f in d.facts)


def test_a_county_level_word_without_its_place_is_no_body():
    # 琼人社发〔2024〕28号 (www.chacewang.com/newsdetail/news562089.html): 各市、县、自治县人力资源社会保障局 are addressees
    assert _orgs(extract_text("各市、县、自治县人力资源社会保障局,各有关单位:", known=load_known())) == []


def test_a_department_named_without_its_region_or_province_is_the_one_named_in_full():
    # 2020年度国家级…建设项目 (rst.gxzf.gov.cn/zwgk/xxgkzcfg/fgfxlm/t6117455.shtml): 自治区人力资源社会保障厅 is the signing
    # 广西壮族自治区人力资源和社会保障厅; 琼人社发〔2024〕28号 (www.chacewang.com/newsdetail/news562089.html): 省人力资源社会保障厅
    d = extract_text("各市人力资源和社会保障局、各有关单位:\n经组织专家评审和公示无异议后,自治区人力资源社会保障厅审批,确定广西玉林技师学院等5所院校为2020年度国家级高技能人才培训基地建设项目。\n"
                     "广西壮族自治区人力资源和社会保障厅\n2020年9月1日\n", known=load_known())
    depts = [f for f in d.facts if f.cls == "GovernmentBody"]
    assert [(f.label, f.alt_labels[-1]) for f in depts] == [("广西壮族自治区人力资源和社会保障厅", "自治区人力资源社会保障厅")]
    d = extract_text("海南省人力资源和社会保障厅关于公布第二批海南省技能大师工作室名单的通知琼人社发〔2024〕28号各有关单位:四、工作室牌匾由省人力资源社会保障厅"
                     "统一制作颁发,于每年年底前将年度工作总结报送省人力资源社会保障厅,附件:第二批海南省技能大师工作室名单海南省人力资源和社会保障厅2024年4月8日",
                     known=load_known())
    assert [f.label for f in d.facts if f.cls == "GovernmentBody"] == ["海南省人力资源和社会保障厅"]
    assert "hunan-hrss-department" not in _mentions(d)


def test_one_body_under_two_spellings_is_one_and_two_bodies_run_together_are_none():
    # 苏政办发〔2017〕41号 (www.u6n6.com/art/2017/4/6/art_46481_2557552.html, a copy): 江苏省政府办公厅 in the title,
    # 江苏省人民政府办公厅 under the signature; 省委省政府 are two bodies
    text = ("江蘇省政府辦公廳關于印發職業技能提升行動計劃(2017-2020年)的通知\n  蘇政辦發〔2017〕41號\n各市、縣(市、區)人民政府,省各委辦廳局,"
            "省各直屬單位:\n  為全面落實《省委省政府關于聚焦富民持續提高城鄉居民收入水平的若干意見》(蘇發〔2016〕49號)要求,現將《職業技能提升行動計劃"
            "(2017-2020年)》印發給你們,請結合實際認真貫徹落實。\n\n  江蘇省人民政府辦公廳  \n  2017年3月13日     \n")
    d = extract_text(text, known=load_known())
    bodies = [f for f in d.facts if f.cls == "GovernmentBody"]
    assert [(f.label, f.alt_labels) for f in bodies] == [("江苏省人民政府办公厅", ["江苏省政府办公厅"])]
    doc = next(f for f in d.facts if f.cls == "Document")
    assert doc.props["issuer"] == [bodies[0].id]
    plan = next(f for f in d.facts if f.cls == "Policy" and f.label.startswith("职业技能"))
    assert (plan.props["issuer"], plan.first("date")) == ([bodies[0].id], "2017-03-13")


def test_a_name_before_and_and_the_word_have_are_no_part_of_a_body():
    # 石狮一批能工巧匠获命名“石狮名匠”“石狮工匠” (2023-05-02, http://zhoukan.nanjiwang.cn/redian/2023/0502/11511.html)
    d = extract_text("福建飞通通讯科技股份有限公司林英狮和石狮市宸汐职业技能培训学校有限公司侯雅清。被命名为“石狮工匠”的有中联品检(福建)检测服务"
                     "有限公司林风喜、石狮市龙兴隆染织实业有限公司丁成雨和泉州太平洋集装箱码头有限公司黄尚集等30人。", known=load_known())
    orgs = sorted(f.label for f in d.facts if f.cls in ("Company", "Organization"))
    assert "石狮市宸汐职业技能培训学校" in orgs and "中联品检(福建)检测服务有限公司" in orgs and "泉州太平洋集装箱码头有限公司" in orgs
    assert not [o for o in orgs if o.startswith(("林英狮", "有", "丁成雨"))]


def test_a_body_named_right_after_a_date():
    # 对市六届人大一次会议第4号建议的答复, 葫芦岛 2018 (rsj.hld.gov.cn/zwgk/zfxxgk/fdzdgknr/yjta/srddbjy/201809/t20180930_805316.html)
    d = extract_text("根据市政府工作部署,2018年1月市政府印发了《“葫芦岛工匠”选拔晋升实施方案》。", known=load_known())
    gov = [f for f in d.facts if f.cls == "GovernmentBody"]
    assert [(f.label, len(f.quotes)) for f in gov] == [("市政府", 2)]     # not 月市政府


ZHEJIANG_2015 = ("2015年9月1日,副省长郑继伟主持召开“发展职业教育”重点提案办理工作座谈会。省委会副主委车晓端参加会议。\n"
                 "  省政协十一届三次会议第84号提案《关于加快发展我省现代职业教育的建议》是国务院《关于加快发展现代职业教育的决定》提出的各项重大举措后,"
                 "民建省委会组织会员展开调研,向省政协提交的团体提案。该提案与民进省委会等提出的几个关于职业教育发展的提案合并办理,被确定为2015年重点"
                 "提案,由郑继伟副省长领办,省政协副主席蔡秀军督办。办理会上,主办单位省教育厅负责人详细介绍了提案的办理情况,会办单位作了补充发言。\n"
                 "  郑继伟副省长对省政协和民建省委会等提案建议单位给予政府工作的大力支持表示感谢。\n")


def test_a_person_with_a_post_and_a_label_of_the_handling_are_no_part_of_a_body_nor_a_post_a_place():
    # 郑继伟副省长主持召开“发展职业教育”重点提案办理会 (《浙江民建》2015年5期, https://www.zjmj.cn/down_show.aspx?id=1643)
    d = extract_text(ZHEJIANG_2015, known=load_known())
    assert [f.label for f in d.facts if f.cls == "GovernmentBody" and not f.mention] == ["省政协", "省教育厅", "国务院"]
    assert not [f for f in d.facts if f.cls == "Municipality"]               # 郑继伟副省长: no place 郑继伟副省
    assert "hunan-cppcc" not in _mentions(d)      # the registry's 省政协 is Hunan's (中国人民政治协商会议湖南省委员会); Hunan is not named
    committee = [f for f in d.facts if f.label == "省委会"]
    assert [f.cls for f in committee] == ["Organization"]                    # a party's committee, not a company


def test_a_numeral_and_the_kind_of_body_is_no_body():
    # 劳动和社会保障部 reply to 胡成中委员's proposal, reported 2007-01-23 (https://www.delixi.com/xwzx/9609): the page's footer
    d = extract_text("上一篇:\n一公司召开总结、表彰、动员大会下一篇:\n西子一管理创新成果获国家级二等奖", known=load_known())
    assert not [f for f in d.facts if f.cls == "Company"]


def test_a_benchmark_verb_after_our_city_is_no_part_of_the_places_named():
    # 鄂尔多斯市 reply 52025 (2023, data/documents/ordos-2023-reply-52025): 我市对标杭州、苏州、咸阳等地区
    from kg.extract.known import load_known
    from kg.extract.pipeline import extract_text

    d = extract_text("2023年,我市对标杭州、苏州、咸阳等地区,由市总工会联合鄂尔多斯职业学院创办了鄂尔多斯市工人科技大学。", known=load_known())
    assert sorted(f.label for f in d.facts if f.cls == "Municipality") == ["咸阳市", "杭州市", "苏州市"]


def test_a_department_of_a_company_or_a_hospital_is_no_government_body():
    # 河南大国工匠培育对象 (新浪财经 2024-07-11, https://finance.sina.com.cn/jjxw/2024-07-11/doc-inccufsx1748728.shtml), two rows
    from kg.extract.known import load_known
    from kg.extract.pipeline import extract_text

    d = extract_text("全国总工会日前印发了《关于公布2024年大国工匠培育对象并开展大国工匠培育工作的通知》,共有220人入选大国工匠培育对象名单,"
                     "其中河南13人上榜。这13人分别是:平高集团有限公司首席工匠胡中辉,国网河南省电力公司超高压公司输电运检部带电作业技术专责陶留海,"
                     "河南能源永煤公司车集煤矿班组长游弋,郑州大学第一附属医院肝胆胰外科医学部主任郭文治。", known=load_known())
    classes = {f.label: f.cls for f in d.facts if f.cls in ("GovernmentBody", "Company", "Organization")}
    assert classes.get("国网河南省电力公司超高压公司输电运检部") == "Company"
    assert classes.get("郑州大学第一附属医院肝胆胰外科医学部") == "Organization"
    assert [n for n, c in classes.items() if c == "GovernmentBody"] == ["全国总工会"]


def test_a_business_division_is_a_company():
    # 徐工 技能大师刘文生 (徐工集团 2015, http://www.joyhow.cn/index/news/detail?id=21624)
    from kg.extract.pipeline import extract_text

    d = extract_text("日前,铲运机械事业部技能大师刘文生获享受国务院政府特殊津贴专家殊荣。")
    assert [(f.cls, f.label) for f in d.facts if f.cls in ("GovernmentBody", "Company")] == [("Company", "铲运机械事业部")]
    person = next(f for f in d.facts if f.cls == "Person")
    assert (person.label, d.by_id(person.first("employer")).label) == ("刘文生", "铲运机械事业部")


def test_running_a_school_is_no_office_and_a_preposition_ends_no_body():
    # 全国政协委员花亚伟:推进技工教育高质量发展 (人民政协报 2025-09-16, http://www.rmzxw.com.cn/c/2025-09-16/3785927.shtml)
    d = extract_text("建立与技师学院办学规模和培养要求相适应的财政投入制度,落实技师学院生均经费标准。", known=load_known())
    assert not [f for f in d.facts if f.cls in ("Organization", "GovernmentBody", "Company")]
    # 劳动和社会保障部 reply to 胡成中's proposal, reported 2007-01-23 (https://www.delixi.com/xwzx/9609)
    d = extract_text("近日,中华人民共和国劳动和社会保障部就全国政协委员、集团董事局主席胡成中在政协十届全国委员会第四次会议上提出的"
                     "《关于在全国建立农民外出务工供求信息网的建议》提案,给予答复。", known=load_known())
    assert not [f.label for f in d.facts if f.label.endswith("就")]


def test_our_country_after_a_year_is_no_part_of_a_body():
    # 数说“职业教育这十年” (人社部 2022, a copy at https://www.mybook.cyou/MagazineArticle/412553): 技工学校 is a kind
    from kg.extract.pipeline import extract_text

    d = extract_text("2012年我国技工学校在校生人数422.8万人,2022年我国技工学校在校生人数445万人。")
    assert [f.label for f in d.facts if f.cls in ("Organization", "Company", "GovernmentBody")] == []


def test_a_groups_short_name_before_a_province_is_no_persons_name():
    # 河南13人入选大国工匠培育对象 (https://finance.sina.com.cn/jjxw/2024-07-11/doc-inccufsx1748728.shtml)
    d = extract_text("平高集团有限公司首席工匠胡中辉,国网河南省电力公司超高压公司输电运检部带电作业技术专责陶留海。", known=load_known())
    orgs = [f.label for f in d.facts if f.cls in ("Company", "Organization", "GovernmentBody")]
    assert "国网河南省电力公司超高压公司" in orgs and "河南省电力公司超高压公司" not in orgs    # 国 is a surname, 国网 is State Grid
