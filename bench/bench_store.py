"""Benchmark: the Oxigraph store against rdflib's in-memory Dataset on a graph shaped like ours.

Generates synthetic extraction records (articles of provincial friendship
unions with persons, posts, events, awards, partner nations, documents and
evidence), maps them to RDF with the real ``kg.graph.to_dataset`` after the
real ``kg.resolve.resolve``, then in the same run measures

* load time of graph.trig into a persistent Oxigraph store and into rdflib,
* median latency of the six competency queries (ontology/queries/*.rq) and of
  the example queries (ontology/queries/examples/*.rq) on both,

and prints a table with the rdflib/Oxigraph ratios.

``--from-build DIR`` measures an existing build instead (DIR/store as ``kg
query`` opens it, read-only; rdflib only with ``--rdflib``). ``--memory`` also
times the same queries on an in-memory pyoxigraph store loaded from
DIR/graph.trig and DIR/graph.ttl (the union, in the default graph), and checks
that it returns the same rows as the on-disk store.

A query's latency is the time to evaluate it and serialise every row as TSV
(in Rust, so no Python row objects are timed); rdflib's is the time to list
its rows.

Usage:
    python bench/bench_store.py                            # 6100 articles, about 1M triples
    python bench/bench_store.py --articles 200 --runs 3    # a quick look
    python bench/bench_store.py --from-build out --memory  # a real build

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


def queries() -> list[tuple[str, str]]:
    """(name, text) of the competency queries, then of the example queries."""
    from kg.query import QUERY_DIR

    found = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(QUERY_DIR.glob("*.rq"))]
    return found + [(f"examples/{p.stem}", p.read_text(encoding="utf-8"))
                    for p in sorted((QUERY_DIR / "examples").glob("*.rq"))]


def tsv(store, query: str) -> bytes:
    """Every row of a query on a pyoxigraph store, serialised as TSV (in Rust)."""
    import pyoxigraph as ox

    return store.query(query).serialize(format=ox.QueryResultsFormat.TSV)


def memory_store(trig_path: Path, union_path: Path | None = None):
    """An in-memory pyoxigraph store of graph.trig, with graph.ttl (the union) as default graph.

    Loaded in a worker thread on purpose: glibc gives that thread its own malloc
    arena, so the main thread's arena, where queries later allocate their rows,
    is not left fragmented by the load (measured: joins ran 2-3x slower after a
    load in the main thread).
    """
    import threading

    import pyoxigraph as ox

    store = ox.Store()
    failed: list[BaseException] = []

    def load() -> None:
        try:
            store.bulk_load(path=str(trig_path), format=ox.RdfFormat.TRIG)
            if union_path is not None:
                store.bulk_load(path=str(union_path), format=ox.RdfFormat.TURTLE,
                                to_graph=ox.DefaultGraph())
        except BaseException as error:  # re-raised in the caller's thread
            failed.append(error)

    worker = threading.Thread(target=load)
    worker.start()
    worker.join()
    if failed:
        raise failed[0]
    return store


def measure(store, runs: int, memory=None, rds=None, rdflib_runs: int = 1) -> list[dict]:
    """Rows and median ms of every query on the store (and on the in-memory copy, rdflib)."""
    out = []
    for name, q in queries():
        first = tsv(store, q)
        row = {"query": name, "rows": first.count(b"\n") - 1,
               "store_ms": _median_ms(lambda: tsv(store, q), runs)}
        if memory is not None:
            # Same rows; rows that tie under ORDER BY may come in another order, and
            # GROUP_CONCAT's order is the engine's own, so differences are reported.
            if sorted(tsv(memory, q).split(b"\n")) != sorted(first.split(b"\n")):
                row["memory_note"] = "rows differ from the store's (ties, GROUP_CONCAT order?)"
            row["memory_ms"] = _median_ms(lambda: tsv(memory, q), runs)
        if rds is not None:
            row["rdflib_rows"] = len(list(rds.query(q)))
            row["rdflib_ms"] = _median_ms(lambda: list(rds.query(q)), rdflib_runs)
        out.append(row)
        print("  " + "  ".join(f"{k} {v:.1f}" if isinstance(v, float) else f"{v}"
                               for k, v in row.items()), flush=True)
    return out


def print_table(rows: list[dict], load: dict[str, float]) -> None:
    cols = [c for c in ("store_ms", "memory_ms", "rdflib_ms") if c in rows[0]]
    print()
    print(f"{'query':40s} {'rows':>7s} " + " ".join(f"{c:>10s}" for c in cols)
          + (f" {'ratio':>7s}" if "rdflib_ms" in cols else ""))
    for r in rows:
        line = f"{r['query']:40s} {r['rows']:7d} " + " ".join(f"{r[c]:10.1f}" for c in cols)
        if "memory_note" in r:
            line += "  (memory: " + r["memory_note"] + ")"
        if "rdflib_ms" in cols:
            line += f" {r['rdflib_ms'] / r['store_ms']:7.0f}"
            if r["rdflib_rows"] != r["rows"]:
                line += f"  (rdflib rows {r['rdflib_rows']})"
        print(line)
    print("load (s): " + ", ".join(f"{k} {v:.1f}" for k, v in load.items()))


def main(argv: list[str] | None = None) -> list[dict]:
    import pyoxigraph as ox
    from rdflib import Dataset

    from kg.store import write_store

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=6100,
                    help="synthetic articles (about 156 quads each: 6100 give ~1M)")
    ap.add_argument("--from-build", metavar="DIR", type=Path,
                    help="measure an existing build (DIR/store, DIR/graph.trig) instead")
    ap.add_argument("--memory", action="store_true",
                    help="also time an in-memory store loaded from graph.trig and graph.ttl")
    ap.add_argument("--rdflib", action=argparse.BooleanOptionalAction, default=None,
                    help="time rdflib too (default: on for synthetic corpora, off for --from-build)")
    ap.add_argument("--runs", type=int, default=11, help="runs per query on Oxigraph")
    ap.add_argument("--rdflib-runs", type=int, default=1,
                    help="runs per query on rdflib (slow: one run can take minutes)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    use_rdflib = args.rdflib if args.rdflib is not None else args.from_build is None

    with tempfile.TemporaryDirectory() as tmp:
        load: dict[str, float] = {}
        if args.from_build is not None:
            build = args.from_build
            trig_path, union_path = build / "graph.trig", build / "graph.ttl"
            store = ox.Store.read_only(str(build / "store"))
            print(f"{build}: {len(store)} quads in the store", flush=True)
        else:
            t = time.perf_counter()
            ds = synthetic_dataset(args.articles, args.seed)
            from kg.export import serialize
            trig_path, union_path = Path(tmp) / "graph.trig", Path(tmp) / "graph.ttl"
            trig_path.write_text(serialize(ds, "trig"), encoding="utf-8")
            union_path.write_text(serialize(ds, "ttl"), encoding="utf-8")
            print(f"generated {args.articles} articles, {len(ds)} quads in "
                  f"{time.perf_counter() - t:.1f} s", flush=True)
            del ds
            t = time.perf_counter()
            write_store(Path(tmp) / "store", trig_path=trig_path, union_path=union_path)
            store = ox.Store.read_only(str(Path(tmp) / "store"))
            load["store"] = time.perf_counter() - t
        memory = None
        if args.memory:
            t = time.perf_counter()
            memory = memory_store(trig_path, union_path if union_path.is_file() else None)
            load["memory"] = time.perf_counter() - t
        rds = None
        if use_rdflib:
            t = time.perf_counter()
            rds = Dataset(default_union=True)
            rds.parse(trig_path, format="trig")
            load["rdflib"] = time.perf_counter() - t
        print("load (s): " + ", ".join(f"{k} {v:.1f}" for k, v in load.items()), flush=True)
        rows = measure(store, args.runs, memory, rds, args.rdflib_runs)
    print_table(rows, load)
    return rows


if __name__ == "__main__":
    main()
