"""The example queries (ontology/queries/examples/) against answers computed independently.

A seeded synthetic corpus (records -> the real resolve and RDF mapping) is
queried with pyoxigraph; each expected answer is computed here by walking the
rdflib Dataset in Python, so a wrong join, filter or grouping in a query
fails. The order of rows is checked against each query's ORDER BY.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, Dataset, Literal, URIRef

from helpers_kg import bench_store_module
from kg.export import serialize
from kg.namespace import KG, ORG, PROV, SCHEMA
from kg.query import QUERY_DIR, run_query_on
from kg.store import materialize_union


ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = QUERY_DIR / "examples"


def _bench():
    return bench_store_module()


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return _bench().synthetic_dataset(40, seed=21)


@pytest.fixture(scope="module")
def store(ds) -> ox.Store:
    s = ox.Store()
    s.bulk_load(serialize(ds, "trig").encode("utf-8"), format=ox.RdfFormat.TRIG)
    materialize_union(s)  # as in the stores kg writes
    return s


def run(store, name: str) -> list[tuple[str, ...]]:
    variables, rows = run_query_on(store, (EXAMPLES / f"{name}.rq").read_text(encoding="utf-8"))
    return [tuple(r[v] for v in variables) for r in rows]


class G:
    """Small helpers over the union of the article graphs."""

    def __init__(self, ds: Dataset):
        self.ds = ds
        self.u = Dataset(default_union=True)
        for q in ds.quads((None, None, None, None)):
            self.u.add(q[:3])

    def name(self, node) -> str:
        return str(self.u.value(node, SCHEMA.name))

    def of_type(self, cls) -> list[URIRef]:
        return sorted(set(self.u.subjects(RDF.type, cls)))

    def one(self, node, pred) -> str:
        v = self.u.value(node, pred)
        return "" if v is None else str(v)

    def kg_kind(self, node) -> str:
        kinds = [str(t).split("#")[1] for t in self.u.objects(node, RDF.type)
                 if str(t).startswith(str(KG._NS))]
        return kinds[0] if kinds else "Event"

    def graphs_with(self, triple) -> set:
        return {g for _, _, _, g in self.ds.quads((*triple, None))}


@pytest.fixture(scope="module")
def g(ds) -> G:
    return G(ds)


def test_at_least_ten_documented_examples():
    files = sorted(EXAMPLES.glob("*.rq"))
    assert len(files) >= 10
    for f in files:
        lines = f.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("# ") and len(lines[0]) > 20, f.name
        assert any(ln.startswith("# Columns:") for ln in lines), f.name


def test_posts_in_year(store, g):
    want = set()
    for post in g.of_type(KG.Post):
        d = g.one(post, KG.attestedOn)
        if d[:4] != "2023":
            continue
        org = g.u.value(post, ORG.organization)
        want.add((g.name(g.u.value(post, ORG.member)), g.one(post, KG.title),
                  g.name(org) if org else "", g.one(post, KG.former), d))
    rows = run(store, "posts_in_year")
    assert want and sorted(rows) == sorted(want) and len(rows) == len(want)
    key = [(r[0], r[1], r[2], r[4]) for r in rows]
    assert key == sorted(key)


def test_provinces_with_japan(store, g):
    per: dict[str, set] = defaultdict(set)
    years: dict[str, list] = defaultdict(list)
    for art in g.of_type(SCHEMA.NewsArticle):
        if any(g.one(c, KG.isoCode) == "JP" for c in g.u.objects(art, KG.partnerNation)):
            prov = g.name(g.u.value(art, KG.locality))
            per[prov].add(art)
            years[prov].append(g.one(art, SCHEMA.datePublished)[:4])
    want = [(p, str(len(a)), min(years[p]), max(years[p])) for p, a in per.items()]
    want.sort(key=lambda r: (-int(r[1]), r[0]))
    assert want and run(store, "provinces_with_japan") == want


def test_events_chaired(store, g):
    want = set()
    for e in g.of_type(SCHEMA.Event):
        for chair in g.u.objects(e, KG.chair):
            art = g.u.value(e, PROV.wasDerivedFrom)
            want.add((g.name(chair), g.name(e), g.kg_kind(e), g.one(e, SCHEMA.startDate),
                      g.one(art, KG.sourceFile)))
    rows = run(store, "events_chaired")
    assert want and sorted(rows) == sorted(want) and len(rows) == len(want)
    key = [(r[0], r[3], r[4], r[1]) for r in rows]
    assert key == sorted(key)


def test_partner_nations_by_year(store, g):
    count: dict[tuple, set] = defaultdict(set)
    for art in g.of_type(SCHEMA.NewsArticle):
        prov = g.name(g.u.value(art, KG.locality))
        year = g.one(art, SCHEMA.datePublished)[:4]
        for c in g.u.objects(art, KG.partnerNation):
            en = [str(n) for n in g.u.objects(c, SCHEMA.name) if n.language == "en"]
            count[(prov, year, g.one(c, KG.isoCode), en[0])].add(art)
    want = sorted(((*k, str(len(v))) for k, v in count.items()),
                  key=lambda r: (r[0], r[1], -int(r[4]), r[2]))
    assert want and run(store, "partner_nations_by_year") == want


def test_organisations_most_articles(store, g, ds):
    want = []
    for o in g.of_type(SCHEMA.Organization):
        want.append((g.name(o), len(g.graphs_with((o, RDF.type, SCHEMA.Organization)))))
    want.sort(key=lambda r: (-r[1], r[0]))
    rows = run(store, "organisations_most_articles")
    assert len(rows) == min(20, len(want))
    assert [(n, int(c)) for n, c in rows] == want[:20]
    assert want[0][1] > 1  # the corpus has organisations named by several articles


def test_people_several_organisations(store, g):
    orgs: dict[URIRef, set] = defaultdict(set)
    for post in g.of_type(KG.Post):
        org = g.u.value(post, ORG.organization)
        if org is not None:
            orgs[g.u.value(post, ORG.member)].add(org)
    want = {(g.name(p), str(len(os)), frozenset(g.name(o) for o in os))
            for p, os in orgs.items() if len(os) > 1}
    rows = run(store, "people_several_organisations")
    assert want and {(r[0], r[1], frozenset(r[2].split(" | "))) for r in rows} == want
    assert len(rows) == len(want)
    assert [(-int(r[1]), r[0]) for r in rows] == sorted((-int(r[1]), r[0]) for r in rows)


@pytest.mark.parametrize("day", ["2024-12-31", "2021-06-30"])
def test_post_holder_on_date(store, g, day):
    title = "Chủ tịch"
    attest = defaultdict(list)  # organisation -> [(date, person, former)]
    for post in g.of_type(KG.Post):
        org = g.u.value(post, ORG.organization)
        if org is None or g.one(post, KG.title) != title:
            continue
        d = g.one(post, KG.attestedOn)
        if d and d <= day:
            attest[org].append((d, g.u.value(post, ORG.member), g.one(post, KG.former)))
    want = set()
    for org, items in attest.items():
        latest = max(d for d, _, _ in items)
        for d, person, former in items:
            if d == latest and former == "false":
                want.add((g.name(org), g.name(person), d))
    text = (EXAMPLES / "post_holder_on_date.rq").read_text(encoding="utf-8")
    assert '"2024-12-31"' in text
    variables, rows = run_query_on(store, text.replace('"2024-12-31"', f'"{day}"'))
    rows = [tuple(r[v] for v in variables) for r in rows]
    assert want and sorted(rows) == sorted(want) and len(rows) == len(want)


def test_events_by_year(store, g):
    count: dict[tuple, int] = defaultdict(int)
    for e in g.of_type(SCHEMA.Event):
        count[(g.one(e, SCHEMA.startDate)[:4], g.kg_kind(e))] += 1
    want = sorted((y, k, str(n)) for (y, k), n in count.items())
    assert want and run(store, "events_by_year") == want


def test_documents_cited_most(store, g):
    arts: dict[tuple, set] = defaultdict(set)
    for art, doc in g.u.subject_objects(KG.cites):
        arts[(g.one(doc, KG.documentCode), g.one(doc, KG.documentKind))].add(art)
    want = sorted(((c, k, str(len(a))) for (c, k), a in arts.items()),
                  key=lambda r: (-int(r[2]), r[0]))
    assert want and run(store, "documents_cited_most") == want


def test_evidence_of_posts(store, g, ds):
    want = set()
    for post in g.of_type(KG.Post):
        ev = g.u.value(post, KG.evidence)
        org = g.u.value(post, ORG.organization)
        art = g.u.value(ev, PROV.wasQuotedFrom)
        want.add((g.name(g.u.value(post, ORG.member)), g.one(post, KG.title),
                  g.name(org) if org else "", g.one(ev, KG.sentence), g.one(ev, KG.charStart),
                  g.one(ev, KG.charEnd), str(float(g.one(ev, KG.confidence))),
                  g.one(art, KG.sourceFile)))
    rows = {(*r[:6], str(float(r[6])), r[7]) for r in run(store, "evidence_of_posts")}
    assert want and rows == want
    # The sentence is the article text at the offsets.
    for r in run(store, "evidence_of_posts"):
        art = next(a for a in g.of_type(SCHEMA.NewsArticle) if g.one(a, KG.sourceFile) == r[7])
        assert g.one(art, SCHEMA.text)[int(r[4]):int(r[5])] == r[3]


def test_awards_at_events(store, g):
    want = set()
    for e, aw in g.u.subject_objects(KG.award):
        art = g.u.value(e, PROV.wasDerivedFrom)
        want.add((g.one(art, KG.sourceFile), g.name(e), g.one(e, SCHEMA.startDate),
                  g.one(aw, KG.awardKind), g.one(aw, KG.recipients),
                  g.one(aw, KG.collectiveCount), g.one(aw, KG.individualCount)))
    rows = run(store, "awards_at_events")
    assert want and sorted(rows) == sorted(want)


def test_articles_by_province_year(store, g):
    count: dict[tuple, int] = defaultdict(int)
    for art in g.of_type(SCHEMA.NewsArticle):
        count[(g.name(g.u.value(art, KG.locality)), g.one(art, SCHEMA.datePublished)[:4])] += 1
    want = sorted((p, y, str(n)) for (p, y), n in count.items())
    assert want and run(store, "articles_by_province_year") == want


def test_literal_former_is_boolean(g):
    # post_holder_on_date matches `kg:former false`: the graph must type it xsd:boolean.
    formers = {o for o in g.u.objects(None, KG.former)}
    assert formers and all(isinstance(o, Literal) and o.datatype is not None
                           and o.datatype.endswith("boolean") for o in formers)


def test_sample_corpus_answers(tmp_path_factory):
    """Pinned answers on data/articles (read from the articles; shown in docs/query-and-serve.md)."""
    from kg.build import build
    from kg.query import run_query

    out = tmp_path_factory.mktemp("sample") / "out"
    assert build([ROOT / "data" / "articles"], out).exit_status == 0

    def rows(name: str) -> list[tuple[str, ...]]:
        variables, result = run_query(out, str(EXAMPLES / f"{name}.rq"))
        return [tuple(r[v] for v in variables) for r in result]

    assert rows("documents_cited_most") == [("04-CT/TW", "Chỉ thị", "2"),
                                            ("28-CT/TW", "Chỉ thị", "1"),
                                            ("38-CT/TW", "Chỉ thị", "1")]
    assert [r[:2] for r in rows("provinces_with_japan")] == [("Hải Phòng", "2")]
    assert [(r[0], r[3], r[4]) for r in rows("events_chaired")] == [
        ("Nguyễn Thị Nghĩa", "2019-07", "000_2359d3971b14e0d4.txt"),
        ("Nguyễn Thị Nghĩa", "2020-01-08", "002_5af93f45c10cf640.txt"),
        ("Vũ Thị Bích Việt", "2016-06-07", "003_dd7d2bb47f871958.txt")]
