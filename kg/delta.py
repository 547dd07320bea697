"""What changed since the last build: the store updated graph by graph instead of rebuilt.

Bulk-loading the store is the largest cost of a build (about a third of its CPU), and an
incremental build used to pay it in full for a few changed articles. Now a build with the
cache on records a signature per article beside the cached extractions: a digest of the
file's cache key (its bytes and the extractor), of everything the RDF mapping reads from
the resolution for that article (the key, name, kind, locality and country of every entity
it names) and of the mapping code. An article whose signature is unchanged has the same
named graph as last time, so the next build copies the committed store (a RocksDB
checkpoint: hard links, instant) and replaces only the graphs of changed, added and deleted
articles, keeping the union in the default graph exact (a triple leaves it only when no
article graph holds it any more). tests/test_incremental.py checks that the store then
holds exactly the quads of a full build's.

Example:
    >>> plan_store_update(Path("/nonexistent"), {}) is None
    True
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from .model import Resolution

STATE_NAME = "store-state.json"
# Above this share of articles to replace, a full load is as cheap as the update.
MAX_SHARE = 0.3
# what the quads, their serialised chunks and the store depend on besides the records
_MAPPING_CODE = ("graph.py", "namespace.py", "iri.py", "text.py", "delta.py", "workers.py",
                 "jsonld.py", "store.py", "spool.py", "viz/fragments.py", "viz/records.py",
                 "viz/model.py")


@lru_cache(maxsize=1)
def mapping_fingerprint() -> str:
    """Hash of what turns records into quads: the mapping code, the extractor and lexicons."""
    from .cache import fingerprint

    root = Path(__file__).resolve().parent
    h = hashlib.blake2b(fingerprint().encode(), digest_size=16)
    for name in _MAPPING_CODE:
        h.update(name.encode() + b"\0" + (root / name).read_bytes())
    return h.hexdigest()


def article_signatures(names: Sequence[str], resolution: Resolution,
                       file_keys: dict[str, str]) -> dict[str, str] | None:
    """Article name -> signature of its named graph; None when an article has no file key
    (extracted without the cache) or two inputs share a name (their graphs share an IRI)."""
    if len(set(names)) != len(names) or any(n not in file_keys for n in names):
        return None
    fields: dict[str, str] = {}  # entity key -> what the mapping reads of it, as text
    entries: dict[str, list] = defaultdict(list)
    for (art, kind, mention), key in resolution.keys.items():
        if key not in fields:
            ent = resolution.entities.get(key)
            fields[key] = "\x1f".join(x or "" for x in (
                key, ent.name, ent.org_kind, ent.locality, ent.country)) if ent else key
        entries[art].append(f"{kind}\x1f{mention}\x1f{fields[key]}")
    base = mapping_fingerprint()
    out = {}
    for name in names:
        h = hashlib.blake2b(f"{base}\0{file_keys[name]}\0".encode(), digest_size=16)
        # (kind, mention) pairs are unique per article: sorting them is a total order
        h.update("\x1e".join(sorted(entries.get(name, ()))).encode())
        out[name] = h.hexdigest()
    return out


@dataclass
class StoreUpdate:
    """The committed store to start from and the article graphs to replace in it."""

    previous: Path
    add: set[str]  # article names whose graphs are (re)loaded
    remove: list[str]  # graph IRIs removed first (changed and deleted articles)


def _state_path(out: Path) -> Path:
    from .cache import ExtractionCache

    return ExtractionCache(out).dir / STATE_NAME


def load_state(out: Path) -> dict | None:
    """The recorded state of the build committed in ``out``, or None when there is none or it
    does not describe the committed outputs (another build's, damaged)."""
    try:
        state = json.loads(_state_path(out).read_text(encoding="utf-8"))
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    # the state must describe the committed store: the same graph.trig
    if not isinstance(state, dict) or not state.get("signatures") or \
            state.get("trig_sha256") != report.get("outputs", {}).get("graph.trig"):
        return None
    return state


def plan_store_update(out: Path, signatures: dict[str, str] | None,
                      state: dict | None = None) -> StoreUpdate | None:
    """The update from the committed build in ``out`` to one with these signatures, or None
    when the store must be loaded in full (no usable state, or too much changed)."""
    from .graph import article_iri
    from .store import has_store, store_path

    if not signatures or not has_store(out):
        return None
    state = state if state is not None else load_state(out)
    if state is None:
        return None
    old = state["signatures"]
    add = {name for name, sig in signatures.items() if old.get(name) != sig}
    gone = [name for name, sig in old.items() if signatures.get(name) != sig]
    if len(add) + len(gone) > MAX_SHARE * max(len(signatures), 1):
        return None
    return StoreUpdate(store_path(out), add, sorted(str(article_iri(n)) for n in gone))


CHUNKED_FILES = ("graph.trig", "graph.ttl", "graph.jsonld")


def previous_outputs(out: Path, state: dict | None):
    """The committed outputs as a source of unchanged chunks (kg.workers.Previous), when the
    state records where its chunks lie and the files are still the ones it describes."""
    from .workers import Previous

    if not state or not state.get("chunked") or not isinstance(state.get("layout"), dict):
        return None
    sizes = state.get("sizes") or {}
    for name in CHUNKED_FILES:
        try:
            if (out / name).stat().st_size != sizes.get(name):
                return None
        except OSError:
            return None
    return Previous(*(out / n for n in CHUNKED_FILES), state["layout"])


def save_state(out: Path, signatures: dict[str, str], trig_sha256: str,
               layout: dict[str, list[int]] | None = None, chunked: bool = False) -> None:
    """Record the signatures of the build just committed in ``out`` (atomically), and, when
    its TriG, Turtle and JSON-LD files are concatenations of chunks (``chunked``), where each
    chunk lies in them."""
    path = _state_path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    state = {"trig_sha256": trig_sha256, "signatures": signatures}
    if chunked and layout:
        state.update(chunked=True, layout=layout,
                     sizes={n: (out / n).stat().st_size for n in CHUNKED_FILES})
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(json.dumps(state))  # one string: json.dump writes it in thousands of pieces
    os.replace(tmp, path)


def forget_state(out: Path) -> None:
    """Drop the recorded signatures (a build without them must not leave stale ones)."""
    try:
        _state_path(out).unlink()
    except OSError:
        pass


def update_store(update: StoreUpdate, target: Path, nquads: bytes, ntriples: bytes) -> None:
    """A copy of the previous store at ``target`` with the removed graphs dropped and the
    added ones (``nquads``; ``ntriples``: the same triples without their graph) loaded; the
    default graph stays the set union of the article graphs."""
    from .graph import ARTICLE_SCOPED_IRIS

    # the read-only handle is a temporary: dropped (closed) before the copy is opened. No
    # gc.collect() here: this runs in a thread beside the build's main loop, and a full pass
    # over the objects that loop has just read (a million at 10k articles) holds the GIL
    ox.Store.read_only(str(update.previous)).backup(str(target))
    store = ox.Store(str(target))
    try:
        leaving: set = set()
        for iri in update.remove:
            graph = ox.NamedNode(iri)
            leaving.update(q.triple for q in store.quads_for_pattern(None, None, None, graph))
            store.remove_graph(graph)
        if nquads:
            store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS, lenient=True)
        # parse gives quads (in the default graph): their triples are what leaving holds
        arriving = {q.triple for q in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)} \
            if ntriples else set()
        if ntriples:
            store.bulk_load(ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph(),
                            lenient=True)
        default = ox.DefaultGraph()
        for t in leaving - arriving:
            # a triple about an article-scoped subject (its evidence, posts, events) can be
            # stated only by that article's graph, which is gone: no need to look
            held = not (isinstance(t.subject, ox.NamedNode) and
                        t.subject.value.startswith(ARTICLE_SCOPED_IRIS)) and \
                any(not isinstance(q.graph_name, ox.DefaultGraph) for q in
                    store.quads_for_pattern(t.subject, t.predicate, t.object, None))
            if not held:  # no article graph states it any more: it leaves the union
                store.remove(ox.Quad(t.subject, t.predicate, t.object, default))
        store.flush()
    finally:
        del store  # its only reference: RocksDB closes now, before the folder is renamed
