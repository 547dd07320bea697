"""Benchmark of the explorer: time to first full draw in headless Chromium at 1k, 10k and 30k nodes.

Synthetic graphs shaped like ours (articles of a province naming people with
posts in its union, party and state bodies, events with a chair and partner
nations, a cited directive) go through the real pipeline: records ->
kg.resolve -> kg.graph -> kg.viz.render_explorer.  Each page is opened from
file:// in Debian's Chromium (never a downloaded browser), offline, and the
page's own markers are read: ``kgExplorer.timing.firstDraw`` (vis-network's
first 'afterDrawing', ms since navigation start) and ``settled`` (physics
stopped; the same moment in large-graph mode, where positions come from
Python and physics starts off).  Also timed: a search and a class filter.

    python3 bench/bench_explorer.py                  # 1k, 10k, 30k
    python3 bench/bench_explorer.py --sizes 1000     # one size
    python3 bench/bench_explorer.py --screenshot     # docs/explorer.png from data/articles
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from kg.graph import to_dataset
from kg.model import (Article, CountryRecord, DocumentRecord, Evidence, EventRecord, Extraction,
                      OrganisationRecord, PersonRecord, PositionRecord)
from kg.resolve import resolve
from kg.viz import LARGE_THRESHOLD, explorer_payload, view_model
from kg.viz.page import render_page

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PROVINCES = ["Hải Phòng", "Quảng Ninh", "Nghệ An", "Đà Nẵng", "Cần Thơ", "Lào Cai", "Hải Dương",
             "Bắc Ninh", "Khánh Hòa", "Bình Định", "Thanh Hóa", "Lâm Đồng", "Hà Nội", "Huế",
             "Điện Biên", "An Giang", "Quảng Trị", "Thái Bình", "Tuyên Quang", "Hà Giang"]
COUNTRIES = ["LA", "KH", "CN", "JP", "KR", "RU", "US", "FR", "DE", "CU", "IN", "TH", "AU", "GB",
             "IT", "NL", "BG", "MZ", "BY", "PL", "CZ", "HU", "SG", "MY", "ID", "PH", "CA", "NZ"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLES = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Ngọc", "Xuân", "Khắc"]
GIVEN = ["Nghĩa", "Nam", "Hà", "Giang", "Việt", "Hùng", "Lan", "Dũng", "Hương", "Tuấn", "Bình",
         "Thảo", "Long", "Phương", "Sơn", "Hải", "Mai", "Quân", "Trang", "Đạt"]
TITLES = ["Chủ tịch", "Phó Chủ tịch", "Tổng Thư ký", "Ủy viên Ban Thường vụ", "Giám đốc", "Bí thư"]


def synthetic_extractions(n_articles: int, seed: int = 1) -> list[Extraction]:
    rng = random.Random(seed)
    # people and bodies are reused across a province's articles, as in the corpus
    people_per_province = max(6, n_articles // 6)
    extractions = []
    for i in range(n_articles):
        prov = rng.choice(PROVINCES)
        year = rng.randint(2014, 2024)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        nations = rng.sample(COUNTRIES, rng.randint(1, 3))
        # a province has friendship associations with a few nations only, so the number of
        # bodies stops growing early and the node count grows linearly with the articles
        pi = PROVINCES.index(prov)
        partner = COUNTRIES[(pi * 3 + rng.randrange(3)) % len(COUNTRIES)]
        orgs = [f"Liên hiệp các tổ chức hữu nghị tỉnh {prov}", f"Tỉnh ủy {prov}",
                f"Ủy ban nhân dân tỉnh {prov}", f"Hội hữu nghị Việt Nam – {partner} tỉnh {prov}"]
        kinds = ["FriendshipUnion", "PartyCommittee", "StateBody", "FriendshipAssociation"]
        sentences, persons, positions = [], [], []
        for _ in range(rng.randint(3, 6)):
            k = rng.randrange(people_per_province)
            name = (f"{SURNAMES[k % 12]} {MIDDLES[(k // 12) % 10]} {GIVEN[(k // 120) % 20]}"
                    + (f" {GIVEN[(k // 2400) % 20]}" if k >= 2400 else "") + f" {prov.split()[-1]}")
            org = rng.randrange(len(orgs))
            title = rng.choice(TITLES)
            sentences.append((f"Đồng chí {name}, {title} {orgs[org]}, phát biểu tại buổi làm việc.",
                              ("post", name, title, orgs[org])))
        sentences.append((f"Hai bên trao đổi về hợp tác với {', '.join(nations)}.", ("countries",)))
        if rng.random() < 0.3:
            sentences.append(("Hội nghị quán triệt Chỉ thị 04-CT/TW của Ban Bí thư.", ("doc",)))
        text = " ".join(s for s, _ in sentences) + " " + "Nội dung hoạt động đối ngoại nhân dân. " * 12
        art = Article(f"synth_{i:06d}.txt", text, published=date, locality=prov,
                      title=f"Hoạt động đối ngoại nhân dân tỉnh {prov} {date}")
        pos = 0
        evs = []
        for s, what in sentences:
            start = text.index(s, pos)
            evs.append((Evidence(art.name, s, start, start + len(s), round(rng.uniform(0.6, 0.95), 2)), what))
            pos = start + len(s)
        org_recs = tuple(OrganisationRecord(o, kinds[j], evs[0][0], locality=prov,
                                            country=partner if j == 3 else None)
                         for j, o in enumerate(orgs))
        countries, documents = [], []
        for ev, what in evs:
            if what[0] == "post":
                persons.append(PersonRecord(what[1], what[1], ev))
                positions.append(PositionRecord(what[1], what[2], what[3], ev, date))
            elif what[0] == "countries":
                countries = [CountryRecord(c, c, ev) for c in nations]
            else:
                documents = [DocumentRecord("04-CT/TW", "Chỉ thị", ev)]
        names = list(dict.fromkeys(p.name for p in persons))
        persons = list({p.name: p for p in persons}.values())
        events = tuple(EventRecord(f"Buổi làm việc {n + 1} tại {prov} ngày {date}", "Meeting", evs[0][0],
                                   date=date, organiser=orgs[0], chair=names[0],
                                   attendees=tuple(names[1:3]), countries=tuple(nations))
                       for n in range(rng.randint(1, 2)))
        extractions.append(Extraction(art, organisations=org_recs, persons=tuple(persons),
                                      positions=tuple(positions), events=events,
                                      countries=tuple(countries), documents=tuple(documents)))
    return extractions


def synthetic_page(target_nodes: int, layout_threshold: int = LARGE_THRESHOLD) -> tuple[str, dict]:
    """A page of about ``target_nodes`` nodes, and what building it cost."""
    def nodes(n: int) -> int:
        exs = synthetic_extractions(n)
        return len(view_model(to_dataset(exs, resolve(exs))).nodes)

    # nodes = fixed (places, countries, bodies) + per-article part: fit on two small runs
    small, big = nodes(100), nodes(400)
    per_article = (big - small) / 300
    n_articles = max(1, round((target_nodes - (small - 100 * per_article)) / per_article))
    t0 = time.perf_counter()
    exs = synthetic_extractions(n_articles)
    ds = to_dataset(exs, resolve(exs))
    t1 = time.perf_counter()
    vm = view_model(ds)
    payload = explorer_payload(vm, layout_threshold)
    page = render_page(payload, "benchmark")
    t2 = time.perf_counter()
    return page, {"articles": n_articles, "nodes": len(vm.nodes), "edges": len(vm.edges),
                  "rdf_s": t1 - t0, "render_s": t2 - t1, "mb": len(page.encode("utf-8")) / 1e6,
                  "large": payload["meta"]["large"]}


def wait_until(page, expression: str, seconds: float) -> None:
    """Poll with page.evaluate (wait_for_function uses eval, which the page's CSP refuses)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(f"not true after {seconds} s: {expression}")
        page.wait_for_timeout(20)


def measure(browser, path: Path, stats: dict) -> dict:
    context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri(), timeout=600_000)
    wait_until(page, "window.kgExplorer && kgExplorer.timing.settled !== null", 600)
    timing = page.evaluate("kgExplorer.timing")
    search_ms = page.evaluate("""() => { const t = performance.now();
        kgExplorer.search(kgExplorer.data.nodes.find((n) => n.k === 0).l); return performance.now() - t; }""")
    filter_ms = page.evaluate("""() => { const t = performance.now();
        document.getElementById('class-article').click(); return performance.now() - t; }""")
    context.close()
    return {**stats, "first_draw_ms": timing["firstDraw"], "settled_ms": timing["settled"],
            "search_ms": search_ms, "filter_ms": filter_ms, "errors": len(errors)}


def screenshot(browser, out: Path) -> None:
    """docs/explorer.png: the sample corpus (data/articles) built, Nguyễn Thị Nghĩa found."""
    from kg.build import build

    with tempfile.TemporaryDirectory() as tmp:
        result = build([ROOT / "data" / "articles"], Path(tmp) / "out")
        print(f"built data/articles: {result.counts}", file=sys.stderr)
        context = browser.new_context(offline=True, viewport={"width": 1500, "height": 900})
        page = context.new_page()
        page.goto((Path(tmp) / "out" / "explorer.html").as_uri())
        wait_until(page, "window.kgExplorer && kgExplorer.timing.settled !== null", 60)
        page.fill("#search", "nguyen thi nghia")
        page.press("#search", "Enter")
        page.evaluate("network.fit({animation: false})")
        page.wait_for_timeout(300)
        page.screenshot(path=str(out))
        context.close()
    print(f"wrote {out}", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,30000", help="node counts, comma-separated")
    ap.add_argument("--screenshot", action="store_true", help="only write docs/explorer.png")
    ap.add_argument("--physics-1k", action="store_true",
                    help="also time a ~1k-node page with physics (layout in the browser)")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        if args.screenshot:
            screenshot(browser, ROOT / "docs" / "explorer.png")
            return
        runs = [(int(s), LARGE_THRESHOLD) for s in args.sizes.split(",")]
        if args.physics_1k:
            runs.insert(1, (1000, 10**9))
        rows = []
        with tempfile.TemporaryDirectory() as tmp:
            for size, threshold in runs:
                html, stats = synthetic_page(size, threshold)
                path = Path(tmp) / f"explorer_{size}_{threshold}.html"
                path.write_text(html, encoding="utf-8")
                rows.append(measure(browser, path, stats))
                print(f"measured {size} ({'positions from Python' if stats['large'] else 'physics'})",
                      file=sys.stderr)
        browser.close()
    print("| nodes | edges | articles | mode | RDF build s | page render s | page MB "
          "| first draw ms | settled ms | search ms | filter ms | console errors |")
    print("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        mode = "Python layout, physics off" if r["large"] else "physics, settles then stops"
        print(f"| {r['nodes']:,} | {r['edges']:,} | {r['articles']:,} | {mode} | {r['rdf_s']:.1f} "
              f"| {r['render_s']:.1f} | {r['mb']:.1f} | {r['first_draw_ms']:.0f} | {r['settled_ms']:.0f} "
              f"| {r['search_ms']:.0f} | {r['filter_ms']:.0f} | {r['errors']} |")


if __name__ == "__main__":
    main()
