"""Nominations in real texts of the genre (kg.extract.rules.nominations). Each excerpt's source is in a comment; values
are the texts' own."""
from kg.extract.known import load_known
from kg.extract.pipeline import extract_text


def _nominees(text: str):
    d = extract_text(text, known=load_known())
    return [(f.first("value"), str(f.first("honor")), f.first("period"), f.notes, f.label)
            for f in d.facts if f.cls == "Observation" and f.first("measure") == "nominees"]


def test_persons_put_forward_for_an_honor():
    # 人民日报 2024-09-27 (a copy: http://javascriptjump.com/?6Nk3d=pH9.html)
    got = _nominees("高技能人才表彰工作已开展16届,累计表彰320名中华技能大奖获得者和3616名全国技术能手;推荐4263名高技能人才享受政府特殊津贴。")
    assert got == [(4263, "honor-government-special-allowance", "累计", [], "推荐4263名高技能人才享受政府特殊津贴")]


def test_a_quota_of_nominees_per_honor_and_a_nomination_of_no_honor():
    # 沈阳 第十六届中华技能大奖和全国技术能手候选人 推荐通知 (https://www.chacewang.com/newsdetail/news120501.html)
    got = _nominees("一、推荐名额本次评选表彰包括4个奖项,我市向省人力资源社会保障厅推荐名额如下:中华技能大奖候选人1名、全国技术能手候选人3名、"
                    "国家技能人才培育突出贡献候选单位1家、国家技能人才培育突出贡献候选个人1名。")
    quota = ["a quota of nominations the text sets, not a count of persons put forward"]
    assert got == [(1, "honor-china-skills-award", None, quota, "中华技能大奖候选人1名"),
                   (3, "honor-national-technical-expert", None, quota, "全国技术能手候选人3名")]
    # 荆州日报 2024-12-03 (http://news.cnchu.com/jzrb/pc/html/2024-12/03/nw.D421000jzrb_20241203_7-A002.htm)
    assert _nominees("我市协办5个赛项,推荐4名裁判长,组织61名选手参加28个赛项角逐。") == []
