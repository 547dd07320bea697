"""The write phase on several cores: forked mapping equals the serial one, the explorer child
reports its result or its failure, and a failed child leaves the previous outputs whole."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg import workers
from kg.build import build
from kg.errors import BuildError
from kg.engine import run_local
from kg.graph import to_quads
from kg.jsonld import DOCUMENT_TAIL, compact_iris, document_head
from kg.namespace import ID
from kg.resolve import resolve
from kg.synth import synth

pytestmark = pytest.mark.skipif(not workers.can_fork(), reason="fork is POSIX-only")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("workers")
    synth(40, d, seed=5)
    return d / "articles"


@pytest.fixture(scope="module")
def extractions(corpus):
    return [ex for ex, _ in run_local(sorted(corpus.iterdir())) if ex is not None]


def test_chunks_concatenate_to_one_serialisation_of_all_the_quads(extractions, tmp_path,
                                                                  monkeypatch):
    import pyoxigraph as ox

    from kg.graph import PREFIXES
    monkeypatch.setattr(workers, "MIN_CHUNK", 3)  # 40 articles -> many chunks over 2 workers
    res = resolve(extractions)
    quads = to_quads(extractions, res)
    assert len(quads) > 40 * 50
    for jobs in (1, 2):
        d = tmp_path / f"j{jobs}"
        d.mkdir()
        files = workers.ChunkFiles(d / "g.trig", d / "g.nt", d / "g.jsonld")
        union = list(dict.fromkeys(q.triple for q in quads))
        assert workers.serialise_chunks(extractions, res, jobs, files) == (len(quads), len(union))
        assert len(union) < len(quads)  # entities named by several articles: written once
        assert files.trig.read_bytes() == ox.serialize(quads, format=ox.RdfFormat.TRIG,
                                                       prefixes=PREFIXES)
        # the union: each triple once, the articles' own lines first, then the entities'
        got = [q.triple for q in ox.parse(path=str(files.ntriples), format=ox.RdfFormat.TURTLE)]
        assert len(got) == len(set(got)) and set(got) == set(union)
        entity_at = [i for i, t in enumerate(got) if not str(t.subject).startswith(
            tuple(f"<{ID}{k}/" for k in ("article", "evidence", "post", "event", "award")))]
        assert entity_at and entity_at == list(range(entity_at[0], len(got)))
        assert set(ox.parse(path=str(files.jsonld), format=ox.RdfFormat.JSON_LD)) == set(quads)
        whole = ox.serialize(quads, format=ox.RdfFormat.JSON_LD)
        assert files.jsonld.read_bytes() == \
            document_head() + compact_iris(whole[1:-1]) + DOCUMENT_TAIL


def test_background_returns_the_childs_result_computed_in_another_process():
    job = workers.Background(lambda: os.getpid())
    assert job.result() != os.getpid()


def test_background_reraises_the_childs_error_with_its_reason():
    def fail():
        raise ValueError("no such node")
    with pytest.raises(BuildError, match="ValueError: no such node"):
        workers.Background(fail).result()


def test_a_child_that_dies_is_an_error_not_a_hang():
    with pytest.raises(BuildError, match="died"):
        workers.Background(lambda: os._exit(3)).result()


@pytest.mark.parametrize("view", ["full", "entities"])
def test_two_jobs_write_byte_identical_outputs(corpus, tmp_path, monkeypatch, view):
    """-j 1 and -j 2 cut the articles into different chunks: the same files either way, the
    entity view's page too (merged from the chunks' fragments)."""
    from kg import write
    monkeypatch.setattr(workers, "MIN_CHUNK", 4)
    if view == "entities":
        monkeypatch.setattr(write, "EXPLORER_FULL_MAX_ARTICLES", 0)
    build([corpus], tmp_path / "j1", jobs=1, cache=False)
    build([corpus], tmp_path / "j2", jobs=2, cache=False)
    for name in ("graph.trig", "graph.ttl", "graph.jsonld", "explorer.html", "merges.json"):
        assert (tmp_path / "j1" / name).read_bytes() == (tmp_path / "j2" / name).read_bytes(), name
    page = (tmp_path / "j2" / "explorer.html").read_bytes()
    assert (b'"view":"entities"' in page) == (view == "entities")


def test_a_failing_explorer_child_leaves_the_previous_build_whole(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([corpus], out, jobs=2, cache=False)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    def broken(*args, **kwargs):
        raise MemoryError("page too large")
    monkeypatch.setattr("kg.viz.render_view", broken)  # what the build's explorer child calls
    with pytest.raises(BuildError, match="page too large"):
        build([corpus], out, jobs=2, cache=False)
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")
                and p.name not in (".cache", ".lock", ".kg.lock") and p.is_dir()]


def test_the_union_split_follows_the_subject_and_keeps_every_triple_in_order(extractions):
    """``UnionTriples`` sorts each quad's triple as it is made: article-scoped subjects (the
    article, its evidence, posts, events, awards) into ``own``, the rest into ``shared``;
    with ``scoped=False`` (two inputs of one name) everything is shared."""
    from kg.graph import ARTICLE_SCOPED_IRIS, UnionTriples
    res = resolve(extractions)
    union = UnionTriples()
    quads = to_quads(extractions, res, union=union)
    own = [q.triple for q in quads if q.subject.value.startswith(ARTICLE_SCOPED_IRIS)]
    shared = [q.triple for q in quads if not q.subject.value.startswith(ARTICLE_SCOPED_IRIS)]
    assert own and shared
    assert union.own == own and union.shared == shared
    flat = UnionTriples(scoped=False)
    assert to_quads(extractions, res, union=flat) == quads
    assert flat.own == [] and flat.shared == [q.triple for q in quads]


def test_a_large_builds_turtle_is_the_union_chunk_by_chunk(corpus, tmp_path, monkeypatch):
    """Above PRETTY_TURTLE_MAX_QUADS graph.ttl is written chunk by chunk (each chunk's own
    triples as Turtle, then the entities' lines): the same triples as the pretty dump, each
    once, and the count report.json gives."""
    import json

    import pyoxigraph as ox

    from kg import write
    build([corpus], tmp_path / "pretty", jobs=2, cache=False)
    monkeypatch.setattr(write, "PRETTY_TURTLE_MAX_QUADS", 0)
    build([corpus], tmp_path / "lines", jobs=2, cache=False)

    def triples(out):
        return [q.triple for q in ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)]
    pretty, lines = triples(tmp_path / "pretty"), triples(tmp_path / "lines")
    assert len(lines) == len(set(lines)) and set(lines) == set(pretty)
    report = json.loads((tmp_path / "lines" / "report.json").read_text(encoding="utf-8"))
    assert report["counts"]["triples"] == len(lines)
    # the articles' own triples as Turtle with prefixed names, not N-Triples: less than
    # two thirds of the bytes
    text = (tmp_path / "lines" / "graph.ttl").read_text(encoding="utf-8")
    assert text.startswith("@prefix") and "\n\tschema:" in text
    nt = ox.serialize(lines, format=ox.RdfFormat.N_TRIPLES)
    assert len(text.encode("utf-8")) < 0.67 * len(nt)


def test_streamed_digests_are_the_files_sha256(extractions, tmp_path):
    import hashlib

    res = resolve(extractions)
    files = workers.ChunkFiles(tmp_path / "g.trig", tmp_path / "g.nt", tmp_path / "g.jsonld")
    workers.serialise_chunks(extractions, res, 2, files)
    for path in (files.trig, files.ntriples, files.jsonld):
        assert files.sha256[path] == hashlib.sha256(path.read_bytes()).hexdigest()


def test_union_keeps_each_triple_once_when_two_inputs_share_a_file_name(extractions, tmp_path):
    """Article-scoped IRIs carry the file name, so their lines skip the digest, unless two
    inputs (from two folders) have the same name: then every line is checked."""
    import pyoxigraph as ox

    twice = [extractions[0], extractions[0]]  # the same name, the same graph
    res = resolve(twice)
    files = workers.ChunkFiles(tmp_path / "g.trig", tmp_path / "g.nt", tmp_path / "g.jsonld")
    n_quads, n_triples = workers.serialise_chunks(twice, res, 1, files)
    got = list(ox.parse(path=str(files.ntriples), format=ox.RdfFormat.TURTLE))
    assert len(got) == len(set(got)) == n_triples == n_quads // 2


def test_chunks_follow_the_names_so_one_change_leaves_the_other_chunks_alone():
    names = [f"article-{i:04d}.txt" for i in range(400)]
    chunks = workers.content_chunks(names)
    assert chunks[0][0] == 0 and chunks[-1][1] == 400
    assert all(a < b for a, b in chunks) and all(x[1] == y[0] for x, y in zip(chunks, chunks[1:]))
    assert 4 <= len(chunks) <= 40  # about 32 articles each
    fewer = names[:100] + names[101:]  # one article deleted: only its chunk differs
    moved = {tuple(names[a:b]) for a, b in chunks} ^ {tuple(fewer[a:b]) for a, b in
                                                       workers.content_chunks(fewer)}
    assert len(moved) == 2 and any(names[100] in c for c in moved)


def test_keyed_chunks_are_copied_from_the_last_build_and_give_the_same_files(extractions, tmp_path,
                                                                            monkeypatch):
    """A chunk whose articles' signatures are unchanged is copied from the previous build's
    files at the offsets it recorded, never mapped again; the files are byte-identical to
    those of a build that made every chunk."""
    from kg.cache import ChunkCache

    res = resolve(extractions)
    signatures = {ex.article.name: f"sig-{ex.article.name}" for ex in extractions}
    cache = ChunkCache(tmp_path / "out")
    made = []
    real = workers._serialise_chunk
    monkeypatch.setattr(workers, "_serialise_chunk", lambda task: made.append(task) or real(task))

    def run(name: str, sigs, previous=None) -> workers.ChunkFiles:
        d = tmp_path / name
        d.mkdir()
        files = workers.ChunkFiles(d / "g.trig", d / "g.nt", d / "g.jsonld")
        workers.serialise_chunks(extractions, res, 1, files, cache=cache, signatures=sigs,
                                 previous=previous)
        return files

    def content(files) -> bytes:
        return b"".join(p.read_bytes() for p in (files.trig, files.ntriples, files.jsonld))

    def prev(files) -> workers.Previous:
        return workers.Previous(files.trig, files.ntriples, files.jsonld, files.layout)

    a = run("a", signatures)
    first = content(a)
    assert len(made) == len(workers.content_chunks([ex.article.name for ex in extractions])) > 2
    made.clear()
    b = run("b", signatures, prev(a))
    assert content(b) == first and made == []  # every chunk copied
    assert b.layout == a.layout
    changed = dict(signatures, **{extractions[3].article.name: "sig-changed"})
    c = run("c", changed, prev(b))
    assert content(c) == first and len(made) == 1  # only the changed article's chunk
    import hashlib
    for path in (c.trig, c.ntriples, c.jsonld):  # digests of files written partly by copies
        assert c.sha256[path] == hashlib.sha256(path.read_bytes()).hexdigest()
    made.clear()
    entry = next(cache.dir.iterdir())
    entry.write_bytes(entry.read_bytes()[:10])  # a damaged entry is made again, not trusted
    assert content(run("d", changed, prev(c))) == first and len(made) == 1
    made.clear()
    assert content(run("e", changed)) == first and made  # no previous files: all made again
    plain = tmp_path / "plain"
    plain.mkdir()
    files = workers.ChunkFiles(plain / "g.trig", plain / "g.nt", plain / "g.jsonld")
    workers.serialise_chunks(extractions, res, 2, files)  # no cache: chunks by size
    assert content(files) == first


def test_a_written_file_is_synced_as_it_grows_and_copies_join(tmp_path, monkeypatch):
    """_Hashed writes what it has to disk in the background every SYNC_EVERY bytes; copies
    that continue each other are made as one; the file and its digest are what was written;
    a failed background sync is raised by sync()."""
    import hashlib
    from concurrent.futures import ThreadPoolExecutor
    monkeypatch.setattr(workers._Hashed, "SYNC_EVERY", 1000)
    source = tmp_path / "source"
    source.write_bytes(bytes(range(256)) * 40)
    calls = []
    real = os.copy_file_range
    monkeypatch.setattr(os, "copy_file_range", lambda *a: calls.append(a) or real(*a))
    with ThreadPoolExecutor(1) as syncer, open(source, "rb") as src:
        f = workers._Hashed(tmp_path / "out", syncer)
        f.write(b"a" * 1500)
        f.copy(src, 0, 3000)
        f.copy(src, 3000, 2000)  # continues the last copy: joined
        f.copy(src, 100, 50)
        f.write(b"z")
        f.flush()
        assert len(calls) == 2 and len(f.syncs) >= 1
        f.sync()
        f.close()
    data = source.read_bytes()
    expected = b"a" * 1500 + data[:5000] + data[100:150] + b"z"
    assert (tmp_path / "out").read_bytes() == expected and f.pos == len(expected)
    assert f.digest() == hashlib.sha256(expected).hexdigest()

    def failing(fd):
        raise OSError(5, "Input/output error")

    with ThreadPoolExecutor(1) as syncer:
        g = workers._Hashed(tmp_path / "out2", syncer)
        monkeypatch.setattr(os, "fdatasync", failing)
        g.write(b"x" * 2000)
        with pytest.raises(OSError, match="Input/output"):
            g.sync()
        g.close()
