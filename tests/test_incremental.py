"""Incremental builds: only changed files are re-extracted, and the output equals a full rebuild."""
from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest

import kg.cache as cache_mod
import kg.extract
from kg.build import build
from kg.cache import CACHE_DIRNAME, ExtractionCache, file_key
from kg.engine import ExtractStats, extract, make_runner
from kg.synth import synth
from kg.viz.fragments import FragmentMerger
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
    # the store was updated graph by graph, not reloaded, and holds exactly the full build's
    # quads: the article graphs and their union in the default graph
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["store"]["mode"] == "updated"
    assert report["store"]["graphs_removed"] >= 3 and report["store"]["graphs_loaded"] >= 3
    assert store_quads(out) == store_quads(tmp_path / "full")
    for name in ("graph.trig", "graph.ttl", "graph.jsonld", "explorer.html"):
        assert (out / name).read_bytes() == (tmp_path / "full" / name).read_bytes(), name


def test_a_rebuild_that_adds_no_node_or_edge_reuses_the_explorer_measures(corpus, tmp_path,
                                                                          monkeypatch):
    """New evidence about known entities leaves the explorer's graph as it was: its measures
    (betweenness, communities, layout) come from the cache, and the page still equals a full
    build's; a fresh --out computes them."""
    from kg.viz import measures

    computed = []
    real = measures.communities
    monkeypatch.setattr(measures, "communities", lambda g: computed.append(1) or real(g))
    out = tmp_path / "out"
    build([corpus], out)
    assert computed == [1]
    f = sorted(corpus.iterdir())[3]
    f.write_text(f.read_text(encoding="utf-8") + "\nBuổi gặp mặt diễn ra trong không khí thân mật.\n",
                 encoding="utf-8")
    build([corpus], out)
    assert computed == [1]
    build([corpus], tmp_path / "full", cache=False)
    assert computed == [1, 1]
    assert (out / "explorer.html").read_bytes() == (tmp_path / "full" / "explorer.html").read_bytes()
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["store"] == {"mode": "updated", "graphs_loaded": 1, "graphs_removed": 1}


def store_quads(out: Path) -> set[str]:
    from kg.store import open_read_only
    return {str(q) for q in open_read_only(out / "store")}


def test_the_store_update_keeps_the_union_exact_when_a_triple_loses_its_last_article(tmp_path):
    """An article deleted: the triples only it stated leave the default graph, those another
    article also states stay; a changed article's old triples go, its new ones come."""
    src = tmp_path / "src"
    synth(12, tmp_path / "syn", seed=9)
    shutil.copytree(tmp_path / "syn" / "articles", src)
    out = tmp_path / "out"
    build([src], out)
    files = sorted(src.iterdir())
    files[0].unlink()
    files[1].write_text(files[1].read_text(encoding="utf-8").replace(
        "\n\n", "\n\nHội hữu nghị Việt Nam – Mông Cổ tỉnh đã gặp mặt hội viên.\n\n", 1),
        encoding="utf-8")
    build([src], out)
    build([src], tmp_path / "full", cache=False)
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["store"]["mode"] == "updated"
    assert store_quads(out) == store_quads(tmp_path / "full")


def test_the_store_is_loaded_in_full_without_a_matching_state(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    (out / "report.json").write_text((out / "report.json").read_text(encoding="utf-8").replace(
        '"graph.trig": "', '"graph.trig": "0'), encoding="utf-8")  # not the state's build
    next(iter(sorted(corpus.iterdir()))).write_text("Bài mới: Liên hiệp các tổ chức hữu nghị "
                                                     "tỉnh Lào Cai gặp mặt.", encoding="utf-8")
    build([corpus], out)
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["store"]["mode"] == "loaded"
    build([corpus], tmp_path / "full", cache=False)
    assert store_quads(out) == store_quads(tmp_path / "full")


def test_unchanged_rebuild_extracts_nothing_and_a_fresh_out_extracts_everything(corpus, tmp_path):
    build([corpus], tmp_path / "a")
    again, fresh = Counting(), Counting()
    paths = sorted(corpus.iterdir())
    extract(paths, tmp_path / "a", again)
    extract(paths, tmp_path / "b", fresh)  # the cache lives in the output folder, never elsewhere
    assert again.seen == [] and len(fresh.seen) == 20


def test_a_parallel_build_saves_its_index_before_it_returns(corpus, tmp_path):
    """With -j 2 the mentions index is written by a forked child while the build maps: the
    build still returns only once it is on disk, so the next run extracts nothing."""
    out = tmp_path / "out"
    build([corpus], out, jobs=2)
    index = ExtractionCache(out).dir / cache_mod.INDEX_NAME
    assert index.is_file() and len(cache_mod.MentionIndex(ExtractionCache(out)).load()) == 20
    counting = Counting()
    extract(sorted(corpus.iterdir()), out, counting)
    assert counting.seen == []


def test_the_index_saves_only_its_changes_until_they_are_an_eighth_of_it(corpus, tmp_path):
    """A rebuild that changed one article of 20 writes a delta of that entry (and the key its
    old text had); loading applies it; once the changes outgrow an eighth of the index, the
    whole index is written again and the delta goes."""
    out = tmp_path / "out"
    paths = sorted(corpus.iterdir())
    extract(paths, out, Counting())
    c = ExtractionCache(out)
    base = c.dir / cache_mod.INDEX_NAME
    delta = c.dir / cache_mod.INDEX_DELTA_NAME
    assert base.is_file() and not delta.exists()
    before = base.read_bytes()
    # each distinct string is one object in the written index (the pickle writes it once)
    loaded = cache_mod.MentionIndex(c).load()
    assert len({id(rep.status) for _, rep, _ in loaded.values()}) == 1
    kinds = [o[2] for m, _, _ in loaded.values() if m is not None for o in m.organisations]
    assert len({id(k) for k in kinds}) == len(set(kinds)) < len(kinds)
    paths[3].write_text(paths[3].read_text(encoding="utf-8") + "\nGặp mặt hữu nghị.\n",
                        encoding="utf-8")
    counting = Counting()
    extract(paths, out, counting)
    assert len(counting.seen) == 1 and base.read_bytes() == before and delta.is_file()
    with open(delta, "rb") as f:
        written = pickle.load(f)
    assert len(written) == 2 and len(written[cache_mod._GONE]) == 1  # one entry, one key gone
    index = cache_mod.MentionIndex(ExtractionCache(out)).load()
    assert len(index) == 20
    again = Counting()
    extract(paths, out, again)  # everything known: nothing extracted, nothing written
    assert again.seen == []
    for p in paths[:4]:
        p.write_text(p.read_text(encoding="utf-8") + "\nGặp mặt hội viên.\n", encoding="utf-8")
    extract(paths, out, Counting())  # 4 of 20 changed (with the delta's 1): over an eighth
    assert base.read_bytes() != before and not delta.exists()
    assert len(cache_mod.MentionIndex(ExtractionCache(out)).load()) == 20
    final = Counting()
    extract(paths, out, final)
    assert final.seen == []


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


def test_an_entry_is_written_whole_or_not_at_all(tmp_path):
    c = ExtractionCache(tmp_path / "o", tmp_path / "o" / "fresh")  # its folders not made yet
    key = "ab" + "0" * 62
    size = c.put(key, ("records", [1, 2]))
    assert c.get(key) == ("records", [1, 2]) and size == c.size(key) > 0

    class Unpicklable:
        def __reduce__(self):
            raise RuntimeError("cannot pickle")

    with pytest.raises(RuntimeError):
        c.put(key, ("records", Unpicklable()))
    # the failed write left the old entry as it was and no temporary file behind
    assert c.get(key) == ("records", [1, 2])
    assert [p.name for p in c._path(key).parent.iterdir()] == [f"{key}.pickle"]


def test_many_changes_or_a_damaged_state_load_the_store_in_full(corpus, tmp_path):
    from kg.delta import STATE_NAME

    out = tmp_path / "out"
    build([corpus], out)
    files = sorted(corpus.iterdir())
    for f in files[:10]:  # half the articles: an update would cost as much as a full load
        f.write_text(f.read_text(encoding="utf-8") + "\nLiên hiệp đã tiếp đoàn bạn Lào.\n",
                     encoding="utf-8")
    build([corpus], out)
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["store"]["mode"] == "loaded"
    state = ExtractionCache(out).dir / STATE_NAME
    state.write_text("{not json", encoding="utf-8")
    files[12].write_text(files[12].read_text(encoding="utf-8") + "\nGặp mặt hội viên.\n",
                         encoding="utf-8")
    build([corpus], out)
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["store"]["mode"] == "loaded"
    build([corpus], tmp_path / "full", cache=False)
    assert store_quads(out) == store_quads(tmp_path / "full")
    build([corpus], out, cache=False)  # a build without signatures leaves no stale state
    assert not state.exists()


class _CountedMerger(FragmentMerger):
    """Counts the explorer's merged states a build makes (module level: they are pickled)."""

    made: list = []

    def __init__(self, k):
        _CountedMerger.made.append(1)
        super().__init__(k)


def test_a_large_layout_rebuild_copies_unchanged_chunks_and_equals_the_full_build(
        corpus, tmp_path, monkeypatch):
    """With outputs that are concatenations of chunks (a large build's: line-by-line Turtle,
    JSON-LD by chunks), a rebuild copies the unchanged chunks from the committed files and
    maps only the changed articles' chunks; every file equals a full build's, byte for byte."""
    from kg import workers, write

    monkeypatch.setattr(write, "PRETTY_TURTLE_MAX_QUADS", 0)
    monkeypatch.setattr(write, "COMPACT_JSONLD_MAX_QUADS", 0)
    monkeypatch.setattr(write, "EXPLORER_FULL_MAX_ARTICLES", 0)  # the entity view, by chunks
    from kg.cache import ChunkCache

    made, tiers, reads = [], [], []
    mergers = _CountedMerger.made
    mergers.clear()
    real, chunks = workers._serialise_chunk, workers.content_chunks
    monkeypatch.setattr(workers, "_serialise_chunk", lambda task: made.append(task) or real(task))
    monkeypatch.setattr(workers, "content_chunks", lambda names: chunks(names, average=4))

    class Tiers(workers._Tiers):  # small groups and supergroups, so the corpus has several
        GROUP, SUPER = (2, 8), (2, 2)

        def __init__(self, *args):
            super().__init__(*args)
            tiers.append(self)
    monkeypatch.setattr(workers, "_Tiers", Tiers)
    get = ChunkCache.get
    monkeypatch.setattr(ChunkCache, "get", lambda self, key: reads.append(key) or get(self, key))
    monkeypatch.setattr(write, "FragmentMerger", _CountedMerger)
    out = tmp_path / "out"
    build([corpus], out)
    n_chunks, n_groups, n_supers = len(made), len(tiers[-1].groups), len(tiers[-1].supers)
    assert len(mergers) == 1 + n_groups and n_supers > 1 and n_groups > n_supers
    files = sorted(corpus.iterdir())
    files[4].write_text(files[4].read_text(encoding="utf-8") + "\nLiên hiệp đã tiếp đoàn bạn Lào.\n",
                        encoding="utf-8")
    made.clear()
    mergers.clear()
    reads.clear()
    build([corpus], out)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["store"]["mode"] == "updated"
    assert n_chunks > 1 and len(made) == 1  # only the changed article's chunk was mapped
    assert len(mergers) == 2  # the page's, and its group's: the other groups came whole
    # read: the other supergroups' states, the other groups' of its supergroup, the other
    # chunks' of its group -- fewer than one state per group
    t = tiers[-1]
    touched_super = [u for u in range(n_supers) if u not in t.served_supers]
    assert len(touched_super) == 1 and len(t.served_supers) == n_supers - 1
    [u] = touched_super
    ga, gb = t.supers[u]
    [g] = [g for g in range(ga, gb) if g not in t.served_groups]
    a, b = t.groups[g]
    assert len(reads) == (n_supers - 1) + (gb - ga - 1) + (b - a - 1) < n_groups + b - a - 1
    build([corpus], tmp_path / "full", cache=False)
    for name in ("graph.trig", "graph.ttl", "graph.jsonld", "explorer.html"):
        assert (out / name).read_bytes() == (tmp_path / "full" / name).read_bytes(), name
    assert b'"view":"entities"' in (out / "explorer.html").read_bytes()
    full = json.loads((tmp_path / "full" / "report.json").read_text(encoding="utf-8"))
    assert report["outputs"] == full["outputs"] and report["counts"] == full["counts"]
    assert store_quads(out) == store_quads(tmp_path / "full")
    # chunks the files hold but whose small parts the cache lost are mapped again, here
    for lost in ChunkCache(out).dir.iterdir():
        lost.unlink()
    files[9].write_text(files[9].read_text(encoding="utf-8") + "\nGặp mặt hữu nghị.\n",
                        encoding="utf-8")
    made.clear()
    build([corpus], out)
    assert len(made) == n_chunks
    assert len(list(ChunkCache(out).dir.iterdir())) == n_chunks + n_groups + n_supers
    build([corpus], tmp_path / "full", cache=False)
    for name in ("graph.trig", "graph.ttl", "graph.jsonld", "explorer.html"):
        assert (out / name).read_bytes() == (tmp_path / "full" / name).read_bytes(), name
    (out / "graph.ttl").write_bytes(b"")  # files that are not the recorded ones: nothing copied
    files[6].write_text(files[6].read_text(encoding="utf-8") + "\nGặp mặt hội viên.\n",
                        encoding="utf-8")
    made.clear()
    build([corpus], out)
    assert len(made) == n_chunks
    build([corpus], tmp_path / "full", cache=False)
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "full" / "graph.ttl").read_bytes()


def test_unchanged_files_are_not_read_again_and_a_same_size_rewrite_is_seen(corpus, tmp_path,
                                                                            monkeypatch):
    """Keys of files whose size, times and inode are unchanged come from the last build's
    record (no read); a rewrite of the same size with the old modification time put back
    still changes the change time, so the file is hashed and extracted again."""
    import os

    monkeypatch.setattr(cache_mod.FileKeys, "RACY_NS", 0)
    paths = sorted(corpus.iterdir())
    extract(paths, tmp_path / "o", Counting())
    hashed = []
    real = cache_mod.file_key
    monkeypatch.setattr(cache_mod, "file_key", lambda p, m: hashed.append(Path(p).name) or real(p, m))
    counting = Counting()
    extract(paths, tmp_path / "o", counting)
    assert hashed == [] and counting.seen == []
    target = paths[2]
    st = os.stat(target)
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("Liên hiệp", "Liên hiẹp", 1), encoding="utf-8")  # same bytes
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert os.stat(target).st_size == st.st_size and os.stat(target).st_mtime_ns == st.st_mtime_ns
    extract(paths, tmp_path / "o", counting)
    assert hashed == [target.name] and counting.seen == [target.name]
