"""The write phase: resolved records -> every output file of a build, inside a staging folder.

The records are mapped and serialised chunk by chunk (``kg.workers.serialise_chunks``:
forked workers with ``jobs`` > 1), so all the quads never live in one process at once:

1. graph.trig, the union as Turtle (each triple once) and the JSON-LD (Oxigraph's,
   with compact IRIs under a context of prefixes: kg.jsonld) are streamed to disk chunk after chunk, in article order;
2. meanwhile a thread bulk-loads the store with each chunk's TriG as it arrives (the
   article graphs), then the union into the default graph; Oxigraph releases the GIL;
3. the explorer page: a small build's is drawn from the records (``kg.viz.records``: the
   same view model as from the RDF), in a child forked before anything else (with ``jobs``
   > 1); a large build's is the entity view, merged from the chunks' fragments as they
   arrive (``kg.viz.fragments``);
4. graph.ttl: a small build's is pretty Turtle dumped from the store; a large one's is the
   union as the chunks wrote it (each chunk's own triples as Turtle, then the entities'
   lines); a small build's JSON-LD is rewritten compact with the published context.

``kg.build`` then commits the staging folder atomically.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyoxigraph as ox

from .export import COMPACT_JSONLD_MAX_QUADS, FORMATS, serialize
from .gcpause import paused_gc
from .graph import PREFIXES, dataset_from_quads
from .model import Extraction, Resolution
from .spool import Records, as_records
from .store import STORE_DIRNAME, open_read_only, write_store
from .viz import render_view
from .viz.fragments import FragmentMerger, explorer_fragment
from .viz.measures import MeasuresMemo
from .workers import Background, ChunkFiles, serialise_chunks

_UNION = ".union.ttl"
_JSONLD = ".chunked.jsonld"


def write_file(path: Path, text: str | bytes | Iterable[str]) -> str:
    """Write (a text, bytes, or the pieces of a text one by one), fsync, make world-readable;
    return the sha256 of the bytes."""
    h = hashlib.sha256()
    with open(path, "wb") as f:
        for piece in ([text] if isinstance(text, (str, bytes)) else text):
            data = piece.encode("utf-8") if isinstance(piece, str) else piece
            f.write(data)
            h.update(data)
        f.flush()
        os.fsync(f.fileno())
    os.chmod(path, 0o644)
    return h.hexdigest()


def _published(path: Path, sha256: str) -> str:
    """A file written in pieces, whose digest was computed meanwhile: made world-readable."""
    os.chmod(path, 0o644)
    return sha256


def file_digest(path: Path) -> str:
    """sha256 of a file written in pieces (read back in blocks: it may be hundreds of MB)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    os.chmod(path, 0o644)
    return h.hexdigest()


def _lap(since: float) -> tuple[float, float]:
    now = time.perf_counter()
    return round(now - since, 3), now


# Above this many articles explorer.html is the entity view (kg.viz.fragments): the full
# view's page would be 58 MB at 10k articles (21k nodes, most of them events and articles)
# and cost the build a pass over every record; the entity view is made chunk by chunk.
EXPLORER_FULL_MAX_ARTICLES = 5000
MAX_EVIDENCE = 3  # facts kept per relation in the entity view (its edge counts them all)

# Up to this many quads graph.ttl is pretty Turtle (prefixes, grouped subjects) dumped from the
# store; above it, the union as the chunks wrote it (Turtle, written as they stream).
PRETTY_TURTLE_MAX_QUADS = 300_000


MEASURES_NAME = "measures.pickle"  # the explorer's measures, in the cache (kg.viz.measures)


def _explorer(records: Records, resolution: Resolution, target: Path, memo=None) -> str:
    """The explorer page, drawn from the records (kg.viz.records) rather than the RDF: the
    same view model (tested) without serialising and re-parsing millions of quads."""
    extractions = records.load(0, len(records))

    from .viz import render_view, view_model
    from .viz.records import record_index
    with paused_gc():  # millions of small objects and no cycles: the GC's passes cost ~25 %
        index = record_index(extractions, resolution)
        vm = view_model(index)
        del index  # the view model holds what the page needs: the index can go before the page
        return write_file(target, render_view(vm, memo=memo))


def _update_store(update, target: Path, records: Records, resolution: Resolution) -> None:
    """The previous store with only the changed articles' graphs replaced (kg.delta)."""
    from .delta import update_store
    from .graph import to_quads

    changed = records.load_indices([i for i, name in enumerate(records.names)
                                    if name in update.add])
    quads = to_quads(changed, resolution)
    update_store(update, target, ox.serialize(quads, format=ox.RdfFormat.N_QUADS),
                 ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES))


def write_staging(staging: Path, extractions: Sequence[Extraction] | Records,
                  resolution: Resolution,
                  jobs: int = 1, stages: dict[str, float] | None = None, update=None,
                  chunk_cache=None, signatures: dict[str, str] | None = None,
                  previous=None, store: bool = True) -> tuple[dict[str, str], dict]:
    """Every output of the build in ``staging``; returns (sha256 per file, counts and where
    the chunks lie in the files: ``layout``, and whether they are ``chunked``).

    With ``update`` (a ``kg.delta.StoreUpdate``) the store is the previous one with the
    changed articles' graphs replaced; otherwise it is loaded in full from the chunks. With a
    ``chunk_cache`` (kg.cache.ChunkCache) and the articles' ``signatures``, chunks made by an
    earlier build are copied from its outputs (``previous``, kg.workers.Previous) when the store
    is updated (or not written: ``store`` False), and every chunk made is kept."""
    import queue

    records = as_records(extractions)
    stages = stages if stages is not None else {}
    clock = time.perf_counter()
    ntriples, expanded = staging / _UNION, staging / _JSONLD
    trig, turtle = staging / FORMATS["trig"][1], staging / FORMATS["ttl"][1]
    # The explorer child is forked first, while this process has no other thread; it inherits
    # the records and draws the page while this process maps them to RDF.
    # A large build's explorer is the entity view (kg.viz.fragments): each chunk's part is
    # made by the worker that maps it, and merged here as the chunks arrive; a small build's
    # is the full view, drawn from all the records in a child forked before anything else.
    entity_view = len(records) > EXPLORER_FULL_MAX_ARTICLES
    merger = FragmentMerger(MAX_EVIDENCE) if entity_view else None
    drawn: dict[str, str] = {}

    # with the cache on, the graph measures of the last build are reused when its shape is
    # the same (new evidence about known entities: the usual incremental build)
    memo = MeasuresMemo(chunk_cache.dir.parent / MEASURES_NAME) if chunk_cache is not None \
        else None

    def draw_entity_view() -> None:
        with paused_gc():  # the merged view is trees of containers: half its time went to GC
            page = render_view(merger.view(), memo=memo, parallel=jobs > 1)
        drawn["explorer.html"] = write_file(staging / "explorer.html", page)

    explorer = None if entity_view else Background(
        lambda: _explorer(records, resolution, staging / "explorer.html", memo), enabled=jobs > 1)
    chunks: queue.Queue = queue.Queue(maxsize=8)  # bounded: a slow store slows the writer
    errors: list[BaseException] = []

    ended = threading.Event()

    def feed():
        while (item := chunks.get()) is not None:
            yield item
        ended.set()

    def store_job() -> None:
        try:
            if update is not None:
                _update_store(update, staging / STORE_DIRNAME, records, resolution)
            else:
                write_store(staging / STORE_DIRNAME, chunks=feed(), count=False)
        except BaseException as error:  # noqa: BLE001 - re-raised by the main thread
            errors.append(error)
            while update is None and not ended.is_set() and chunks.get() is not None:
                pass  # keep the writer from blocking on a full queue

    loader = threading.Thread(target=store_job, name="kg-store")
    feeding = store and update is None
    try:
        try:
            files = ChunkFiles(trig, ntriples, expanded)
            n_quads, n_triples = serialise_chunks(
                records, resolution, jobs, files,
                on_chunk=(lambda q, new: chunks.put((q, new))) if feeding else None,
                on_pool=loader.start if store else None, cache=chunk_cache,
                signatures=signatures, previous=previous,
                extra=explorer_fragment if entity_view else None,
                on_extra=merger.add if merger is not None else None,
                new_group=(lambda: FragmentMerger(MAX_EVIDENCE)) if merger is not None else None,
                on_group=merger.combine if merger is not None else None,
                on_done=draw_entity_view if merger is not None else None)
        finally:
            if loader.ident is not None and feeding:
                chunks.put(None)  # the end of the chunks
        stages["rdf_mapping"], clock = _lap(clock)
        digests = {trig.name: _published(trig, files.sha256[trig])}
        jsonld = staging / FORMATS["jsonld"][1]
        if n_quads <= COMPACT_JSONLD_MAX_QUADS:  # small: compact, with the published context
            quads = list(ox.parse(path=str(trig), format=ox.RdfFormat.TRIG))
            digests[jsonld.name] = write_file(jsonld, serialize(dataset_from_quads(quads), "jsonld"))
            expanded.unlink()
        else:
            os.replace(expanded, jsonld)
            digests[jsonld.name] = _published(jsonld, files.sha256[expanded])
        stages["jsonld"], clock = _lap(clock)
        if merger is not None:
            if "explorer.html" not in drawn:  # no chunk at all
                draw_entity_view()
            digests["explorer.html"] = drawn["explorer.html"]
            del merger
        else:
            digests["explorer.html"] = explorer.result()
        stages["explorer"], clock = _lap(clock)
    except BaseException:
        if explorer is not None:
            explorer.cancel()
        raise
    finally:
        if loader.ident is not None:
            loader.join()  # before anyone removes the staging folder under it
    if errors:
        raise errors[0]
    if n_quads <= PRETTY_TURTLE_MAX_QUADS:
        # without the build's store, the same dump from a scratch store of the union alone
        # (on disk too: RocksDB's order, not the memory store's)
        source = staging / (STORE_DIRNAME if store else ".union-store")
        if not store:
            write_store(source, union_path=ntriples, count=False)
        open_read_only(source).dump(str(turtle), format=ox.RdfFormat.TURTLE,
                                    from_graph=ox.DefaultGraph(), prefixes=PREFIXES)
        if not store:
            shutil.rmtree(source)
        ntriples.unlink()
        digests[turtle.name] = file_digest(turtle)
    else:
        os.replace(ntriples, turtle)
        digests[turtle.name] = _published(turtle, files.sha256[ntriples])
    stages["store_and_turtle"], clock = _lap(clock)
    # the three files are concatenations of chunks only when neither is rewritten whole
    chunked = n_quads > PRETTY_TURTLE_MAX_QUADS and n_quads > COMPACT_JSONLD_MAX_QUADS
    return digests, {"triples": n_triples, "quads": n_quads, "layout": files.layout,
                     "chunked": chunked}


def json_rows(rows: Iterable[dict]) -> Iterable[str]:
    """A JSON array with one row per line, in pieces (``write_file`` writes them as they
    come: merges.json has a row per merged mention, 700k at 100k articles): as readable as
    an indented dump, and made by the json module's C encoder (``indent`` makes it use its
    Python one, 10x slower)."""
    first = True
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder: dumps makes one a row
    for r in rows:
        yield ("[\n" if first else ",\n") + encode(r)
        first = False
    yield "[]" if first else "\n]"


def merges_json(resolution: Resolution) -> Iterable[str]:
    return json_rows({"key": m.key, "name": m.name, "mention": m.mention, "article": m.article,
                      "rule": m.rule} for m in resolution.merges)
