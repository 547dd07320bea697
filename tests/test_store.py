"""The persistent Oxigraph store: written by the build, used by `kg query`, same answers as graph.trig."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset

from helpers_kg import bench_store_module
from kg.build import FileReport, write_outputs
from kg.cli import cli
from kg.query import QUERY_DIR, open_store, run_query
from kg.store import count_quads, has_store, named_quads, open_read_only, write_store


ROOT = Path(__file__).resolve().parent.parent
COMPETENCY = sorted(p.stem for p in QUERY_DIR.glob("*.rq"))


def _bench():
    return bench_store_module()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A build folder written by the real write_outputs from 30 synthetic articles."""
    exs = _bench().synthetic_extractions(30, seed=3)
    out = tmp_path_factory.mktemp("build")
    reports = [FileReport(e.article.name, "ok") for e in exs]
    write_outputs(out, exs, reports, 0.0)
    return out


def test_competency_queries_are_six():
    assert set(COMPETENCY) == {"persons", "organisations", "positions", "events", "countries",
                               "documents"}


def test_build_writes_a_store_holding_exactly_graph_trig(built: Path):
    assert has_store(built)
    store = open_read_only(built / "store")
    ds = Dataset()
    ds.parse(built / "graph.trig", format="trig")
    trig_quads = {(s.n3(), p.n3(), o.n3(), g.n3()) for s, p, o, g in
                  ds.quads((None, None, None, None))}
    named = list(named_quads(store))
    assert len(named) == len(trig_quads) > 1000
    # One named graph per article; the default graph is their union, each triple once.
    assert len(list(store.named_graphs())) == 30
    default = [q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())]
    assert len(default) == len({str(t) for t in default})
    assert {str(t) for t in default} == {str(q.triple) for q in named}
    assert count_quads(store) == len(named) + len(default)
    assert not [p for p in built.iterdir() if p.name.startswith(".store")]


@pytest.mark.parametrize("name", COMPETENCY)
def test_query_answers_same_with_store_and_with_trig(built: Path, tmp_path: Path, name: str):
    trig_only = tmp_path / "trig_only"
    trig_only.mkdir()
    shutil.copy(built / "graph.trig", trig_only / "graph.trig")
    with_store = run_query(built, name)
    without = run_query(trig_only, name)
    assert with_store == without
    assert len(with_store[1]) > 0


def test_query_uses_the_store_when_present(built: Path, tmp_path: Path):
    # With graph.trig gone, only the store can answer.
    only_store = tmp_path / "only_store"
    shutil.copytree(built / "store", only_store / "store")
    assert run_query(only_store, "persons") == run_query(built, "persons")
    result = CliRunner().invoke(cli, ["query", str(only_store), "persons", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "article,name"
    assert len(result.output.splitlines()) == len(run_query(built, "persons")[1]) + 1


def test_open_store_falls_back_to_trig(tmp_path: Path):
    (tmp_path / "graph.trig").write_text(
        "<http://g> { <http://a> <http://schema.org/name> 'x' . }", encoding="utf-8")
    assert count_quads(open_store(tmp_path)) == 2  # the named graph and the default union


def test_write_store_replaces_old_store_whole(tmp_path: Path):
    target = tmp_path / "store"
    write_store(target, data=b"<http://g1> { <http://a> <http://b> <http://c> . }")
    n = write_store(target, data=b"<http://g2> { <http://x> <http://y> <http://z> , <http://w> . }")
    assert n == 4
    store = open_read_only(target)
    assert {g.value for g in store.named_graphs()} == {"http://g2"}
    assert count_quads(store) == 4
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_write_store_failure_keeps_old_store(tmp_path: Path):
    target = tmp_path / "store"
    write_store(target, data=b"<http://g1> { <http://a> <http://b> <http://c> . }")
    with pytest.raises(SyntaxError):
        write_store(target, data=b"<http://a> <http://b> this is not trig")
    assert count_quads(open_read_only(target)) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]
