"""The incremental build cache: one pickled extraction per input file, inside the output folder.

An entry's key is the sha256 of the file's name and bytes (and the size limit,
which decides whether a file is read at all); the cache folder's name is a
fingerprint of everything else extraction depends on: ``EXTRACTOR_VERSION``,
the bytes of every lexicon file and the source of the modules that read,
clean and extract. So a changed article, a new lexicon entry or an edited
extractor each invalidate exactly what they should, with no version bump to
forget. The cache lives in ``DIR/.cache/<fingerprint>/`` (CONTRACTS: a fresh
``--out`` is a full build); older fingerprints are removed when a build
starts, and entries of files no longer given are removed when it ends.

Beside the extractions the folder keeps what an incremental build reuses
(kg.delta): ``chunks/`` (``ChunkCache``: serialised chunks of articles keyed by
their articles' signatures) and ``store-state.json`` (the signatures of the
committed build, so the next one updates its store graph by graph).

The build still holds every extraction in memory until the graph is written
(about 0.2 MB per article with the write phase's processes: see docs/scale.md).

Example:
    >>> import tempfile
    >>> c = ExtractionCache(tempfile.mkdtemp())
    >>> c.get("0" * 64) is None
    True
"""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

CACHE_DIRNAME = ".cache"
_ROOT = Path(__file__).resolve().parent
# What an extraction depends on besides the file itself.
_CODE = ("reader.py", "ingest.py", "text.py", "model.py", "lexicon.py", "build.py")


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Hash of the extractor version, the lexicons and the extraction code."""
    from .extract import EXTRACTOR_VERSION
    from .lexicon import LEXICON_DIR

    h = hashlib.sha256(f"extractor {EXTRACTOR_VERSION}\n".encode())
    files = sorted(Path(LEXICON_DIR).rglob("*")) + [_ROOT / n for n in _CODE] \
        + sorted((_ROOT / "extract").rglob("*.py"))
    for f in files:
        if f.is_file():
            h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:20]


def file_key(path: str | Path, max_bytes: int) -> str:
    """Cache key of one input file: its name, its bytes and the size limit."""
    path = Path(path)
    h = hashlib.sha256(f"{path.name}\0{max_bytes}\0".encode())
    try:
        with open(path, "rb") as f:
            # a file over the limit is skipped unread, so its size stands for its bytes
            size = os.fstat(f.fileno()).st_size
            h.update(f.read() if size <= max_bytes else f"size {size}".encode())
    except OSError as error:  # unreadable now: never served from the cache
        h.update(f"error {error}".encode() + os.urandom(8))
    return h.hexdigest()


class ExtractionCache:
    """Pickled (extraction, report) pairs under ``root/.cache/<fingerprint>/``."""

    def __init__(self, root: str | Path):
        self.base = Path(root) / CACHE_DIRNAME
        self.dir = self.base / fingerprint()

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.pickle"

    def get(self, key: str):
        """The cached (Extraction | None, FileReport) of a key, or None."""
        try:
            with open(self._path(key), "rb") as f:
                return pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            return None  # missing, or unreadable after a crash or a code change: re-extract

    def put(self, key: str, value) -> None:
        """Store a pair, through a temporary file so a killed build never leaves half an entry."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    def drop_stale_versions(self) -> None:
        """Remove the entries of other fingerprints (an older extractor or lexicon)."""
        if self.base.is_dir():
            for d in self.base.iterdir():
                if d.is_dir() and d != self.dir:
                    shutil.rmtree(d, ignore_errors=True)

    def keep_only(self, keys: Iterable[str]) -> int:
        """Remove the entries whose key is not in ``keys`` (deleted or changed files); returns how many."""
        wanted = {f"{k}.pickle" for k in keys}
        removed = 0
        if self.dir.is_dir():
            for sub in self.dir.iterdir():
                if sub.name == CHUNKS_DIRNAME:  # the chunk cache keeps its own entries
                    continue
                for f in sub.iterdir() if sub.is_dir() else ():
                    if f.name not in wanted:
                        f.unlink(missing_ok=True)
                        removed += 1
        return removed


CHUNKS_DIRNAME = "chunks"


class ChunkCache:
    """Serialised chunks of articles (TriG, union lines, JSON-LD, quad count) under
    ``root/.cache/<fingerprint>/chunks/``, keyed by the signatures of their articles
    (kg.delta, kg.workers.serialise_chunks)."""

    def __init__(self, root: str | Path):
        self.dir = ExtractionCache(root).dir / CHUNKS_DIRNAME

    def _path(self, key: str) -> Path:
        return self.dir / f"{key}.pickle"

    def has(self, key: str) -> bool:
        return self._path(key).is_file()

    def get(self, key: str):
        try:
            with open(self._path(key), "rb") as f:
                return pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError):
            return None

    def put(self, key: str, value) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        path = self._path(key)
        fd, tmp = tempfile.mkstemp(dir=self.dir, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    def keep_only(self, keys: Iterable[str]) -> None:
        wanted = {f"{k}.pickle" for k in keys}
        if self.dir.is_dir():
            for f in self.dir.iterdir():
                if f.name not in wanted:
                    f.unlink(missing_ok=True)
