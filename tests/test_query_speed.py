"""The competency queries in their hash-join form, and bench_store.py on an existing build.

The six competency queries are written as sub-SELECTs joined on ?g (Oxigraph then
hash-joins them instead of looking up every row); they must return exactly the rows,
in the same order, of the plain one-block form they replaced, kept here.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers_kg import bench_store_module
from kg.build import FileReport, write_outputs
from kg.query import QUERY_DIR, open_store, run_query_on

PREFIXES = """PREFIX schema: <http://schema.org/>
PREFIX kg: <https://w3id.org/vnfriendship/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
"""
ONE_BLOCK = {
    "persons": """SELECT DISTINCT ?article ?name WHERE { GRAPH ?g {
        ?g kg:sourceFile ?article . ?person a schema:Person ; schema:name ?name . } }
        ORDER BY ?article ?name""",
    "organisations": """SELECT DISTINCT ?article ?name WHERE { GRAPH ?g {
        ?g kg:sourceFile ?article . ?o a schema:Organization ; schema:name ?name . } }
        ORDER BY ?article ?name""",
    "countries": """SELECT DISTINCT ?article ?country WHERE { GRAPH ?g {
        ?g kg:sourceFile ?article ; kg:partnerNation ?c . ?c kg:isoCode ?country . } }
        ORDER BY ?article ?country""",
    "documents": """SELECT DISTINCT ?article ?code WHERE { GRAPH ?g {
        ?g kg:sourceFile ?article ; kg:cites ?doc . ?doc kg:documentCode ?code . } }
        ORDER BY ?article ?code""",
    "events": """SELECT DISTINCT ?article ?organiser ?date ?location ?chair WHERE {
        GRAPH ?g {
          ?g kg:sourceFile ?article .
          ?e a schema:Event .
          OPTIONAL { ?e schema:organizer ?o . ?o schema:name ?organiser }
          OPTIONAL { ?e schema:startDate ?d }
          OPTIONAL { ?e schema:location ?location }
          OPTIONAL { ?e kg:chair ?c . ?c schema:name ?chair }
        }
        BIND(STR(?d) AS ?date)
      } ORDER BY ?article ?date ?organiser ?location ?chair""",
    "positions": """SELECT DISTINCT ?article ?person ?title ?organisation WHERE {
        GRAPH ?g {
          ?g kg:sourceFile ?article .
          ?post a kg:Post ; org:member ?p ; kg:title ?title .
          ?p schema:name ?person .
          OPTIONAL { ?post org:organization ?o . ?o schema:name ?org }
        }
        BIND(COALESCE(?org, "") AS ?organisation)
      } ORDER BY ?article ?person ?title ?organisation""",
}


@pytest.fixture(scope="module")
def bench():
    return bench_store_module()


@pytest.fixture(scope="module")
def built(tmp_path_factory, bench) -> Path:
    """A build folder (graph.trig, graph.ttl, store) of 40 synthetic articles."""
    exs = bench.synthetic_extractions(40, seed=11)
    out = tmp_path_factory.mktemp("build")
    write_outputs(out, exs, [FileReport(e.article.name, "ok") for e in exs], 0.0)
    return out


def _key(variables):
    return lambda r: tuple(r[v] for v in variables)


@pytest.mark.parametrize("name", sorted(ONE_BLOCK))
def test_competency_query_returns_the_one_block_forms_rows(built: Path, name: str):
    store = open_store(built)
    variables, rows = run_query_on(store, (QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8"))
    plain_vars, plain_rows = run_query_on(store, PREFIXES + ONE_BLOCK[name])
    assert rows, name
    assert variables == plain_vars
    assert sorted(rows, key=_key(variables)) == sorted(plain_rows, key=_key(variables))


@pytest.mark.parametrize("name", sorted(ONE_BLOCK))
def test_competency_queries_leave_sorting_to_kg_query(built: Path, name: str):
    """No ORDER BY for the engine (its sort on disk is most of the time); kg query prints the
    rows sorted by their columns, the same order on every engine and run."""
    from kg.query import has_order_by

    text = (QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8")
    assert not has_order_by(text)
    variables, rows = run_query_on(open_store(built), text)
    assert len(rows) > 1 and rows == sorted(rows, key=_key(variables))


def test_a_query_with_order_by_keeps_the_engines_order(built: Path):
    q = PREFIXES + """SELECT ?article WHERE { GRAPH ?g { ?g kg:sourceFile ?article } }
                      ORDER BY DESC(?article)"""
    _, rows = run_query_on(open_store(built), q)
    names = [r["article"] for r in rows]
    assert len(names) == 40 and names == sorted(names, reverse=True)


def test_bench_measures_an_existing_build_on_disk_and_in_memory(built: Path, bench, capsys):
    rows = bench.main(["--from-build", str(built), "--runs", "1", "--memory"])
    names = {r["query"] for r in rows}
    assert {"persons", "organisations", "positions", "events", "countries",
            "documents"} <= names
    assert any(n.startswith("examples/") for n in names)
    by_name = {r["query"]: r for r in rows}
    assert by_name["persons"]["rows"] == 120  # 3 officials in each of 40 articles
    for r in rows:
        assert r["store_ms"] >= 0 and r["memory_ms"] >= 0 and "rdflib_ms" not in r
        if not r["query"].startswith("examples/"):
            assert "memory_note" not in r, r  # in-memory and on-disk: the same rows
    out = capsys.readouterr().out
    assert "persons" in out and "memory" in out


def test_memory_store_holds_the_trig_and_its_union(built: Path, bench):
    import pyoxigraph as ox

    memory = bench.memory_store(built / "graph.trig", built / "graph.ttl")
    on_disk = open_store(built)
    assert len(memory) == len(on_disk)
    assert set(memory.named_graphs()) == set(on_disk.named_graphs())
    assert len(list(memory.quads_for_pattern(None, None, None, ox.DefaultGraph()))) > 0


def test_order_by_is_found_outside_comments_strings_and_iris():
    from kg.query import has_order_by

    assert has_order_by("SELECT * WHERE { ?s ?p ?o } order\n  by ?s")
    assert not has_order_by("# ORDER BY ?s\nSELECT * WHERE { ?s <http://x/a#ORDER BY> 'order by' }")
    assert not has_order_by('SELECT * WHERE { ?s ?p "ORDER BY \\" x" }')
