"""Parallel extraction: -j 2 gives the same graph as -j 1; results stream in input order."""
from __future__ import annotations

import types
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.engine import make_runner, run_local
from kg.errors import BuildError
from kg.synth import synth


def quads(out: Path) -> set[str]:
    """The quads of a build's graph.trig, as N-Quads strings (the graphs have no blank nodes)."""
    return {str(q) for q in ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("par")
    synth(24, d, seed=21)
    (d / "articles" / "zz_empty.txt").write_bytes(b"")  # one file that is skipped
    return d / "articles"


def test_two_processes_write_the_same_quads_as_one(corpus, tmp_path):
    one = build([corpus], tmp_path / "j1", jobs=1, cache=False)
    two = build([corpus], tmp_path / "j2", jobs=2, cache=False)
    assert one.exit_status == two.exit_status == 2  # the empty file is skipped
    q1 = quads(tmp_path / "j1")
    assert len(q1) > 24 * 10 and q1 == quads(tmp_path / "j2")
    assert [(r.file, r.status, r.reason) for r in one.files] == \
        [(r.file, r.status, r.reason) for r in two.files]


def test_results_stream_lazily_in_input_order(corpus):
    paths = sorted(corpus.iterdir())
    it = run_local(paths, jobs=2)
    assert isinstance(it, types.GeneratorType)  # nothing is extracted before it is consumed
    reports = [rep for _, rep in it]
    assert [r.file for r in reports] == [str(p) for p in paths]
    assert [r.reason for r in reports].count("empty file") == 1
    assert reports[-1].status == "skipped" and reports[-1].reason == "empty file"


def test_unknown_engine_and_dask_without_scheduler_are_clear_errors():
    with pytest.raises(BuildError, match="unknown engine"):
        make_runner("spark")
    with pytest.raises(BuildError, match="--scheduler"):
        make_runner("dask")
