"""The write phase: resolved records -> every output file of a build, inside a staging folder.

The records are mapped and serialised chunk by chunk (``kg.workers.serialise_chunks``:
forked workers with ``jobs`` > 1), so all the quads never live in one process at once:

1. graph.trig, a temporary N-Quads and N-Triples copy, and the expanded JSON-LD are
   streamed to disk chunk after chunk, in article order;
2. a thread bulk-loads the store from the N-Quads (named graphs) and the N-Triples
   (the default graph: the store keeps each triple once, which is the union), then
   dumps graph.ttl from that default graph; Oxigraph releases the GIL meanwhile;
3. the explorer page is drawn from the N-Quads (in a forked child with ``jobs`` > 1);
4. a small build's JSON-LD is rewritten compact with the published context.

``kg.build`` then commits the staging folder atomically.
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from dataclasses import asdict
from pathlib import Path

import pyoxigraph as ox

from .export import COMPACT_JSONLD_MAX_QUADS, FORMATS, serialize
from .graph import PREFIXES, dataset_from_quads
from .model import Extraction, Resolution
from .store import STORE_DIRNAME, open_read_only, write_store
from .workers import Background, ChunkFiles, serialise_chunks

_NQUADS = ".quads.nq"  # temporary, inside the staging folder
_NTRIPLES = ".union.nt"
_JSONLD = ".expanded.jsonld"


def write_file(path: Path, text: str | bytes) -> str:
    """Write, fsync, make world-readable; return the sha256 of the bytes."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.chmod(path, 0o644)
    return hashlib.sha256(data).hexdigest()


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


def _explorer(nquads: Path, target: Path) -> str:
    from .viz import render_explorer
    return write_file(target, render_explorer(ox.parse(path=str(nquads),
                                                       format=ox.RdfFormat.N_QUADS)))


def _store_and_turtle(staging: Path) -> int:
    """Write DIR/store, then graph.ttl from its default graph; return the number of triples."""
    write_store(staging / STORE_DIRNAME, trig_path=staging / _NQUADS,
                union_path=staging / _NTRIPLES)
    store = open_read_only(staging / STORE_DIRNAME)
    store.dump(str(staging / FORMATS["ttl"][1]), format=ox.RdfFormat.TURTLE,
               from_graph=ox.DefaultGraph(), prefixes=PREFIXES)
    rows = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    count = int(next(iter(rows))["n"].value)
    del store
    return count


def write_staging(staging: Path, extractions: list[Extraction], resolution: Resolution,
                  jobs: int = 1, stages: dict[str, float] | None = None
                  ) -> tuple[dict[str, str], dict[str, int]]:
    """Every output of the build in ``staging``; returns (sha256 per file, counts)."""
    stages = stages if stages is not None else {}
    clock = time.perf_counter()
    nquads, ntriples, expanded = staging / _NQUADS, staging / _NTRIPLES, staging / _JSONLD
    trig = staging / FORMATS["trig"][1]
    n_quads = serialise_chunks(extractions, resolution, jobs,
                               ChunkFiles(trig, nquads, ntriples, expanded))
    stages["rdf_mapping"], clock = _lap(clock)
    digests = {trig.name: file_digest(trig)}
    explorer = Background(lambda: _explorer(nquads, staging / "explorer.html"), enabled=jobs > 1)
    result: dict[str, int] = {}
    errors: list[BaseException] = []

    def store_job() -> None:
        try:
            result["triples"] = _store_and_turtle(staging)
        except BaseException as error:  # noqa: BLE001 - re-raised by the main thread
            errors.append(error)

    store = threading.Thread(target=store_job, name="kg-store")
    store.start()
    try:
        jsonld = staging / FORMATS["jsonld"][1]
        if n_quads <= COMPACT_JSONLD_MAX_QUADS:  # small: compact, with the published context
            quads = list(ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS))
            digests[jsonld.name] = write_file(jsonld, serialize(dataset_from_quads(quads), "jsonld"))
            expanded.unlink()
        else:
            os.replace(expanded, jsonld)
            digests[jsonld.name] = file_digest(jsonld)
        stages["jsonld"], clock = _lap(clock)
        digests["explorer.html"] = explorer.result()
        stages["explorer"], clock = _lap(clock)
    except BaseException:
        explorer.cancel()
        raise
    finally:
        store.join()  # before anyone removes the staging folder under it
    if errors:
        raise errors[0]
    stages["store_and_turtle"], clock = _lap(clock)
    digests[FORMATS["ttl"][1]] = file_digest(staging / FORMATS["ttl"][1])
    nquads.unlink()
    ntriples.unlink()
    return digests, {"triples": result["triples"], "quads": n_quads}


def merges_json(resolution: Resolution) -> str:
    return json.dumps([asdict(m) for m in resolution.merges], ensure_ascii=False, indent=1)
