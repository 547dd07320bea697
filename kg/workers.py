"""The write phase on several cores: RDF mapping in forked workers, the explorer in a child.

After resolution the build holds the resolution in memory and the articles' records on
disk (kg.spool); forked processes inherit the resolution without pickling (copy-on-write), so

- ``serialise_chunks`` maps contiguous chunks of articles to quads in ``jobs``
  workers, each reading its chunk's records itself; each returns its chunk serialised
  (TriG, the union as Turtle and N-Triples lines, JSON-LD, written by Oxigraph in Rust),
  appended to the files in article order;
- ``Background`` runs one function (a small build's explorer page) in a forked child while
  this process serialises the graph and writes the store, and hands back its
  result or raises its error as a BuildError (one line for the CLI).

Fork is POSIX-only; elsewhere (or with one job) the same work runs in this process.
"""
from __future__ import annotations

import gc
import hashlib
import itertools
import multiprocessing as mp
import os
import threading
import traceback
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import BuildError
from .graph import UnionTriples, to_quads
from .jsonld import DOCUMENT_TAIL, compact_iris, document_head
from .lexicon import Lexicon, load_lexicon
from .model import Extraction, Resolution
from .spool import Records, as_records

# Chunks small enough to balance two workers, large enough that each costs more than its IPC.
MIN_CHUNK = 64
MAX_CHUNK = 256
_STATE: tuple | None = None  # (records, resolution, lexicon, extra, scoped), set before forking


def can_fork() -> bool:
    return "fork" in mp.get_all_start_methods() and os.name == "posix"


def _strip_prefixes(trig: bytes) -> bytes:
    """A TriG chunk without its @prefix lines (``_prefix_block`` heads the file once)."""
    lines = trig.split(b"\n")
    k = 0
    while k < len(lines) and lines[k].startswith(b"@prefix"):
        k += 1
    return b"\n".join(lines[k:])


def _serialise_chunk(task: tuple[int, int]) -> tuple:
    """One chunk of articles: TriG (its graphs, without the @prefix lines), the union's
    triples split in two (those about the chunk's own articles as Turtle, which no other
    chunk states, and those about entities as N-Triples lines, each once: they recur),
    JSON-LD (the items of its top-level @graph, with compact IRIs: kg.jsonld), its number
    of quads, and what the ``_EXTRA`` function (the explorer's fragment) makes of the
    chunk's records."""
    from .graph import PREFIXES
    start, end = task
    records, resolution, lexicon, extra, scoped = _STATE  # type: ignore[misc]
    extractions = records.load(start, end)
    # the union split as the quads are made: no N-Quads text parsed or rewritten for it
    union = UnionTriples(scoped)
    quads = to_quads(extractions, resolution, lexicon, union)
    trig = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    jsonld = ox.serialize(quads, format=ox.RdfFormat.JSON_LD)
    own = _strip_prefixes(ox.serialize(union.own, format=ox.RdfFormat.TURTLE,
                                       prefixes=PREFIXES)) if union.own else b""
    shared = b"".join(dict.fromkeys(
        ox.serialize(union.shared, format=ox.RdfFormat.N_TRIPLES).splitlines(keepends=True)))
    return (_strip_prefixes(trig), (own, len(union.own)), shared,
            compact_iris(jsonld[1:-1] if jsonld.startswith(b"[") else jsonld), len(quads),
            extra(extractions, resolution, lexicon) if extra is not None else None)


def _prefix_block() -> bytes:
    """The @prefix lines Oxigraph writes at the top of a TriG file (the same for every chunk)."""
    from .graph import PREFIXES
    probe = ox.NamedNode("urn:x")
    trig = ox.serialize([ox.Quad(probe, probe, probe, probe)], format=ox.RdfFormat.TRIG,
                        prefixes=PREFIXES)
    return b"".join(line for line in trig.splitlines(keepends=True) if line.startswith(b"@prefix"))


def _content_cuts(names: Sequence[str], average: int, cap: int, salt: bytes = b""
                  ) -> list[tuple[int, int]]:
    """Runs of consecutive positions, one ending after a name that hashes (blake2b salted
    with ``salt``) to 0 modulo ``average``, or at ``cap`` positions."""
    runs, start = [], 0
    for i, name in enumerate(names):
        cut = int.from_bytes(hashlib.blake2b(name.encode(), digest_size=4, person=salt).digest(),
                             "big")
        if cut % average == 0 or i + 1 - start >= cap:
            runs.append((start, i + 1))
            start = i + 1
    if start < len(names):
        runs.append((start, len(names)))
    return runs


def content_groups(names: Sequence[str], tasks: Sequence[tuple[int, int]], average: int = 16,
                   cap: int = 64, salt: bytes = b"kg-group") -> list[tuple[int, int]]:
    """Groups of consecutive chunks (positions in ``tasks``), cut as ``content_chunks`` cuts
    articles: after a chunk whose last article's name hashes (salted apart from the chunks'
    own cuts) to 0 modulo ``average``, or at ``cap`` chunks. A change leaves the other
    groups as they were."""
    return _content_cuts([names[end - 1] for _, end in tasks], average, cap, salt)


def content_chunks(names: Sequence[str], average: int = 16, cap: int = 256
                   ) -> list[tuple[int, int]]:
    """Chunks whose boundaries depend on the articles' names only: one ends after an article
    whose name hashes to 0 modulo ``average`` (or at ``cap`` articles). Adding, removing or
    changing an article changes its own chunk and leaves every other chunk as it was, so
    their serialisations can be reused from the cache (kg.cache.ChunkCache)."""
    return _content_cuts(names, average, cap)


class _Tiers:
    """The chunks' extras (the explorer's fragments) merged in two tiers of content-defined
    groups: groups of about 16 chunks (``content_groups``), and supergroups of about 8 groups
    (the same cut one tier up). Each group's and supergroup's merged state is cached with
    its quad count and entity lines, under a key of its chunks' keys; ``on_group`` gets one
    state per supergroup, in order.

    An incremental build reads the states of the supergroups it did not touch, of the
    untouched groups in a touched supergroup, and of the other chunks of a touched group:
    at 10k articles a change in one group reads 28 states where one tier read 54 (39
    groups, 15 chunks); at 100k about 80 where it read 415. The merge is associative
    (kg.viz.fragments), so the result is the same as merging the chunks one by one."""

    GROUP = (16, 64)  # chunks a group: on average, at most
    SUPER = (8, 32)  # groups a supergroup

    def __init__(self, names: Sequence[str], tasks: Sequence[tuple[int, int]], keys: list[str],
                 cache, new_group: Callable[[], Any], on_group: Callable[[Any], None]):
        self.cache, self.new_group, self.on_group = cache, new_group, on_group
        self.groups = content_groups(names, tasks, *self.GROUP)
        self.supers = content_groups(names, [(0, tasks[b - 1][1]) for _, b in self.groups],
                                     *self.SUPER, salt=b"kg-super")  # ranges of groups

        def digest(tag: str, parts: list[str]) -> str:
            return hashlib.blake2b((tag + "\0".join(parts)).encode(), digest_size=16).hexdigest()
        self.group_keys = [digest("", keys[a:b]) for a, b in self.groups]
        self.super_keys = [digest("super\0", self.group_keys[a:b]) for a, b in self.supers]
        self.group_of = [g for g, (a, b) in enumerate(self.groups) for _ in range(a, b)]
        self.super_of = [u for u, (a, b) in enumerate(self.supers) for _ in range(a, b)]
        self.served: dict[int, tuple] = {}  # first chunk of a cached group -> its state
        self.inside: set[int] = set()  # the chunks of the groups served whole
        self.served_supers: set[int] = set()
        self.served_groups: set[int] = set()
        self.group: tuple | None = None  # being merged: (accumulator, lines, quads)
        self.sup: tuple | None = None

    def keys(self) -> list[str]:
        return self.group_keys + self.super_keys

    def _chunks(self, u: int) -> range:
        a, b = self.supers[u]
        return range(self.groups[a][0], self.groups[b - 1][1])

    def serve(self, copyable: set[int], small: dict[int, tuple]) -> None:
        """Read the cached states of the supergroups, then groups, whose chunks are all
        copied; their chunks need no part of their own (taken out of ``copyable``)."""
        for u in range(len(self.supers)):
            if self._hit(self.super_keys[u], self._chunks(u), copyable, small):
                self.served_supers.add(u)
        for g, (a, b) in enumerate(self.groups):
            if self.super_of[g] not in self.served_supers and \
                    self._hit(self.group_keys[g], range(a, b), copyable, small):
                self.served_groups.add(g)

    def _hit(self, key: str, chunks: range, copyable: set[int], small: dict) -> bool:
        if not all(i in copyable for i in chunks):
            return False
        hit = self.cache.get(key)
        if hit is None or hit[2] is None:
            return False
        self.served[chunks[0]] = hit
        copyable.difference_update(chunks)
        small.update((i, None) for i in chunks)
        self.inside.update(chunks)
        return True

    def part(self, i: int) -> tuple:
        """(quads, entity lines, state) of a served group at its first chunk, nothing after."""
        return self.served.get(i, (0, b"", None))

    def add(self, i: int, count: int, shared: bytes, got: Any) -> None:
        """Chunk ``i``'s part (its fragment, or a served group's state) into the merges."""
        g = self.group_of[i]
        u = self.super_of[g]
        if u in self.served_supers:
            if got is not None:
                self.on_group(got)
            return
        lines = dict.fromkeys(shared.splitlines(keepends=True))
        a, b = self.groups[g]
        if g in self.served_groups:
            if got is not None:
                self._into_super((got, lines, count))
        else:
            if i == a:
                self.group = (self.new_group(), {}, 0)
            acc, group_lines, quads = self.group
            if got is not None:
                acc.add(got)
            group_lines.update(lines)
            self.group = (acc, group_lines, quads + count)
            if i == b - 1:
                self.cache.put(self.group_keys[g], (quads + count, b"".join(group_lines), acc))
                self._into_super(self.group)  # pickled above: merging into it is safe now
                self.group = None
        if i == self._chunks(u)[-1]:
            acc, sup_lines, quads = self.sup
            self.cache.put(self.super_keys[u], (quads, b"".join(sup_lines), acc))
            self.on_group(acc)
            self.sup = None

    def _into_super(self, state: tuple) -> None:
        if self.sup is None:
            self.sup = state  # the first group's state, merged into from now on
            return
        acc, lines, quads = self.sup
        acc.combine(state[0])
        lines.update(state[1])
        self.sup = (acc, lines, quads + state[2])


class ChunkFiles:
    """Where ``serialise_chunks`` streams the chunks (paths inside the build's staging folder);
    after it, ``sha256`` holds each file's digest and ``layout`` where each chunk's bytes lie
    in the TriG, Turtle and JSON-LD files (chunk key -> offset and length in each, and its
    number of own union triples), so the
    next build can copy the chunks it did not change (``Previous``)."""

    def __init__(self, trig: Path, ntriples: Path, jsonld: Path):
        self.trig, self.ntriples, self.jsonld = trig, ntriples, jsonld
        self.sha256: dict[Path, str] = {}
        self.layout: dict[str, list[int]] = {}


class Previous:
    """The committed outputs of the last build, with where each of its chunks lies in them
    (``ChunkFiles.layout``): an unchanged chunk is copied from them (in the kernel,
    ``os.copy_file_range``) instead of being mapped and serialised again."""

    def __init__(self, trig: Path, ntriples: Path, jsonld: Path, layout: dict[str, list[int]]):
        self.files = (trig, ntriples, jsonld)
        self.layout = layout


class _Hashed:
    """A binary file being written, and the sha256 of what was written to it.

    Two threads of the file's own take the pieces the caller hands over, in order: one
    writes them (a copied range: ``os.copy_file_range``, in the kernel), the other hashes
    them (a copied range: read from the source file, whose bytes they are). The caller does
    not wait for either, and a file with copied ranges needs no read-back at the end; the
    two go at their own speeds (a copy of a few hundred MB and its hash each take about a
    second here). The caller waits only when more than ``BACKLOG`` bytes it wrote are not
    written or not hashed yet (a slow disk bounds the memory held, not the build's speed;
    a full build's peak memory is the sum of such buffers and the workers' chunks)."""

    SYNC_EVERY = 64 << 20
    BACKLOG = 4 << 20  # counted twice (a piece is released by each thread): 2 MB a thread

    def __init__(self, path: Path, syncer=None):
        from concurrent.futures import ThreadPoolExecutor

        self.path = path
        self.file = open(path, "wb")
        self.hash = hashlib.sha256()
        self.pos = 0  # where the next piece goes (the threads may not have it yet)
        self.pending: tuple | None = None  # a copy not handed over yet: (source, offset, length)
        # every SYNC_EVERY bytes, ``syncer`` (an executor) writes what is written so far to
        # disk while the build goes on, so the fsync at the end has little left to wait for
        self.syncer, self.syncs, self.synced_at = syncer, [], 0
        # their threads start at the first piece: after the build's workers are forked
        self._io = ThreadPoolExecutor(1, thread_name_prefix="kg-write")
        self._hasher = ThreadPoolExecutor(1, thread_name_prefix="kg-hash")
        self._written = 0  # bytes the writing thread has written
        self._backlog = 0  # bytes handed over, not yet both written and hashed
        self._cond = threading.Condition()
        self._error: BaseException | None = None

    def write(self, data: bytes) -> None:
        self._copy_pending()
        if not data:
            return
        self.pos += len(data)
        self._hand_over(len(data), self._write, self._hash_data, data)
        with self._cond:
            while self._backlog > self.BACKLOG and self._error is None:
                self._cond.wait()

    def copy(self, source, offset: int, length: int) -> None:
        """Append ``length`` bytes of the open file ``source`` from ``offset``. Made lazily:
        a copy that continues the previous one (consecutive unchanged chunks) joins it, so
        the kernel copies a run of chunks in one call."""
        if length <= 0:
            return
        p = self.pending
        if p is not None and p[0] is source and p[1] + p[2] == offset:
            self.pending = (source, p[1], p[2] + length)
        else:
            self._copy_pending()
            self.pending = (source, offset, length)
        self.pos += length

    def _copy_pending(self) -> None:
        if self.pending is not None:
            source, offset, length = self.pending
            self.pending = None
            self._hand_over(0, self._copy, self._hash_range, source, offset, length)

    def _hand_over(self, size: int, write, hash_, *args) -> None:
        if self._error is not None:
            raise self._error
        with self._cond:
            self._backlog += 2 * size  # released half by each thread
        self._io.submit(self._run, size, write, *args)
        self._hasher.submit(self._run, size, hash_, *args)

    def _run(self, size: int, fn, *args) -> None:
        try:
            if self._error is None:  # after a failure the rest is not done
                fn(*args)
        except BaseException as error:  # noqa: BLE001 - raised to the caller at its next call
            self._error = error
        finally:
            with self._cond:
                self._backlog -= size
                self._cond.notify_all()

    def _write(self, data: bytes) -> None:
        self.file.write(data)
        self._written += len(data)
        self._sync_some()

    def _hash_data(self, data: bytes) -> None:
        self.hash.update(data)  # releases the GIL on large data, like the write

    def _copy(self, source, offset: int, length: int) -> None:
        self.file.flush()
        done = 0
        while done < length:
            n = os.copy_file_range(source.fileno(), self.file.fileno(), length - done,
                                   offset + done)
            if n <= 0:
                raise OSError(f"{self.path}: the previous build's file ended early")
            done += n
        self.file.seek(0, os.SEEK_END)
        self._written += length
        self._sync_some()

    def _hash_range(self, source, offset: int, length: int) -> None:
        fd = source.fileno()
        for at in range(offset, offset + length, 1 << 22):
            block = os.pread(fd, min(1 << 22, offset + length - at), at)
            if not block:
                raise OSError(f"{self.path}: the previous build's file ended early")
            self.hash.update(block)

    def _sync_some(self) -> None:
        if self.syncer is None or self._written - self.synced_at < self.SYNC_EVERY or \
                (self.syncs and not self.syncs[-1].done()):
            return
        self.file.flush()  # into the kernel, which the background fdatasync writes out
        self.synced_at = self._written
        self.syncs.append(self.syncer.submit(os.fdatasync, self.file.fileno()))

    def flush(self) -> None:
        """Wait until every piece handed over is in the file and hashed (and raise a failure
        of one)."""
        self._copy_pending()
        for thread in (self._io, self._hasher):  # a no-op runs after every piece before it
            thread.submit(lambda: None).result()
        if self._error is not None:
            raise self._error
        self.file.flush()

    def sync(self) -> None:
        """fsync the file; a failure of an earlier background sync is raised here too (the
        kernel reports a write-back error once, maybe to that earlier call)."""
        self.flush()
        for done in self.syncs:
            done.result()
        os.fsync(self.file.fileno())

    def digest(self) -> str:
        if self.pending is not None or self._backlog:
            raise RuntimeError(f"{self.path}: digest before flush")
        return self.hash.hexdigest()

    def fileno(self) -> int:
        return self.file.fileno()

    def stop(self) -> None:
        """No more pieces: those not started are dropped (after a failure elsewhere), the ones
        being written or hashed are waited for. ``flush`` first to have them all done."""
        self._io.shutdown(wait=True, cancel_futures=True)
        self._hasher.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        self.stop()
        self.file.close()


def serialise_chunks(extractions: Sequence[Extraction] | Records, resolution: Resolution, jobs: int,
                     files: ChunkFiles, lexicon: Lexicon | None = None,
                     on_chunk: Callable[[bytes, bytes], None] | None = None,
                     on_pool: Callable[[], None] | None = None,
                     cache=None, signatures: dict[str, str] | None = None,
                     previous: Previous | None = None,
                     extra: Callable | None = None, on_extra: Callable | None = None,
                     on_done: Callable[[], None] | None = None,
                     new_group: Callable[[], Any] | None = None,
                     on_group: Callable[[Any], None] | None = None) -> tuple[int, int]:
    """Map and serialise contiguous chunks of articles, appending each chunk in article order
    to the files (TriG, the union as Turtle, JSON-LD: kg.jsonld's document); returns
    (quads, distinct triples).

    With ``jobs`` > 1 the chunks are made by forked workers. Either way the quads never all
    live in one process, and the TriG and JSON-LD chunks concatenate to exactly
    what one serialisation of all the quads gives (the JSON-LD's IRIs compacted by
    kg.jsonld; tests/test_workers.py). The union file
    holds each triple once: first every chunk's lines about its own articles, then the
    lines about entities (an entity's name, asserted by every article naming it), each the
    first time it was seen. ``on_chunk`` gets each chunk's TriG (with the @prefix lines) and
    its new union lines as they arrive (the store loads them meanwhile); ``on_pool`` runs
    once the workers exist (threads are started after forking, not before). ``extra(extractions, resolution,
    lexicon)`` is run on each chunk's records in the worker (the explorer's fragment), and
    ``on_extra`` gets its results in article order; ``on_done`` runs after the last chunk,
    while threads finish writing the files and fsync them.

    With a ``cache`` (kg.cache.ChunkCache) and the articles' ``signatures`` (kg.delta), the
    chunks follow the articles' names (``content_chunks``) and are keyed by the signatures of
    their articles. A chunk whose key the ``previous`` build's outputs hold, and whose small
    part (quad count, entity lines, extra) the cache holds, is copied from those outputs
    instead of being made (only when no ``on_chunk`` needs its TriG).

    With a cache, ``new_group`` and ``on_group`` too, the extras are merged by groups of
    consecutive chunks and groups of groups (``_Tiers``): each group's extras are added to
    a fresh ``new_group()`` accumulator, cached (with the group's quad count and entity
    lines) under its chunks' keys; a supergroup's state merges its groups', is cached the
    same way and handed to ``on_group`` (which combines it, so ``on_extra`` is not called).
    A (super)group whose chunks are all copied and whose state the cache holds is served
    whole: one read and one combine instead of one per group or chunk.
    """
    global _STATE
    records = as_records(extractions)
    names = records.names
    n = len(records)
    keyed = cache is not None and signatures is not None
    if keyed:
        tasks = content_chunks(names)
        keys = [hashlib.blake2b("\0".join(signatures[name] for name in names[a:b]).encode(),
                                digest_size=16).hexdigest() for a, b in tasks]
    else:
        # many small chunks: the store (which batches them) starts early and has little left
        # to load after the last one (10k articles: 8 s of tail with 16 chunks, 2.5 s with 64)
        # and never more than MAX_CHUNK: a chunk's quads and serialisations live in its
        # worker and in the queues at once (1,563 articles a chunk at 100k cost 0.9 GB a worker)
        size = min(MAX_CHUNK, max(MIN_CHUNK, -(-n // (jobs * 32)))) if jobs > 1 else MAX_CHUNK
        tasks, keys = [(i, min(n, i + size)) for i in range(0, n, size)], []
    grouped = keyed and extra is not None and new_group is not None and on_group is not None
    tiers = _Tiers(names, tasks, keys, cache, new_group, on_group) if grouped else None
    # chunks the previous build's files hold (copied if the cache has their small part, read
    # below while the workers map the others; a chunk whose small part is missing after all
    # is mapped here, in this process)
    copyable = {i for i, k in enumerate(keys) if k in previous.layout} \
        if keyed and previous is not None and on_chunk is None else set()
    small: dict[int, tuple] = {}
    todo = [t for i, t in enumerate(tasks) if i not in copyable]
    # a worker also when few chunks are made among many copied: it maps them meanwhile
    parallel = jobs > 1 and can_fork() and (
        (len(todo) >= 2 and sum(b - a for a, b in todo) >= 2 * MIN_CHUNK)
        or (len(todo) >= 1 and len(copyable) >= 2 * len(todo)))
    # with two inputs of the same file name, article-scoped IRIs repeat: every line is shared
    scoped = len(set(names)) == n
    _STATE = (records, resolution, lexicon or load_lexicon(), extra, scoped)
    total = 0
    union = _Union()
    wrote_jsonld = False
    from concurrent.futures import ThreadPoolExecutor
    syncer = ThreadPoolExecutor(1, thread_name_prefix="kg-sync")  # its thread starts lazily
    handles = [_Hashed(p, syncer) for p in (files.trig, files.ntriples, files.jsonld)]
    trig, nt, js = handles
    shared_path = files.ntriples.with_name(files.ntriples.name + ".entities")
    sources = [open(p, "rb") for p in previous.files] if copyable else []
    try:
        shared_out = open(shared_path, "wb")
        frozen = gc.get_freeze_count() > 0  # the build froze what it holds (kg.build)
        if parallel and not frozen:
            # the workers inherit the resolution; a cyclic GC pass in one of them would touch
            # every inherited object and so copy the parent's whole heap (copy-on-write)
            gc.freeze()
        try:
            pool = mp.get_context("fork").Pool(jobs) if parallel else None
        finally:
            if parallel and not frozen:
                gc.unfreeze()  # the children keep their frozen copy; here the GC sees all again
        # the cached parts are many small containers without cycles: a collection pass while
        # they are read and merged would only cost time (a third of the reading)
        collecting = gc.isenabled()
        try:
            if on_pool is not None:
                on_pool()
            made = _windowed(pool, todo, 2 * jobs) if pool else map(_serialise_chunk, todo)
            gc.disable()
            if tiers is not None:
                tiers.serve(copyable, small)  # whole groups the cache holds: no chunk part read
            for i in sorted(copyable):
                hit = cache.get(keys[i])
                if hit is not None and (extra is None or hit[2] is not None):  # an extra made
                    small[i] = hit  # when it is asked for
            js.write(document_head())
            prefixes = prefixes_ttl = _prefix_block()
            nt.write(prefixes_ttl)  # the union: Turtle, its own parts with prefixed names
            for i in range(len(tasks)):
                if i in small:
                    if tiers is not None and i in tiers.inside:  # a group's part, at its start
                        count, shared, got = tiers.part(i)
                    else:
                        count, shared, got = small[i]
                    at = previous.layout[keys[i]]
                    if at[1] and prefixes:  # the first graph: the file starts with the prefixes
                        trig.write(prefixes)
                        prefixes = b""
                    place = [trig.pos, at[1], nt.pos, at[3]]
                    trig.copy(sources[0], at[0], at[1])
                    nt.copy(sources[1], at[2], at[3])
                    if at[5]:
                        if wrote_jsonld:
                            js.write(b",")
                        place += [js.pos, at[5]]
                        js.copy(sources[2], at[4], at[5])
                        wrote_jsonld = True
                    else:
                        place += [js.pos, 0]
                    place.append(at[6])
                    union.count += at[6]
                    new = union.new_lines(shared)
                else:
                    t, (own, n_own), shared, j, count, got = \
                        _serialise_chunk(tasks[i]) if i in copyable else next(made)
                    if keyed:
                        cache.put(keys[i], (count, shared, got))
                    if t and prefixes:
                        trig.write(prefixes)
                        prefixes = b""
                    place = [trig.pos, len(t), nt.pos, len(own)]
                    trig.write(t)
                    nt.write(own)
                    if j and wrote_jsonld:
                        js.write(b",")
                    place += [js.pos, len(j), n_own]
                    if j:
                        js.write(j)
                        wrote_jsonld = True
                    new = union.new_lines(shared)
                    if on_chunk is not None:  # TriG and Turtle: both need the prefixes
                        on_chunk(prefixes_ttl + t, prefixes_ttl + own + new)
                    union.count += place[6]
                shared_out.write(new)
                if keyed:
                    files.layout[keys[i]] = place
                if tiers is not None:
                    tiers.add(i, count, shared, got)
                elif on_extra is not None and got is not None:
                    on_extra(got)
                total += count
            js.write(DOCUMENT_TAIL)
        finally:
            if collecting:
                gc.enable()
            if pool is not None:
                pool.close()
                pool.join()
        shared_out.close()
        with open(shared_path, "rb") as f:  # the entity lines follow the articles' lines
            for block in iter(lambda: f.read(1 << 22), b""):
                nt.write(block)
        for f in handles:
            f._copy_pending()  # the last copies handed over; not waited for here
        # the rest of each file written (its threads may still be copying and hashing: at
        # 10k articles, a second after the loop) and fsynced, waited for in a thread per
        # file while ``on_done`` works (all release the GIL)
        with ThreadPoolExecutor(len(handles)) as pool:
            synced = [pool.submit(f.sync) for f in handles]
            if on_done is not None:
                on_done()  # e.g. the explorer page, drawn while the files are finished
            for f, done in zip(handles, synced):
                done.result()
                files.sha256[f.path] = f.digest()
        if keyed:
            cache.keep_only(keys + (tiers.keys() if tiers is not None else []))
        return total, union.count
    finally:
        for f in handles:
            f.stop()  # its thread hands the syncer no more work
        syncer.shutdown(wait=True)  # no fdatasync may outlive its file descriptor
        for f in handles + sources:
            f.close()
        shared_path.unlink(missing_ok=True)
        _STATE = None


def _windowed(pool, tasks: Sequence[tuple[int, int]], window: int):
    """``pool.imap(_serialise_chunk, tasks)`` with at most ``window`` chunks asked for and not
    yet taken: imap sends every task at once and keeps the results this process has not
    read yet, so a slow reader (the store's queue full) let made chunks pile up in memory."""
    pending: deque = deque()
    it = iter(tasks)
    for task in itertools.islice(it, window):  # asked for now: the workers start at once
        pending.append(pool.apply_async(_serialise_chunk, (task,)))

    def results():
        while pending:
            result = pending.popleft().get()
            task = next(it, None)
            if task is not None:
                pending.append(pool.apply_async(_serialise_chunk, (task,)))
            yield result
    return results()


class _Union:
    """Keeps the entity lines that were not written before (N-Triples are canonical: one
    triple, one line of text), in the order first seen; counts the union's lines."""

    def __init__(self):
        # the distinct entity lines themselves: few (7k at 10k synthetic articles) and hashed
        # in C, where a digest per line cost a Python call each (240k lines at 10k)
        self.seen: set[bytes] = set()
        self.count = 0

    def new_lines(self, lines: bytes) -> bytes:
        seen = self.seen
        fresh = [line for line in lines.splitlines(keepends=True) if line not in seen]
        seen.update(fresh)  # a chunk's entity lines are distinct already
        self.count += len(fresh)
        return b"".join(fresh)


def _run_child(conn, fn: Callable[[], Any]) -> None:
    try:
        conn.send(("ok", fn()))
    except BaseException as error:  # noqa: BLE001 - reported to the parent, which re-raises
        traceback.print_exc()  # the child's stderr is the build's: the details stay visible
        conn.send(("error", f"{type(error).__name__}: {error}"))
    finally:
        conn.close()


class Background:
    """``fn()`` in a forked child (or at ``result()`` in this process when fork is missing)."""

    def __init__(self, fn: Callable[[], Any], enabled: bool = True):
        self.fn = fn
        self.proc = None
        if enabled and can_fork():
            ctx = mp.get_context("fork")
            self.conn, child = ctx.Pipe(duplex=False)
            self.proc = ctx.Process(target=_run_child, args=(child, fn), daemon=True)
            self.proc.start()
            child.close()

    def result(self) -> Any:
        if self.proc is None:
            return self.fn()
        try:
            status, value = self.conn.recv()
        except EOFError:
            self.proc.join()
            raise BuildError(f"a build worker died (exit status {self.proc.exitcode})") from None
        self.proc.join()
        if status != "ok":
            raise BuildError(f"a build worker failed: {value}")
        return value

    def cancel(self) -> None:
        if self.proc is not None and self.proc.is_alive():
            self.proc.terminate()
            self.proc.join()
