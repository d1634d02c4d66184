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

