"""Incremental builds: only changed files are re-extracted, and the output equals a full rebuild."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import kg.cache as cache_mod
import kg.extract
from kg.build import build
from kg.cache import CACHE_DIRNAME, ExtractionCache, file_key
from kg.engine import ExtractStats, extract, make_runner
from kg.synth import synth
from test_parallel import quads


class Counting:
    """A local runner that records which files it was asked to extract."""

    def __init__(self):
        self.seen: list[str] = []
        self.inner = make_runner("local")

    def __call__(self, paths):
        self.seen += [Path(p).name for p in paths]
        return self.inner(paths)


@pytest.fixture()
def corpus(tmp_path) -> Path:
    synth(20, tmp_path / "syn", seed=4)
    return tmp_path / "syn" / "articles"


def test_changed_added_and_deleted_files_rebuild_to_the_full_build(corpus, tmp_path):
    out = tmp_path / "out"
    first = build([corpus], out)
    assert first.exit_status != 1
    files = sorted(corpus.iterdir())
    changed = files[:2]
    for f in changed:  # a new sentence naming another partner nation
        f.write_text(f.read_text(encoding="utf-8").replace(
            "\n\n", "\n\nLiên hiệp đã tổ chức giao lưu hữu nghị với nhân dân Mông Cổ.\n\n", 1),
            encoding="utf-8")
    files[5].unlink()
    added = corpus / "zz_added.txt"
    shutil.copy(files[7], added)
    counting = Counting()
    stats = ExtractStats()
    extract(sorted(corpus.iterdir()), out, counting, stats=stats)
    assert sorted(counting.seen) == sorted([f.name for f in changed] + [added.name])
    assert (stats.cached, stats.extracted, stats.removed) == (17, 3, 3)  # 20 files; removed: 2 old + 1 deleted

    incremental = build([corpus], out)
    full = build([corpus], tmp_path / "full", cache=False)
    assert incremental.exit_status == full.exit_status != 1 and not (tmp_path / "full" / CACHE_DIRNAME).exists()
    q = quads(out)
    assert q == quads(tmp_path / "full")
    assert any("zz_added" in s for s in q) and not any(files[5].stem in s for s in q)


def test_unchanged_rebuild_extracts_nothing_and_a_fresh_out_extracts_everything(corpus, tmp_path):
    build([corpus], tmp_path / "a")
    again, fresh = Counting(), Counting()
    paths = sorted(corpus.iterdir())
    extract(paths, tmp_path / "a", again)
    extract(paths, tmp_path / "b", fresh)  # the cache lives in the output folder, never elsewhere
    assert again.seen == [] and len(fresh.seen) == 20


def test_extractor_version_or_lexicon_change_invalidates(corpus, tmp_path, monkeypatch):
    paths = sorted(corpus.iterdir())
    extract(paths, tmp_path / "o", Counting())
    before = cache_mod.fingerprint()
    monkeypatch.setattr(kg.extract, "EXTRACTOR_VERSION", kg.extract.EXTRACTOR_VERSION + "-next")
    cache_mod.fingerprint.cache_clear()
    try:
        assert cache_mod.fingerprint() != before
        counting = Counting()
        extract(paths, tmp_path / "o", counting)
        assert len(counting.seen) == 20
        assert [d.name for d in (tmp_path / "o" / CACHE_DIRNAME).iterdir()] == [cache_mod.fingerprint()]
    finally:
        cache_mod.fingerprint.cache_clear()


def test_a_damaged_entry_is_extracted_again(corpus, tmp_path):
    paths = sorted(corpus.iterdir())
    extract(paths, tmp_path / "o", Counting())
    c = ExtractionCache(tmp_path / "o")
    entry = c._path(file_key(paths[3], 5 * 1024 * 1024))
    entry.write_bytes(entry.read_bytes()[:20])
    counting = Counting()
    results = extract(paths, tmp_path / "o", counting)
    assert counting.seen == [paths[3].name] and results[3][1].file == str(paths[3])
