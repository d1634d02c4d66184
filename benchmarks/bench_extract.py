"""Benchmark `kg extract`: documents per second on generated documents of the genre.

Usage: python benchmarks/bench_extract.py [N] [--size 1|10|100] [--growth]

Generates N reply letters and news items (seeded, deterministic: varied cities, persons, honors,
counts, fundings, contests, reports), extracts each in process and prints documents/s and characters/s,
with, in the same run, the time of the baseline that every extraction pays (decoding and the matching
view) so the ratio shows what the rules cost. ``--size K`` makes each document K copies of itself.

``--growth``: how the time grows with the length of one text: the longest document in data/documents extracted at 1, 10 and 100 copies of itself, CPU per character at each length and its ratio to
the time per character at 1 copy (linear rules keep it near 1; a rule that rescans the text for each match
makes it grow with the length).
"""
from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛"
GIVEN = "建国华明伟芳娜静敏强磊军洋勇艳杰娟涛超秀英霞平刚桂兰志红玉文斌鹏辉丽宁浩凯波"
CITIES = ["长沙", "湘潭", "衡阳", "岳阳", "常德", "益阳", "郴州", "永州", "怀化", "娄底", "南昌", "九江", "赣州", "合肥", "芜湖", "洛阳", "襄阳", "宜昌"]
HONORS = ["全国技术能手", "中华技能大奖", "全国五一劳动奖章", "全国劳动模范", "湖南省技术能手", "大国工匠"]
ROLES = ["高级技师", "焊接技师", "首席技师", "工程师", "总工", "企业家"]
COMPANIES = ["机电有限公司", "钢铁集团有限公司", "电气有限公司", "轨道交通装备有限公司", "汽车制造有限公司"]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def generate(i: int, rng: random.Random) -> str:
    city = rng.choice(CITIES)
    year = rng.randint(2016, 2024)
    p = [_name(rng) for _ in range(8)]
    paras = [
        f"{city}市人力资源和社会保障局\n\n{city[0]}人社函〔{year}〕{rng.randint(1, 200)}号\n\n"
        f"对市{rng.choice('十一二三四五六七八九')}届人大{rng.choice('一二三四五')}次会议第{rng.randint(1, 999):03d}号建议的答复\n\n{p[0]}代表：\n"
        f"您提出的《关于加强{city}技能人才队伍建设的建议》收悉，经我局研究，现答复如下：",
        f"截至目前，全市人才总量达{rng.randint(20, 90)}.{rng.randint(1, 9)}万人，其中高技能人才{rng.randint(3, 20)}万人；"
        f"{rng.randint(2, 60)}人获得“{rng.choice(HONORS)}”称号，{rng.randint(100, 900)}余名选手获得相应国家职业资格等级证书。",
        f"一、突出政策引领，让技能人才有奔头。{year - rng.randint(1, 6)}年，我市出台《{city}市技能大师工作室管理办法》，"
        f"先后在{city}{rng.choice(COMPANIES)}、{city}{rng.choice(COMPANIES)}等骨干企业设立“技能大师工作室”{rng.randint(5, 40)}家，"
        f"给予每家市级技能大师工作室{rng.randint(2, 10)}万元资金资助。",
        f"二、突出竞赛推动。今年{rng.randint(3, 10)}月{rng.randint(1, 20)}日，{city}市第{rng.choice('一二三四五六')}届职业技能大赛成功举办，"
        f"每年参与竞赛人数达到{rng.randint(1, 9)}万人以上。{_name(rng)}市长出席并致辞。",
        f"三、突出典型宣传。{city}{rng.choice(COMPANIES)}{rng.choice(ROLES)}{p[1]}获得“{rng.choice(HONORS)}”称号；"
        f"{rng.choice(HONORS)}{p[2]}、{p[3]}相继当选党的十九大、二十大全国代表。"
        f"湖南日报推出了《{p[4]}：{rng.choice(['匠心筑梦', '焊花人生', '技能报国'])}》等报道。",
        f"下一步，我局将继续深化实施技能提升行动，培养更多大国工匠。\n承办负责人：{p[5]}\n\n承  办  人：{p[6][0]}  {p[6][1:]}\n",
    ]
    return "\n\n".join(paras)


def growth() -> None:
    from kg.extract.known import load_known
    from kg.extract.pipeline import extract_text
    root = Path(__file__).resolve().parent.parent / "data" / "documents"
    source = max(root.glob("*/*.txt"), key=lambda p: p.stat().st_size)  # the longest document shipped
    text = source.read_text(encoding="utf-8")
    known = load_known()
    extract_text(text, known=known)  # warm up (lexicon, registry)
    per_char = {}
    print(f"growth with the length of one text ({source.parent.name}, {len(text):,} characters; best of 3, CPU)")
    for n in (1, 10, 100):
        many = text * n
        best = min(_cpu(lambda: extract_text(many, known=known)) for _ in range(3))
        per_char[n] = best / len(many)
        print(f"  x{n:<4d} {len(many):>10,} characters  {best:8.3f} s  {per_char[n] * 1e6:7.2f} µs/char"
              f"  ({per_char[n] / per_char[1]:.2f}x the time per character at x1)")


def _cpu(fn) -> float:
    t = time.process_time()
    fn()
    return time.process_time() - t


def main() -> None:
    if "--growth" in sys.argv:
        growth()
        return
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 200
    size = int(sys.argv[sys.argv.index("--size") + 1]) if "--size" in sys.argv else 1
    from kg.extract.known import load_known
    from kg.extract.normalize import make_view
    from kg.extract.pipeline import extract_text

    rng = random.Random(20261128)
    docs = [generate(i, rng) * size for i in range(n)]
    known = load_known()
    extract_text(docs[0], known=known)  # warm up (lexicon, registry)
    chars = sum(map(len, docs))

    def run(fn) -> float:
        t = time.perf_counter()
        for d in docs:
            fn(d)
        return time.perf_counter() - t

    base = statistics.median(run(make_view) for _ in range(3))
    facts = sum(len(extract_text(d, known=known).facts) for d in docs[:20])
    full = statistics.median(run(lambda d: extract_text(d, known=known)) for _ in range(3))
    print(f"{n} generated documents x{size}, {chars:,} characters, ~{facts / min(20, n):.0f} facts each (median of 3 runs)")
    print(f"  baseline (matching view only)  {base:7.3f} s  {n / base:9.1f} docs/s  {chars / base / 1e6:6.2f} M chars/s")
    print(f"  kg extract (all rules)         {full:7.3f} s  {n / full:9.1f} docs/s  {chars / full / 1e6:6.2f} M chars/s"
          f"  ({full / base:.1f}x the baseline)")


if __name__ == "__main__":
    main()
