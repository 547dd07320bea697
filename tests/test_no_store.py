"""`kg build --no-store`: the same files without the SPARQL store, a stale store removed,
queries answered from graph.trig, and incremental builds still copying unchanged chunks."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import cli as main
from kg.store import has_store
from kg.synth import synth

OUTPUTS = ("graph.trig", "graph.ttl", "graph.jsonld", "explorer.html", "merges.json")


@pytest.fixture()
def corpus(tmp_path) -> Path:
    synth(16, tmp_path / "syn", seed=7)
    return tmp_path / "syn" / "articles"


def _report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("layout", ["small", "large"])
def test_without_the_store_every_file_is_the_same_and_there_is_no_store(
        corpus, tmp_path, monkeypatch, layout):
    """Small: graph.ttl pretty-printed from a scratch store of the union (the build's store
    dumps it otherwise); large: the chunks' Turtle and JSON-LD, as with the store."""
    from kg import write
    if layout == "large":
        monkeypatch.setattr(write, "PRETTY_TURTLE_MAX_QUADS", 0)
        monkeypatch.setattr(write, "COMPACT_JSONLD_MAX_QUADS", 0)
        monkeypatch.setattr(write, "EXPLORER_FULL_MAX_ARTICLES", 0)
    for jobs in (1, 2):
        with_store, without = tmp_path / f"with{jobs}", tmp_path / f"without{jobs}"
        build([corpus], with_store, jobs=jobs, cache=False)
        build([corpus], without, jobs=jobs, cache=False, store=False)
        assert has_store(with_store) and not (without / "store").exists()
        assert not [p.name for p in without.iterdir() if p.name.startswith(".union")]
        for name in OUTPUTS:
            assert (with_store / name).read_bytes() == (without / name).read_bytes(), name
        assert _report(without)["store"] == {"mode": "none"}
        assert _report(with_store)["store"] == {"mode": "loaded"}
        assert _report(without)["outputs"] == _report(with_store)["outputs"]


def test_no_store_removes_the_previous_store_and_queries_read_the_trig(corpus, tmp_path):
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(corpus), "--out", str(out), "-q"]).exit_code == 0
    assert has_store(out)
    query = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <http://schema.org/Person> }"
    fmt = ["--format", "csv"]
    stored = runner.invoke(main, ["query", str(out), query, *fmt])
    assert stored.exit_code == 0, stored.output
    assert int(stored.output.split()[-1]) > 10
    # a stale store would answer for files it no longer matches: it goes with --no-store
    (corpus / sorted(p.name for p in corpus.iterdir())[0]).unlink()
    result = runner.invoke(main, ["build", str(corpus), "--out", str(out), "-q", "--no-store"])
    assert result.exit_code == 0, result.output
    assert not (out / "store").exists() and _report(out)["store"] == {"mode": "none"}
    fresh = tmp_path / "fresh"
    build([corpus], fresh, cache=False)
    assert runner.invoke(main, ["query", str(out), query, *fmt]).output == \
        runner.invoke(main, ["query", str(fresh), query, *fmt]).output
    # and the next build with the store loads it in full (no store to update)
    build([corpus], out)
    assert has_store(out) and _report(out)["store"] == {"mode": "loaded"}


def test_a_query_of_a_large_build_without_a_store_says_how_to_make_it_fast(
        corpus, tmp_path, monkeypatch):
    import kg.cli
    monkeypatch.setattr(kg.cli, "HINT_TRIG_BYTES", 0)  # the corpus stands for a large one
    out = tmp_path / "out"
    build([corpus], out, store=False)
    query = ["query", str(out), "countries", "--format", "csv"]
    result = CliRunner().invoke(main, query)
    assert result.exit_code == 0
    assert f"`kg store {out}`" in result.stderr and "has no store" in result.stderr
    assert result.stdout.startswith("article,country\n")  # the answer itself is untouched
    assert CliRunner().invoke(main, ["store", str(out)]).exit_code == 0
    again = CliRunner().invoke(main, query)
    assert again.stderr == "" and again.stdout == result.stdout


def test_an_incremental_build_without_the_store_copies_the_unchanged_chunks(
        corpus, tmp_path, monkeypatch):
    from kg import workers, write
    monkeypatch.setattr(write, "PRETTY_TURTLE_MAX_QUADS", 0)
    monkeypatch.setattr(write, "COMPACT_JSONLD_MAX_QUADS", 0)
    monkeypatch.setattr(write, "EXPLORER_FULL_MAX_ARTICLES", 0)
    made = []
    real, chunks = workers._serialise_chunk, workers.content_chunks
    monkeypatch.setattr(workers, "_serialise_chunk", lambda task: made.append(task) or real(task))
    monkeypatch.setattr(workers, "content_chunks", lambda names: chunks(names, average=4))
    out = tmp_path / "out"
    build([corpus], out, store=False)
    n_chunks = len(made)
    files = sorted(corpus.iterdir())
    text = files[3].read_text(encoding="utf-8")
    files[3].write_text(text + "\nLiên hiệp đã tiếp đoàn bạn Lào.\n", encoding="utf-8")
    made.clear()
    build([corpus], out, store=False)
    assert n_chunks > 1 and len(made) == 1  # only the changed article's chunk was mapped
    full = tmp_path / "full"
    build([corpus], full, cache=False, store=False)
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (full / name).read_bytes(), name
    assert not (out / "store").exists()


def test_kg_store_adds_the_store_a_build_would_have_written_and_builds_update_it(
        corpus, tmp_path):
    from kg.store import open_read_only

    def quads(out: Path) -> set[str]:
        return {str(q) for q in open_read_only(out / "store")}

    out, full = tmp_path / "out", tmp_path / "full"
    build([corpus], out, store=False)
    before = _report(out)
    assert before["store"] == {"mode": "none"}
    result = CliRunner().invoke(main, ["store", str(out)])
    assert result.exit_code == 0, result.output
    build([corpus], full, cache=False)
    assert quads(out) == quads(full)
    # report.json now says the store is there; the rest of it is as the build wrote it
    after = _report(out)
    assert after.pop("store") == {"mode": "loaded", "by": "kg store"}
    assert {k: v for k, v in before.items() if k != "store"} == after
    assert f"written: {len(quads(full))} quads" in result.output
    # the next incremental build updates that store graph by graph, as it would its own
    files = sorted(corpus.iterdir())
    text = files[2].read_text(encoding="utf-8")
    files[2].write_text(text + "\nLiên hiệp đã tiếp đoàn bạn Cu-ba.\n", encoding="utf-8")
    build([corpus], out)
    assert _report(out)["store"]["mode"] == "updated"
    build([corpus], full, cache=False)
    assert quads(out) == quads(full)


def test_kg_store_of_a_folder_without_a_build_is_one_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["store", str(tmp_path)])
    assert result.exit_code == 1 and "no graph.trig" in result.output
    assert not (tmp_path / "store").exists()
