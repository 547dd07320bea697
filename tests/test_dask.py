"""The Dask engine on a local cluster (separate worker processes) writes the local engine's quads."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.engine import run_dask
from kg.synth import synth
from test_parallel import quads

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=40) as c:
        yield c.scheduler_address


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("dask")
    synth(30, d, seed=8)
    (d / "articles" / "m_empty.txt").write_bytes(b"  \n")
    (d / "articles" / "n_big.txt").write_bytes(b"x" * 5000)
    return d / "articles"


def test_dask_output_equals_local(cluster, corpus, tmp_path):
    assert cluster.startswith("tcp://")
    local = build([corpus], tmp_path / "local", jobs=1, cache=False, max_bytes=4096)
    remote = build([corpus], tmp_path / "dask", engine="dask", scheduler=cluster, cache=False,
                   max_bytes=4096)
    assert local.exit_status == remote.exit_status == 2
    assert [(r.file, r.status, r.reason) for r in local.files] == \
        [(r.file, r.status, r.reason) for r in remote.files]
    q = quads(tmp_path / "local")
    assert len(q) > 300 and q == quads(tmp_path / "dask")


def test_small_batches_keep_input_order(cluster, corpus):
    paths = sorted(corpus.iterdir())
    reports = [rep for _, rep in run_dask(paths, cluster, max_bytes=4096, batch_size=3, in_flight=2)]
    assert [r.file for r in reports] == [str(p) for p in paths]
    big = next(r for r in reports if r.file.endswith("n_big.txt"))
    assert big.status == "skipped" and "too large" in big.reason


def test_cli_dask_engine(cluster, corpus, tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, ["build", str(corpus), "--out", str(tmp_path / "o"), "-q",
                                      "--engine", "dask", "--scheduler", cluster])
    assert result.exit_code == 2, result.output  # the empty file is skipped
    assert (tmp_path / "o" / "graph.trig").is_file()
    bad = CliRunner().invoke(cli, ["build", str(corpus), "--out", str(tmp_path / "p"), "-q",
                                   "--engine", "dask"])
    assert bad.exit_code == 1 and "--scheduler" in bad.output
