"""Benchmark: the Oxigraph store against rdflib's in-memory Dataset on a graph shaped like ours.

Generates synthetic extraction records (articles of provincial friendship
unions with persons, posts, events, awards, partner nations, documents and
evidence), maps them to RDF with the real ``kg.graph.to_dataset`` after the
real ``kg.resolve.resolve``, then in the same run measures

* load time of graph.trig into a persistent Oxigraph store and into rdflib,
* median latency of the six competency queries (ontology/queries/*.rq) and of
  the example queries (ontology/queries/examples/*.rq) on both,

and prints a table with the rdflib/Oxigraph ratios.

Usage:
    python bench/bench_store.py                            # 6100 articles, about 1M triples
    python bench/bench_store.py --articles 200 --runs 3    # a quick look

``synthetic_extractions`` is also used by the tests (a small seeded corpus
whose answers are computed independently), so it must stay deterministic.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.model import (Article, AwardRecord, CountryRecord, DocumentRecord,  # noqa: E402
                      EventRecord, Evidence, Extraction, OrganisationRecord, PersonRecord,
                      PositionRecord)

PROVINCES = ["Hải Dương", "Quảng Ninh", "Nghệ An", "Đà Nẵng", "Cần Thơ", "Lào Cai",
             "Thừa Thiên Huế", "Bắc Ninh", "Khánh Hòa", "Bình Định", "Thanh Hóa", "Lâm Đồng"]
COUNTRIES = [("LA", "Lào"), ("KH", "Campuchia"), ("JP", "Nhật Bản"), ("KR", "Hàn Quốc"),
             ("CN", "Trung Quốc"), ("RU", "Nga"), ("CU", "Cuba"), ("US", "Hoa Kỳ"),
             ("FR", "Pháp"), ("DE", "Đức")]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Đặng", "Bùi"]
MIDDLES = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Thanh", "Quốc", "Ngọc"]
GIVENS = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hùng", "Lan", "Long", "Mai",
          "Nam", "Phong", "Quang", "Sơn", "Tâm", "Thảo", "Tuấn", "Vinh"]
TITLES = ["Chủ tịch", "Phó Chủ tịch", "Tổng Thư ký", "Ủy viên Ban Thường vụ", "Bí thư"]
EVENT_KINDS = [("Conference", "Hội nghị tổng kết công tác đối ngoại nhân dân"),
               ("Congress", "Đại hội đại biểu Hội hữu nghị"),
               ("Meeting", "Buổi làm việc với đoàn đại biểu"),
               ("Reception", "Buổi tiếp Đại sứ"), ("Ceremony", "Lễ kỷ niệm"),
               ("Workshop", "Hội thảo hợp tác"), ("Festival", "Lễ hội giao lưu văn hóa")]
DOCUMENTS = [("04-CT/TW", "Chỉ thị"), ("12-CT/TW", "Chỉ thị"), ("22-NQ/TW", "Nghị quyết"),
             ("59-NQ/TW", "Nghị quyết"), ("25-CT/TW", "Chỉ thị")]
YEARS = [2019, 2020, 2021, 2022, 2023, 2024]


def _people(rng: random.Random, n: int) -> list[str]:
    names: set[str] = set()
    while len(names) < n:
        names.add(f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVENS)}")
    return sorted(names)


def synthetic_extractions(n_articles: int, seed: int = 7) -> list[Extraction]:
    """``n_articles`` seeded synthetic extractions shaped like the extractor's output."""
    rng = random.Random(seed)
    # Each province has its own small pool of officials, so people recur across articles.
    pool = {p: _people(random.Random(f"{seed}-{p}"), 8) for p in PROVINCES}
    out = []
    for i in range(n_articles):
        prov = rng.choice(PROVINCES)
        year = rng.choice(YEARS)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        name = f"syn_{i:06d}.txt"
        partners = rng.sample(COUNTRIES, rng.randint(1, 2))
        sentences: list[str] = []

        def ev(sentence: str, conf: float = 0.8) -> Evidence:
            start = sum(len(s) + 1 for s in sentences)
            sentences.append(sentence)
            return Evidence(name, sentence, start, start + len(sentence), conf)

        union = f"Liên hiệp các tổ chức hữu nghị tỉnh {prov}"
        code, cname = partners[0]
        assoc = f"Hội hữu nghị Việt Nam – {cname} tỉnh {prov}"
        party = f"Tỉnh ủy {prov}"
        orgs = (OrganisationRecord(union, "FriendshipUnion", ev(f"{union} tổ chức hoạt động."),
                                   union, locality=prov),
                OrganisationRecord(assoc, "FriendshipAssociation", ev(f"{assoc} phối hợp."),
                                   assoc, locality=prov, country=code),
                OrganisationRecord(party, "PartyCommittee", ev(f"Thực hiện chỉ đạo của {party}."),
                                   party, locality=prov))
        people = rng.sample(pool[prov], 3)
        persons = tuple(PersonRecord(p, p, ev(f"Ông {p} phát biểu.")) for p in people)
        posts = []
        for k, p in enumerate(people):
            org = [union, assoc, party][k % 3] if rng.random() > 0.1 else ""
            title = TITLES[(k + i) % len(TITLES)] if k else "Chủ tịch"
            posts.append(PositionRecord(p, title, org, ev(f"Ông {p}, {title} {org}."), date,
                                        former=rng.random() < 0.1))
        events = []
        for n in range(rng.randint(1, 2)):
            kind, label = rng.choice(EVENT_KINDS)
            awards = ()
            if kind == "Conference":
                c, ind = rng.randint(1, 30), rng.randint(1, 40)
                awards = (AwardRecord("Bằng khen", f"{c} tập thể và {ind} cá nhân",
                                      ev(f"Tặng Bằng khen cho {c} tập thể và {ind} cá nhân."),
                                      c, ind),)
            events.append(EventRecord(
                f"{label} {year}", kind, ev(f"{label} diễn ra tại {prov}.", 0.7), date,
                f"tỉnh {prov}", union if n == 0 else assoc, people[0],
                (people[1], assoc), awards, tuple(c for c, _ in partners)))
        countries = tuple(CountryRecord(c, v, ev(f"Quan hệ hữu nghị với {v}.")) for c, v in partners)
        documents = ()
        if rng.random() < 0.4:
            dcode, dkind = rng.choice(DOCUMENTS)
            documents = (DocumentRecord(dcode, dkind, ev(f"Thực hiện {dkind} số {dcode}."),
                                        "Ban Bí thư", surface=dcode),)
        text = " ".join(sentences)
        article = Article(name, text, date, None, None, f"Hoạt động đối ngoại nhân dân {prov}",
                          prov)
        out.append(Extraction(article, orgs, persons, tuple(posts), tuple(events), countries,
                              documents))
    return out


def synthetic_dataset(n_articles: int, seed: int = 7):
    """The rdflib Dataset of ``synthetic_extractions`` (real resolution and RDF mapping)."""
    from kg.graph import to_dataset
    from kg.resolve import resolve

    exs = synthetic_extractions(n_articles, seed)
    return to_dataset(exs, resolve(exs))


def _median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    import pyoxigraph as ox
    from rdflib import Dataset

    from kg.export import serialize
    from kg.query import QUERY_DIR
    from kg.store import write_store

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=6100,
                    help="synthetic articles (about 164 triples each: 6100 give ~1M)")
    ap.add_argument("--runs", type=int, default=11, help="runs per query on the Oxigraph store")
    ap.add_argument("--rdflib-runs", type=int, default=1,
                    help="runs per query on rdflib (slow: one run can take minutes)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)

    t = time.perf_counter()
    ds = synthetic_dataset(args.articles, args.seed)
    trig = serialize(ds, "trig").encode("utf-8")
    n_quads = len(ds)
    del ds
    print(f"generated {args.articles} articles, {n_quads} quads, {len(trig) / 1e6:.1f} MB TriG "
          f"in {time.perf_counter() - t:.1f} s", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        trig_path = Path(tmp) / "graph.trig"
        trig_path.write_bytes(trig)
        t = time.perf_counter()
        write_store(Path(tmp) / "store", trig_path=trig_path)
        store = ox.Store.read_only(str(Path(tmp) / "store"))
        ox_load = time.perf_counter() - t
        t = time.perf_counter()
        rds = Dataset(default_union=True)
        rds.parse(trig_path, format="trig")
        rdf_load = time.perf_counter() - t
        print(f"load: oxigraph {ox_load:.1f} s, rdflib {rdf_load:.1f} s "
              f"(x{rdf_load / ox_load:.1f})", flush=True)

        queries = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(QUERY_DIR.glob("*.rq"))]
        queries += [(f"examples/{p.stem}", p.read_text(encoding="utf-8"))
                    for p in sorted((QUERY_DIR / "examples").glob("*.rq"))]
        rows = []
        for name, q in queries:
            # kg's store holds the union in its default graph: no union option (kg.query).
            n_ox = len(list(store.query(q)))
            ox_ms = _median_ms(lambda: list(store.query(q)), args.runs)
            n_rdf = len(list(rds.query(q)))
            rdf_ms = _median_ms(lambda: list(rds.query(q)), args.rdflib_runs)
            rows.append((name, n_ox, n_rdf, ox_ms, rdf_ms))
            print(f"  {name:40s} {ox_ms:9.1f} ms  rdflib {rdf_ms:10.1f} ms", flush=True)

    print()
    print(f"{'query':40s} {'rows':>7s} {'oxigraph ms':>12s} {'rdflib ms':>11s} {'ratio':>7s}")
    for name, n_ox, n_rdf, ox_ms, rdf_ms in rows:
        flag = "" if n_ox == n_rdf else f"  (rdflib rows {n_rdf})"
        print(f"{name:40s} {n_ox:7d} {ox_ms:12.1f} {rdf_ms:11.1f} {rdf_ms / ox_ms:7.0f}{flag}")
    print(f"{'load (s)':40s} {n_quads:7d} {ox_load:12.1f} {rdf_load:11.1f} "
          f"{rdf_load / ox_load:7.1f}")


if __name__ == "__main__":
    main()
