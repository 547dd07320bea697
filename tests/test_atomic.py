"""A build killed at any moment leaves the previous outputs whole, readable and unchanged.

A real `kg build` process over a larger corpus (copies of the sample articles
under varied names) is killed with SIGKILL at several moments: while it starts,
as soon as it begins writing, half-way through writing the staging folder, at
the end of it, and at the commit point. Before the commit point the previous
outputs must be byte-for-byte the previous build's; after it, the next build
(or ``recover_outputs``) completes the new set, never a mix.
"""
from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from kg.build import COMMIT_DIRNAME, OUTPUT_FILES, STAGING_PREFIX, build, recover_outputs
from kg.query import run_query

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "data" / "articles").glob("*.txt"))
COPIES = 4  # 20 articles: the kills wait for states of the output folder, not for times


def _snapshot(out: Path) -> dict[str, bytes]:
    return {n: (out / n).read_bytes() for n in OUTPUT_FILES}


def _staging(out: Path) -> Path | None:
    found = [p for p in out.glob(STAGING_PREFIX + "*")]
    return found[0] if found else None


def _start(corpus: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out),
                             "-q", "-j", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def _kill_when(proc: subprocess.Popen, ready, timeout: float = 240) -> bool:
    """SIGKILL the build's process group as soon as ``ready()``; False if it ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ready():
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.002)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    pytest.fail("the build neither reached the moment nor ended")


def _consistent(out: Path) -> bool:
    """report.json's sha256 of every other output matches the files beside it."""
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return all(hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
               for name, digest in report["outputs"].items())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("big")
    for i in range(COPIES):
        for path in ARTICLES:
            (folder / f"{i:03d}-{path.stem[:12]}-copy.txt").write_bytes(path.read_bytes())
    return folder


def test_killed_builds_leave_the_previous_outputs_intact(corpus, tmp_path):
    out = tmp_path / "out"
    assert build(ARTICLES, out).exit_status == 0
    before = _snapshot(out)
    graph_before = Graph().parse(out / "graph.ttl", format="turtle")
    persons_before = run_query(out, "persons")
    trig_before = Dataset()
    trig_before.parse(out / "graph.trig", format="trig")
    quads_before = set(trig_before.quads())
    assert len(graph_before) > 100 and persons_before[1]

    def has(name: str):
        return lambda: (s := _staging(out)) is not None and any(
            p.name.startswith(name) for p in s.iterdir())

    moments = {
        "starting": lambda: time.sleep(0.5) or True,
        "began writing": lambda: _staging(out) is not None,
        "wrote explorer.html": has("explorer.html"),
        "writing the store": has(".store.new-"),
    }
    for moment, ready in moments.items():
        proc = _start(corpus, out)
        assert _kill_when(proc, ready), f"build ended before '{moment}'"
        assert _snapshot(out) == before, moment
        assert Graph().parse(out / "graph.ttl", format="turtle").isomorphic(graph_before), moment
        trig = Dataset()
        trig.parse(out / "graph.trig", format="trig")
        assert set(trig.quads()) == quads_before, moment
        assert run_query(out, "persons") == persons_before, moment  # the store too
        assert _consistent(out), moment

    # at the commit point the new set is complete: it is moved in whole, never mixed with the old
    proc = _start(corpus, out)
    _kill_when(proc, lambda: (out / COMMIT_DIRNAME).exists())
    recover_outputs(out)  # what the next build does first
    assert _consistent(out)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["counts"]["articles"] == len(ARTICLES) * COPIES
    assert not _staging(out) and not (out / COMMIT_DIRNAME).exists()
    assert len(Graph().parse(out / "graph.ttl", format="turtle")) > len(graph_before)


def test_recover_outputs_finishes_an_interrupted_commit(tmp_path):
    out = tmp_path / "out"
    assert build(ARTICLES[:1], out).exit_status == 0
    first = _snapshot(out)
    # the state a build killed inside the final renames leaves: .commit holds the rest of the set
    assert build(ARTICLES[:2], tmp_path / "new").exit_status == 0
    commit = out / COMMIT_DIRNAME
    commit.mkdir()
    names = ["store", "graph.trig", "graph.ttl", "graph.jsonld", "explorer.html", "merges.json",
             "report.json"]
    for name in names:
        os.replace(tmp_path / "new" / name, commit / name)
    (commit / "MANIFEST.json").write_text(json.dumps(names), encoding="utf-8")
    os.replace(commit / "store", out / "store.tmp")  # "store" and graph.trig had moved already
    os.replace(out / "store", commit / ".old-store")
    os.replace(out / "store.tmp", out / "store")
    os.replace(commit / "graph.trig", out / "graph.trig")
    assert not _consistent(out)  # a mix: what a reader would see before recovery
    assert recover_outputs(out) is True
    assert _consistent(out) and _snapshot(out) != first
    assert not commit.exists()
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["counts"]["articles"] == 2
    assert recover_outputs(out) is False


def test_replaced_outputs_are_kept_aside_and_deleted_by_the_next_build(tmp_path, monkeypatch):
    """The commit hard-links each large output it replaces into .superseded (so the rename
    frees nothing); the next build deletes them, and every build's outputs are its own."""
    from kg import build as build_mod

    monkeypatch.setattr(build_mod, "_ASIDE_MIN_BYTES", 0)
    out = tmp_path / "out"
    build(ARTICLES[:3], out)
    first = _snapshot(out)
    aside = out / build_mod.SUPERSEDED_DIRNAME
    assert not aside.exists()
    build(ARTICLES, out)
    kept = {p.name.split("-", 1)[1]: p.read_bytes() for p in aside.iterdir()}
    assert set(kept) == set(OUTPUT_FILES) and kept == first  # the first build's, whole
    second = _snapshot(out)
    assert second != first
    build(ARTICLES, out)
    assert {p.name.split("-", 1)[1] for p in aside.iterdir()} == set(OUTPUT_FILES)
    assert {p.name.split("-", 1)[1]: p.read_bytes() for p in aside.iterdir()} == second
    monkeypatch.setattr(build_mod, "_ASIDE_MIN_BYTES", 1 << 40)
    build(ARTICLES, out)  # nothing kept aside this time, and the last ones are gone
    assert not aside.exists()
    last = _snapshot(out)
    assert all(last[n] == second[n] for n in OUTPUT_FILES if n != "report.json")  # timings
