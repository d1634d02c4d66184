"""Lists written as rows in running text (kg/extract/rules/rows.py), on real excerpts."""
from kg.extract.known import load_known
from kg.extract.pipeline import extract_text


def _rows(d):
    """(person, employer, post) of every Membership, and {person: honor} of every conferral."""
    ms = sorted((d.by_id(m.first("member")).label, d.by_id(m.first("organization")).label if m.first("organization") else None,
                 d.by_id(m.first("role")).label) for m in d.facts if m.cls == "Membership")
    honors = {}
    for c in d.facts:
        if c.cls == "HonorConferral":
            h = d.by_id(c.first("honor"))
            honors[d.by_id(c.first("recipient")).label] = h.label if h else str(c.first("honor"))
    return ms, honors


def test_craftsmen_of_the_year_listed_as_body_post_name_rows():
    # 2021年10位荣获“大国工匠年度人物”名单公布 (中华全国总工会; http://www.dswhj.com/html/20220335404.htm)
    d = extract_text("2021年10位荣获“大国工匠年度人物”名单公布\n10位“大国工匠年度人物”分别是:湖南华菱湘潭钢铁有限公司焊接顾问艾爱国,"
                     "中交一航局第三工程有限公司工程测量工陈兆海,内蒙古第一机械集团有限公司焊工卢仁峰,中国航天科技集团有限公司四院7416厂"
                     "班组长徐立平,大庆油田有限责任公司第二采油厂第六作业区48队采油工刘丽,北京金隅天坛家具股份有限公司龙顺成公司工艺总监刘更生。"
                     "(中华全国总工会)", known=load_known())
    ms, honors = _rows(d)
    assert ms == [("刘丽", "大庆油田有限责任公司第二采油厂", "第六作业区48队采油工"),
                  ("刘更生", "北京金隅天坛家具股份有限公司龙顺成公司", "工艺总监"),
                  ("卢仁峰", "内蒙古第一机械集团有限公司", "焊工"),
                  ("徐立平", "中国航天科技集团有限公司四院7416厂", "班组长"),
                  ("艾爱国", "湖南华菱湘潭钢铁有限公司", "焊接顾问"),
                  ("陈兆海", "中交一航局第三工程有限公司", "工程测量工")]
    # the quoted title, not the vocabulary's 大国工匠 inside it
    assert set(honors.values()) == {"大国工匠年度人物"} and len(honors) == 6


def test_named_craftsmen_rows_without_a_post_and_two_rows_joined_by_and():
    # 石狮一批能工巧匠获命名“石狮名匠”“石狮工匠” (2023-05-02, http://zhoukan.nanjiwang.cn/redian/2023/0502/11511.html)
    d = extract_text("据悉,此次被命名为“石狮名匠”的有10人,分别为国网福建省电力有限公司石狮市供电公司庄敬清、福建北记食品有限公司李栋梁、"
                     "福建飞通通讯科技股份有限公司林英狮和石狮市宸汐职业技能培训学校有限公司侯雅清。被命名为“石狮工匠”的有中联品检(福建)"
                     "检测服务有限公司林风喜、石狮市龙兴隆染织实业有限公司丁成雨和泉州太平洋集装箱码头有限公司黄尚集等30人。", known=load_known())
    people = {f.label: d.by_id(f.first("employer")).label for f in d.facts if f.cls == "Person"}
    assert people == {"庄敬清": "国网福建省电力有限公司石狮市供电公司", "李栋梁": "福建北记食品有限公司",
                      "林英狮": "福建飞通通讯科技股份有限公司", "侯雅清": "石狮市宸汐职业技能培训学校有限公司",
                      "林风喜": "中联品检(福建)检测服务有限公司", "丁成雨": "石狮市龙兴隆染织实业有限公司", "黄尚集": "泉州太平洋集装箱码头有限公司"}
    # no body runs over the list's separators (分别为国网…供电公司庄敬清、…福建飞通通讯科技股份有限公司 was one row's body)
    assert [f.label for f in d.facts if f.cls in ("Company", "Organization") and "、" in f.label] == []
    _, honors = _rows(d)
    assert honors == {"庄敬清": "石狮名匠", "李栋梁": "石狮名匠", "林英狮": "石狮名匠", "侯雅清": "石狮名匠",
                      "林风喜": "石狮工匠", "丁成雨": "石狮工匠", "黄尚集": "石狮工匠"}


def test_a_nomination_list_gives_rows_but_no_honor():
    # 河南13人入选大国工匠培育对象 (河南商报 2024-07-11, https://finance.sina.com.cn/jjxw/2024-07-11/doc-inccufsx1748728.shtml)
    d = extract_text("全国总工会日前印发了《关于公布2024年大国工匠培育对象并开展大国工匠培育工作的通知》,共有220人入选大国工匠培育对象名单,"
                     "其中河南13人上榜。这13人分别是:中信重工铸锻公司冶炼车间电炉班大班长杨金安,河南能源永煤公司车集煤矿班组长游弋,"
                     "中原环保股份有限公司马头岗水务分公司副总经理、首席技师和笑天,驻马店市产品质量检验检测中心农产品检验室员工刘萌。",
                     known=load_known())
    ms, honors = _rows(d)
    assert ("游弋", "河南能源永煤公司", "车集煤矿班组长") in ms
    assert [m for m in ms if m[0] == "和笑天"] == [("和笑天", "中原环保股份有限公司马头岗水务分公司", "副总经理"),
                                                ("和笑天", "中原环保股份有限公司马头岗水务分公司", "首席技师")]
    assert honors == {}      # 培育对象: candidates being trained, not holders of 大国工匠


def test_rows_closed_by_et_al_and_granted_an_honor():
    # 长江三峡通航管理局技师罗静等获中华技能大奖 (中国交通新闻网 2015-01-08, http://ctcns.net/index.php?a=shows&catid=18&id=2863)
    d = extract_text("交通运输部长江三峡通航管理局技师罗静、厦门港务集团海天集装箱有限公司电动装卸机械修理工冯鸿昌等人荣获“中华技能大奖”;"
                     "河北省邢台市交通运输局公路养护工王志武、交通运输部救助打捞局潜水员邢思浩等人荣获“全国技术能手”称号。", known=load_known())
    ms, honors = _rows(d)
    assert ("冯鸿昌", "厦门港务集团海天集装箱有限公司", "电动装卸机械修理工") in ms
    assert ("邢思浩", "交通运输部救助打捞局", "潜水员") in ms
    assert honors == {"罗静": "honor-china-skills-award", "冯鸿昌": "honor-china-skills-award",
                      "王志武": "honor-national-technical-expert", "邢思浩": "honor-national-technical-expert"}


def test_a_list_of_trades_and_names_takes_the_honor_of_the_sentence_before():
    # 第七届中华技能大奖 (新华社 2004-12-17, a traditional-script copy at http://chinalmq.com/content/2004-12/18/content_4046065.htm)
    d = extract_text("記者17日從第七屆中華技能大獎和全國技術能手表彰大會獲悉,20名優秀技術工人獲得第七屆“中華技能大獎”榮譽稱號。\n"
                     "這20名優秀技術工人分別是:電動裝卸機械司機技師許振超、特種熔融焊接工高級技師高鳳林、抹灰工高級技師于建友\n"
                     "、車工技師張全民、電工高級技師張?zhí)煊、機修鉗工技師張素麗、鉗工技師俞軍、橋梁工高級技師許春光。", known=load_known())
    _, honors = _rows(d)
    assert sorted(honors) == ["于建友", "俞军", "张全民", "张素丽", "许振超", "许春光", "高凤林"]
    assert set(honors.values()) == {"honor-china-skills-award"}
    assert any("张?zhí)煊" in n for n in d.notes)      # the garbled item is named, not guessed


def test_posts_joined_inside_a_row_and_a_row_that_cannot_be_split():
    # 新一期“最美职工”榜单 (中宣部、中央文明办、全国总工会; https://jswmb.cn/article/2267/8486.html)
    d = extract_text("十位一线劳动者荣获“最美职工”\n这10位“最美职工”分别是:中国航发沈阳黎明航空发动机有限责任公司工人、高级技师洪家光,"
                     "中建钢构有限公司华南大区综合工长、工程师胡从柱,广西桂林建筑安装工程有限公司抹灰工祝平辉,以及咸阳纺织集团有限公司"
                     "一分厂纺部车间乙班赵梦桃小组。", known=load_known())
    ms, honors = _rows(d)
    assert ms == [("洪家光", "中国航发沈阳黎明航空发动机有限责任公司", "工人"), ("洪家光", "中国航发沈阳黎明航空发动机有限责任公司", "高级技师"),
                  ("祝平辉", "广西桂林建筑安装工程有限公司", "抹灰工"),
                  ("胡从柱", "中建钢构有限公司", "华南大区综合工长"), ("胡从柱", "中建钢构有限公司", "工程师")]
    assert honors == {"洪家光": "最美职工", "胡从柱": "最美职工", "祝平辉": "最美职工"}
    assert any("赵梦桃小组" in n for n in d.notes)


def test_they_are_after_a_sentence_granting_an_honor_named_without_quotes():
    # 武汉市人民政府公布武汉市技术能手和技能大师工作室名单 (中国宝武报, https://i.xpaper.net/baowu/news/2721/17022/86060-1.shtml)
    d = extract_text("6名中国宝武职工被授予武汉市技术能手。他们是武钢绿色城建金属结构有限责任公司官春国、武钢有限能源环保部彭斌、武钢重工集团闻建根、"
                     "武钢有限条材厂肖峰、武汉武钢好生活服务有限公司汤敏。", known=load_known())
    _, honors = _rows(d)
    assert honors == {n: "武汉市技术能手" for n in ("官春国", "彭斌", "闻建根", "肖峰", "汤敏")}
    people = {f.label: f.first("employer") and d.by_id(f.first("employer")).label for f in d.facts if f.cls == "Person"}
    assert people["肖峰"] == "武钢有限条材厂" and people["汤敏"] == "武汉武钢好生活服务有限公司"   # not 厂肖峰, 司汤敏
    assert people["彭斌"] == "武钢有限能源环保部"   # a company's department (…有限…部): the row's body, no government body


def test_one_item_a_line_with_nicknames_and_the_title_of_the_year():
    # 2020“三晋工匠”年度人物发布 (山西发布, a copy at https://m.news.shi-fen.com/china/202112/50-1190477.html)
    d = extract_text("这10名“三晋工匠”年度人物分别是:\n\n测山量海的“筑路人”田国锐;\n\n大国重器的“制造能手”陈宾;\n\n"
                     "制造测量导弹零部件“标准”的90后刘希;\n\n焊花飞扬23载的“钢铁裁缝”王建伟;\n\n5G高速路上的网络优化大师王晓刚。\n\n"
                     "另有陈东亮、左锋等20人获“三晋工匠”年度人物提名奖。", known=load_known(), doc_year=2020)
    _, honors = _rows(d)
    assert honors == {"田国锐": "三晋工匠年度人物", "陈宾": "三晋工匠年度人物", "王建伟": "三晋工匠年度人物"}
    # the items whose name cannot be told from the description are named in the notes, not guessed (刘希 after 90后)
    assert sum("no person read" in n for n in d.notes) == 2


def test_several_names_after_one_body_and_the_count_that_closes_them():
    # 邢台市光伏行业职工技能大赛 (2018-12-12, https://news.solarbe.com/201812/12/300613.html)
    text = ("经过激烈角逐,宁晋晶澳公司崔士钊、刘龙龙、王迪、程娜娜,宁晋松宫公司王兆峰等5名选手获“技术状元”。"
            "市总工会授予这5名同志“邢台市五一奖章”称号。宁晋晶兴公司田江等10名选手获“技术标兵”。")
    d = extract_text(text, known=load_known())
    people = {f.label: d.by_id(f.first("employer")).label for f in d.facts if f.cls == "Person"}
    assert people == {"崔士钊": "宁晋晶澳公司", "刘龙龙": "宁晋晶澳公司", "王迪": "宁晋晶澳公司", "程娜娜": "宁晋晶澳公司", "王兆峰": "宁晋松宫公司"}
    _, honors = _rows(d)
    assert honors == {n: "技术状元" for n in people}
    # more rows than the count says: the list is misread, nothing is drafted from it
    d = extract_text(text.replace("等5名", "等3名"), known=load_known())
    assert not [f for f in d.facts if f.cls == "Person" and f.label in ("崔士钊", "王兆峰")]


def test_comma_separated_rows_closed_by_a_count_and_the_verb_before_the_first_body():
    # 上海 2022 中华技能大奖 / 全国技术能手 (a copy at http://www.gongyuanjl.com.cn/fangchan/61500.html)
    d = extract_text("另外,来自上海新动力汽车科技股份有限公司铣工任建新、上海市质量监督检验技术研究院分析工周耀斌,上海电气电站设备有限公司"
                     "上海汽轮机厂数控车工庄秋峰,江南造船(集团)有限责任公司船舶钳工胡传硕等11人获得了“全国技术能手”称号。", known=load_known())
    ms, honors = _rows(d)
    assert ("任建新", "上海新动力汽车科技股份有限公司", "铣工") in ms          # not 来自上海新动力…
    assert ("庄秋峰", "上海电气电站设备有限公司上海汽轮机厂", "数控车工") in ms
    assert honors == {n: "honor-national-technical-expert" for n in ("任建新", "周耀斌", "庄秋峰", "胡传硕")}
