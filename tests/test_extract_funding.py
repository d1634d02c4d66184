"""kg.extract.rules.funding on real notices and news of the genre (each excerpt's source in a comment)."""
from kg.extract.known import load_known
from kg.extract.pipeline import extract_text

# 第十二批德州市首席技师 (德州新闻网, a copy at http://jiexigoutong.com/shxw1109/p/1618972.html; the copy inserts pinyin)
DEZHOU = ("德州新聞網(wǎng)訊(劉國(guó)慶)近日,德州市人民政府辦公室根據(jù)《德州市首席技師選拔管理辦法》(德政辦發(fā)〔2020〕10號(hào))規(guī)定,"
          "通過逐級(jí)推薦、選拔,經(jīng)市政府批準(zhǔn),公布了第十二批德州市首席技師名單。\n"
          "截至目前,天衢新區(qū)累計(jì)評(píng)選市首席技師61人,市首席技師在管理期內(nèi)享受政府津貼每人每年8000元。")


def _funding(d):
    return [f for f in d.facts if f.cls == "Funding"]


def test_an_allowance_per_person_and_year_is_for_the_policy_named_at_the_top():
    d = extract_text(DEZHOU, known=load_known())
    [f] = _funding(d)
    assert (int(f.first("amount")), f.first("perUnit"), f.first("frequency")) == (8000, "person", "每年")
    assert d.by_id(f.first("fundedFor")).label == "德州市首席技师选拔管理办法"


def test_a_grant_the_text_ties_to_nothing_is_not_drafted():
    # 福建今年将建设60个省级技能大师工作室 (东南网 2021, a copy at http://www.politiqueglobale.org/node/421/20210811/611387274b081.shtml):
    # alone, the sentence names no policy, scheme or workshop the grant is for (the build requires one)
    assert _funding(extract_text("每個省級技能大師工作室補助經費10萬元,用于開展技能培訓、研修、攻關、交流等活動。", known=load_known())) == []
    d = extract_text("近日,省人社廳、財政廳聯合印發了《關于開展2021年度省級技能大師工作室建設工作的通知》。"
                     "每個省級技能大師工作室補助經費10萬元,用于開展技能培訓、研修、攻關、交流等活動。", known=load_known())
    [f] = _funding(d)
    assert (int(f.first("amount")), f.first("perUnit")) == (100000, "workshop")
    assert d.by_id(f.first("fundedFor")).label == "关于开展2021年度省级技能大师工作室建设工作的通知"



def test_workshops_listed_with_their_host_in_front_of_a_bracket():
    # 珠海市人力资源和社会保障局 2023年珠海市市级技能大师工作室认定 (2023-08-04, https://www.chacewang.com/newsdetail/news395579.html)
    d = extract_text("根据《珠海市市级技能大师工作室和技师工作站认定办法》(珠人社〔2018〕285号,以下简称《办法》)规定,经组织申报、认定评审、公示,"
                     "现认定中海石油深海开发有限公司(苗建海洋油气开采技能大师工作室)、中海福陆重工有限公司(朱化学焊工技能大师工作室)、"
                     "珠海市技师学院(吴陵玲互联网营销技能大师工作室)等5个技能大师工作室为2023年珠海市市级技能大师工作室,被认定的市级技能大师"
                     "工作室要严格按照《办法》要求", known=load_known())
    ws = sorted((w.label, d.by_id(w.first("hostedBy")).label, str(w.first("level")), d.by_id(w.first("governedBy")).label)
                for w in d.facts if w.cls == "MasterWorkshop")
    assert ws == [("吴陵玲互联网营销技能大师工作室", "珠海市技师学院", "municipal", "珠海市市级技能大师工作室和技师工作站认定办法"),
                  ("朱化学焊工技能大师工作室", "中海福陆重工有限公司", "municipal", "珠海市市级技能大师工作室和技师工作站认定办法"),
                  ("苗建海洋油气开采技能大师工作室", "中海石油深海开发有限公司", "municipal", "珠海市市级技能大师工作室和技师工作站认定办法")]
    # 苗建 or 苗建海? the leader is not guessed
    assert [f for f in d.facts if f.cls == "Person"] == []


def test_a_workshop_named_after_its_master_and_the_grant_for_each_listed_workshop():
    # 三明市人社局 三明市财政局 2025年“三明市技能大师工作室” (明人社〔2025〕286号,
    # http://rsj.sm.gov.cn/szfgzjg/rsj/zfxxgkml/ldgx/202601/t20260115_2184243.htm)
    d = extract_text("根据《三明市人力资源和社会保障局 三明市财政局关于2025年度市级技能大师工作室推荐工作的通知》(明人社〔2025〕209号)要求,"
                     "全市各地各单位广泛宣传,积极组织开展“三明市技能大师工作室”的申报工作。经专家组评审推荐、市人社局局务会议研究同意、公示无异议后,"
                     "现确定张思梅技能大师工作室等10个工作室为2025年“三明市技能大师工作室”。按政策规定,每个工作室补助经费3万元,"
                     "所需经费由就业补助资金支付。", known=load_known())
    w = next(f for f in d.facts if f.cls == "MasterWorkshop")
    policy = d.by_id(w.first("governedBy"))
    assert (w.label, str(w.first("level")), policy.first("identifier")) == ("张思梅技能大师工作室", "municipal", "明人社〔2025〕209号")
    assert [f.label for f in d.facts if f.cls == "Person"] == ["张思梅"]
    grant = next(f for f in d.facts if f.cls == "Funding")
    # the grant is for each of the 10 workshops: it goes to their policy, as the other workshop grants do
    assert (grant.first("amount"), grant.first("perUnit"), grant.first("fundedFor")) == (30000, "workshop", policy.id)


def test_a_workshop_named_after_a_person_is_hosted_by_the_body_written_before_it():
    # 常州有了第4个国家级技能大师工作室 (常州日报 2017-08-21, http://zg.changzhou.gov.cn/content/suitable/show?catid=2206&id=39698)
    d = extract_text("经国家人力资源和社会保障部评审、批准,常州中车集团戚墅堰机车车辆工艺研究所“陈士华技能大师工作室”日前获评2017年"
                     "国家级技能大师工作室,并获得10万元补助资金。陈士华自1991年进入中车戚墅堰所从事无损检测工作以来,刻苦钻研,"
                     "先后荣获“中国中车首席技能专家”“江苏省企业首席技师”“江苏省技能大师工作室领办人”“全国技术能手”等荣誉。",
                     known=load_known())
    w = next(f for f in d.facts if f.cls == "MasterWorkshop")
    assert w.label == "陈士华技能大师工作室" and str(w.first("level")) == "national"
    assert d.by_id(w.first("hostedBy")).label == "戚墅堰机车车辆工艺研究所"
    # the biography's quoted honors, one after another (“A”“B”…等荣誉), the one that is a post (领办人) left out
    got = sorted((d.by_id(c.first("recipient")).label, d.by_id(c.first("honor")).label if d.by_id(c.first("honor")) else str(c.first("honor")))
                 for c in d.facts if c.cls == "HonorConferral")
    assert got == [("陈士华", "honor-national-technical-expert"), ("陈士华", "中国中车首席技能专家"), ("陈士华", "江苏省企业首席技师")]
