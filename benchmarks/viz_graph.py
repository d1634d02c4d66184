"""A synthetic corpus graph for benchmarking `kg viz` at scale, written directly as N-Quads.

Until `kg build` builds a 10,000-document corpus (benchmarks/gen_corpus.py writes its facts), this writes
the graph such a build makes, in the shape of docs/corpus-format.md: one named graph
``<base>graph/gen-NNNNN`` per document (a reply letter with its source text and ~140 quotes; about 25 persons,
10 companies, 5 workshops, 30 honor conferrals, 15 memberships, 12 observations, 4 fundings, 5
participations; about 1,500 quads), a ``registry`` graph of shared entities (cities, their bureaus,
provinces, the ministry, nationally known craftsmen, media, events) that documents mention, and an
``ontology`` graph of honors and roles. Seeded: the same arguments give the same file.

Usage: python benchmarks/viz_graph.py --docs 10000 --out build/bench/viz-10000.nq

>>> import io
>>> out = io.StringIO(); n = write_graph(out, docs=2, seed=1)
>>> 1400 < out.getvalue().count("<https://w3id.org/kg-talent/graph/gen-00001>") < 1800
True
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

BASE = "https://w3id.org/kg-talent/"
KG = "https://w3id.org/kg-talent/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
VALUE = "http://www.w3.org/ns/prov#value"
XSD = "http://www.w3.org/2001/XMLSchema#"

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂华建国文志海红春晓宇鹏辉斌亮婷雪琳凯峰冉松健智思怡颖龙玉南根哲清莲慧东兴荣德振"
TRADES = ["焊接", "数控", "电工", "钳工", "汽修", "烹饪", "纺织", "化工", "建筑", "电子", "模具", "轨道"]
PROVINCES = ["湖南", "湖北", "广东", "江苏", "浙江", "山东", "河南", "四川", "福建", "安徽", "江西", "河北", "陕西", "辽宁",
             "吉林", "云南", "贵州", "广西", "山西", "甘肃", "重庆", "上海", "北京", "天津", "海南", "宁夏", "青海",
             "新疆", "西藏", "内蒙古", "黑龙江"]
CITY_CHARS = "州阳沙宁安江山城源昌德平兴丰华庆海台泉河川溪云林"


def iri(path: str) -> str:
    return f"<{BASE}id/{path}>"


def lit(text: str, lang: str = "zh") -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@' + lang


def typed(value, dt: str) -> str:
    return f'"{value}"^^<{XSD}{dt}>'


def write_graph(out, *, docs: int, seed: int = 1) -> int:
    """Write the corpus graph as N-Quads to ``out``; return the number of quads."""
    rng = random.Random(seed)
    count = 0

    def q(s: str, p: str, o: str, g: str) -> None:
        nonlocal count
        out.write(f"{s} <{p}> {o} <{BASE}graph/{g}> .\n")
        count += 1

    onto = "ontology"
    honors = []
    for k in range(300):
        h = f"<{KG}honor-gen-{k}>"
        prov = PROVINCES[k % len(PROVINCES)]
        name = [f"全国技术能手", f"{prov}省技能大师", f"{prov}工匠", f"{prov}五一劳动奖章", f"中华技能大奖"][k % 5] + (f"（{k}）" if k >= 5 else "")
        q(h, RDF_TYPE, f"<{KG}Honor>", onto)
        q(h, LABEL, lit(name), onto)
        q(h, LABEL, lit(f"Honor {k}", "en"), onto)
        q(h, f"{KG}level", f"<{KG}{['national', 'provincial', 'municipal'][k % 3]}>", onto)
        honors.append(h)
    roles = []
    for k, name in enumerate(["技师", "高级技师", "首席技师", "焊工", "车工", "工程师", "主任", "厂长", "班长", "教师"]):
        r = f"<{KG}role-gen-{k}>"
        q(r, RDF_TYPE, f"<{KG}Role>", onto)
        q(r, LABEL, lit(name), onto)
        roles.append(r)
    reg = "registry"
    q(iri("mohrss"), RDF_TYPE, f"<{KG}GovernmentBody>", reg)
    q(iri("mohrss"), LABEL, lit("人力资源和社会保障部"), reg)
    q(iri("mohrss"), ALT, lit("人社部"), reg)
    provinces = []
    for k, name in enumerate(PROVINCES):
        p = iri(f"province-{k}")
        q(p, RDF_TYPE, f"<{KG}Place>", reg)
        q(p, LABEL, lit(name + ("省" if len(name) == 2 else "")), reg)
        provinces.append(p)
    cities, bureaus = [], []
    for k in range(300):
        name = rng.choice(CITY_CHARS) + rng.choice(CITY_CHARS) + "市"
        c, b = iri(f"city-{k}"), iri(f"bureau-{k}")
        q(c, RDF_TYPE, f"<{KG}Municipality>", reg)
        q(c, LABEL, lit(f"{name}"), reg)
        q(c, LABEL, lit(f"City {k}", "en"), reg)
        q(c, f"{KG}locatedIn", provinces[k % len(provinces)], reg)
        q(b, RDF_TYPE, f"<{KG}GovernmentBody>", reg)
        q(b, LABEL, lit(f"{name}人力资源和社会保障局"), reg)
        q(b, f"{KG}jurisdiction", c, reg)
        cities.append((c, name))
        bureaus.append(b)
    national = []
    for k in range(200):
        pid = iri(f"craftsman-{k}")
        q(pid, RDF_TYPE, f"<{KG}Person>", reg)
        q(pid, LABEL, lit(rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)), reg)
        national.append(pid)
    media = []
    for k in range(60):
        m = iri(f"media-{k}")
        q(m, RDF_TYPE, f"<{KG}MediaOutlet>", reg)
        q(m, LABEL, lit(f"媒体{k}"), reg)
        media.append(m)
    events = []
    for k in range(50):
        e = iri(f"contest-{k}")
        q(e, RDF_TYPE, f"<{KG}CompetitionEdition>", reg)
        q(e, LABEL, lit(f"第{k + 1}届职业技能大赛"), reg)
        events.append(e)

    for i in range(docs):
        doc = f"gen-{i:05d}"
        d = lambda x: iri(f"{doc}/{x}")  # noqa: E731
        src = d("source")
        offset = [0]

        def quote(text: str) -> str:
            start = offset[0]
            end = start + len(text)
            offset[0] = end + 3
            qi = d(f"q-{start}-{end}")
            q(qi, RDF_TYPE, f"<{KG}SourceQuote>", doc)
            q(qi, VALUE, lit(text).rsplit("@", 1)[0], doc)
            q(qi, f"{KG}startOffset", typed(start, "integer"), doc)
            q(qi, f"{KG}endOffset", typed(end, "integer"), doc)
            q(qi, f"{KG}sourceText", src, doc)
            return qi

        def fact(fid: str, cls: str, zh: str, text: str, en: str | None = None) -> str:
            s = d(fid)
            q(s, RDF_TYPE, f"<{KG}{cls}>", doc)
            q(s, LABEL, lit(zh), doc)
            if en:
                q(s, LABEL, lit(en, "en"), doc)
            q(s, DERIVED, quote(text), doc)
            return s

        ci = rng.randrange(len(cities))
        city, cname = cities[ci]
        q(src, RDF_TYPE, f"<{KG}SourceText>", doc)
        letter = fact("reply-letter", "ReplyLetter", f"{cname}人社局答复第{i}号", f"关于第{i % 100:03d}号建议的答复",
                      f"Reply {i}")
        q(src, f"{KG}describes", letter, doc)
        q(letter, f"{KG}issuer", bureaus[ci], doc)
        q(letter, f"{KG}date", typed(2015 + i % 9, "gYear"), doc)
        q(letter, f"{KG}identifier", lit(f"人社字〔{2015 + i % 9}〕{i % 200}号"), doc)
        for reg_node, text in ((city, cname), (bureaus[ci], cname + "人社局"), (iri("mohrss"), "人社部"),
                               (provinces[ci % len(provinces)], "全省")):
            q(reg_node, DERIVED, quote(text), doc)
        sugg = fact("suggestion", "Suggestion", f"第{i % 100:03d}号建议", f"第{i % 100:03d}号建议")
        q(letter, f"{KG}answers", sugg, doc)
        companies = []
        for k in range(10):
            name = cname[:2] + rng.choice(TRADES) + ["机械", "电气", "重工", "车辆", "科技"][k % 5] + "公司"
            c = fact(f"company-{k}", "Company", name, name, f"Company {i}-{k}")
            q(c, f"{KG}locatedIn", city, doc)
            companies.append(c)
        persons = []
        for k in range(25):
            name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
            p = fact(f"person-{k}", "Person", name, name, f"Person {i}-{k}")
            q(p, f"{KG}employer", rng.choice(companies), doc)
            persons.append(p)
        for nat in rng.sample(national, 2):
            q(nat, DERIVED, quote("大国工匠"), doc)
            persons.append(nat)
        for k in range(5):
            w = fact(f"workshop-{k}", "MasterWorkshop", f"{rng.choice(TRADES)}技能大师工作室{k}", "技能大师工作室")
            q(w, f"{KG}host", companies[k], doc)
            q(w, f"{KG}leader", persons[k], doc)
            q(w, DERIVED, quote("工作室"), doc)
        for k in range(30):
            p = persons[k % len(persons)]
            h = rng.choice(honors[:60]) if rng.random() < 0.7 else rng.choice(honors)
            c = fact(f"conferral-{k}", "HonorConferral", "获评荣誉", "获评荣誉")
            q(c, DERIVED, quote("荣获称号"), doc)
            q(c, f"{KG}recipient", p, doc)
            q(c, f"{KG}honor", h, doc)
            q(c, f"{KG}date", typed(2015 + k % 8, "gYear"), doc)
            q(c, f"{KG}conferredBy", iri("mohrss") if k % 3 == 0 else bureaus[ci], doc)
            q(p, f"{KG}awardReceived", h, doc)
        for k in range(15):
            m = fact(f"membership-{k}", "Membership", "任职", "任职", "holds a role")
            q(m, f"{KG}member", persons[k], doc)
            q(m, f"{KG}organization", companies[k % 10], doc)
            q(m, f"{KG}role", rng.choice(roles), doc)
        for k in range(12):
            n = rng.randrange(5, 5000)
            o = fact(f"obs-{k}", "Observation", f"{n}人", f"{n}人")
            q(o, f"{KG}value", typed(n, "integer"), doc)
            q(o, f"{KG}unit", f"<{KG}person>", doc)
            q(o, f"{KG}about", city, doc)
            q(o, f"{KG}sourceValue", lit(f"{n}人"), doc)
            q(o, f"{KG}qualifier", f"<{KG}exactly>", doc)
            q(o, f"{KG}measure", f"<{KG}honorHolders>", doc)
            if k % 2 == 0:
                q(o, f"{KG}honor", rng.choice(honors[:60]), doc)
        for k in range(4):
            a = rng.choice([20000, 50000, 100000])
            f = fact(f"funding-{k}", "Funding", f"资助{a // 10000}万元", f"{a // 10000}万元")
            q(f, f"{KG}amount", typed(a, "decimal"), doc)
            q(f, f"{KG}currency", lit("CNY").rsplit("@", 1)[0], doc)
            q(f, f"{KG}funder", city, doc)
            q(f, f"{KG}perUnit", f"<{KG}workshop>", doc)
            q(f, f"{KG}fundedFor", d(f"workshop-{k}"), doc)
            q(f, f"{KG}sourceValue", lit(f"{a // 10000}万元"), doc)
        for k in range(5):
            ev = events[(i + k) % len(events)]
            q(ev, DERIVED, quote("职业技能大赛"), doc)
            pa = fact(f"participation-{k}", "Participation", "参赛", "参赛")
            q(pa, f"{KG}participant", persons[k + 5], doc)
            q(pa, f"{KG}event", ev, doc)
            q(pa, f"{KG}activity", lit("参赛"), doc)
    return count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    tmp = args.out.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", buffering=1 << 20) as out:
        n = write_graph(out, docs=args.docs, seed=args.seed)
    tmp.replace(args.out)
    print(f"wrote {args.out}: {args.docs} documents, {n:,} quads in {time.perf_counter() - t:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
