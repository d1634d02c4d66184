"""kg.extract.rules.counts on real reply letters of the genre (each excerpt's source in a comment)."""
from kg.extract.known import load_known
from kg.extract.pipeline import extract_text
from kg.extract.rules.counts import AS_OF


def _obs(text):
    d = extract_text(text, known=load_known())
    return [(str(f.first("value")), f.first("measure"), f.first("period")) for f in d.facts if f.cls == "Observation"]


def test_as_of_names_its_time_and_new_talents_are_no_total():
    # 驻马店市人社局, reply to 乔艳红、善巧云委员 (2023; the search store gives no address)
    text = "截至一季度,全市累计开展各类职业培训10.5万人次,新增技能人才5.64万人,新增高技能人才2万人,分别完成年度目标的47.73%。"
    assert AS_OF.search(text).group(0) == "截至一季度"
    # 新增高技能人才2万人 is a quarter's new ones: no figure of the city's high-skill talent (nor of its skilled talent)
    assert _obs(text) == []


def test_totals_of_skilled_talent_in_ten_thousands_without_a_unit():
    # 虞人社提〔2019〕2号 (nbxinxi.com/a/shangyuqu/20210602/192837.html)
    assert _obs("目前,全区技能人才总量已达16.1万,其中高技能人才有4.8万,技能人才担纲着企业大梁。") == [
        ("161000", "skillTalent", None), ("48000", "highSkillTalent", None)]


def test_trades_of_training_are_no_trades_of_a_contest():
    # 湖州市吴兴区人社局, reply to 徐维丽代表 (wuxing.gov.cn …/art_51e52b76….html)
    assert not any(m == "tradesPerEdition" for _, m, _ in _obs(
        "目前,辖区内共有6家职技类院校和42家民办职业技能培训机构,提供60多个工种的培训服务,涵盖数字经济等紧缺急需领域。"))
    # a contest's trades are still counted (株洲 reply 2022, data/documents/zhuzhou-2022-37)
    assert ("10", "tradesPerEdition", "每年") in _obs("每年精心选取10个以上职业工种，连续七年举办“技能天下”职业技能电视大赛。")
