"""`kg load` against a real Graph Store server: `oxigraph serve` (PyPI) started by the tests."""
from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from helpers_kg import bench_store_module
from kg.build import FileReport, write_outputs
from kg.cli import cli
from kg.errors import KGError
from kg.load import load_dir, load_store
from kg.serve import free_port, oxigraph_binary
from kg.store import materialize_union, named_quads, open_read_only


ROOT = Path(__file__).resolve().parent.parent
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _bench():
    return bench_store_module()


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    exs = _bench().synthetic_extractions(8, seed=5)
    out = tmp_path_factory.mktemp("load")
    write_outputs(out, exs, [FileReport(e.article.name, "ok") for e in exs], 0.0)
    return out


@pytest.fixture()
def oxigraph(tmp_path):
    """A read-write Oxigraph server on a free port, stopped with SIGTERM to its group."""
    port = free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(tmp_path / "db"),
                             "--bind", f"127.0.0.1:{port}"], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(url + "/query", params={"query": "ASK {}"}, timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        assert time.monotonic() < deadline and proc.poll() is None, "oxigraph did not start"
        time.sleep(0.1)
    yield url
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(15)


def _quads(url: str) -> set[str]:
    r = httpx.get(url + "/store", headers={"accept": "application/n-quads"}, timeout=30)
    assert r.status_code == 200
    return {str(q) for q in ox.parse(r.content, format=ox.RdfFormat.N_QUADS)}


def _count(url: str) -> int:
    r = httpx.get(url + "/query", params={"query": COUNT},
                  headers={"accept": "application/sparql-results+json"})
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_load_twice_gives_the_build_quads_once(build, oxigraph):
    ours = {str(q) for q in named_quads(open_read_only(build / "store"))}
    assert len(ours) > 1000
    first = load_dir(build, oxigraph + "/store", batch_size=100)
    assert first.graphs == 8 and first.triples == len(ours)
    assert first.requests > first.graphs  # batches: a PUT then POSTs per graph
    assert _count(oxigraph) == len(ours)
    load_dir(build, oxigraph + "/store", batch_size=100)
    assert _count(oxigraph) == len(ours)
    assert _quads(oxigraph) == ours


def test_load_replaces_a_changed_graph(build, oxigraph):
    load_dir(build, oxigraph + "/store")
    store = ox.Store()
    store.bulk_load(path=str(build / "graph.trig"), format=ox.RdfFormat.TRIG)
    materialize_union(store)  # as kg's stores have it; the loader must not send it
    graph = sorted(store.named_graphs(), key=lambda g: g.value)[0]
    # The article now says less: drop half of its graph, load again.
    quads = list(store.quads_for_pattern(None, None, None, graph))
    for q in quads[: len(quads) // 2]:
        store.remove(q)
    stats = load_store(store, oxigraph + "/store", batch_size=7)
    assert stats.triples == len(list(named_quads(store)))
    assert _quads(oxigraph) == {str(q) for q in named_quads(store)}


def test_cli_load(build, oxigraph):
    result = CliRunner().invoke(cli, ["load", str(build), "--endpoint", oxigraph + "/store"])
    assert result.exit_code == 0, result.output
    assert "loaded 8 graph(s)" in result.output
    assert _count(oxigraph) == len(list(named_quads(open_read_only(build / "store"))))


def test_unreachable_endpoint_is_one_clear_error(build):
    port = free_port()  # nothing listens there
    with pytest.raises(KGError, match=f"127.0.0.1:{port}"):
        load_dir(build, f"http://127.0.0.1:{port}/store")
    result = CliRunner().invoke(cli, ["load", str(build), "--endpoint",
                                      f"http://127.0.0.1:{port}/store"])
    assert result.exit_code == 1 and result.output.count("\n") == 1


def test_refusing_endpoint_is_reported(build, oxigraph):
    # Oxigraph's SPARQL query endpoint is no Graph Store: PUT there is refused.
    with pytest.raises(KGError, match="HTTP 4"):
        load_dir(build, oxigraph + "/query")
    with pytest.raises(KGError, match="http"):
        load_dir(build, "ftp://example.invalid/store")
