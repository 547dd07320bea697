"""The articles' records as the write phase reads them: in memory, or on disk chunk by chunk.

A large build must not hold every extraction in one process (0.16 MB an article: 16 GB at
100k articles). So extraction writes each article's full records to disk (the incremental
cache, ``kg.cache.ExtractionCache``, or with ``--no-cache`` a spool of the same layout that
the build removes), and the build keeps in memory only what resolution needs
(``kg.resolve.ArticleMentions``). The RDF mapping workers then read the full records of
their own chunk of articles (``Records.load``), so no process holds all of them.

``InMemoryRecords`` serves extractions a caller already holds (the library API, tests);
``SpooledRecords`` reads them back by cache key, and an entry that proves unreadable (a
disk error, a damaged file) is extracted again from its source file, so a build never
fails on its own cache.

Example:
    >>> InMemoryRecords([]).names
    []
"""
from __future__ import annotations

import fcntl
import os
from collections.abc import Sequence
from pathlib import Path

from .model import Extraction


class Records:
    """The extractions of a build's articles, in article order, read a chunk at a time."""

    names: list[str]

    def __len__(self) -> int:
        return len(self.names)

    def load(self, start: int, end: int) -> list[Extraction]:
        """The extractions of articles ``start`` to ``end`` (exclusive)."""
        raise NotImplementedError

    def load_indices(self, indices: Sequence[int]) -> list[Extraction]:
        return [self.load(i, i + 1)[0] for i in indices]


class InMemoryRecords(Records):
    def __init__(self, extractions: Sequence[Extraction]):
        self.extractions = list(extractions)
        self.names = [ex.article.name for ex in self.extractions]

    def load(self, start: int, end: int) -> list[Extraction]:
        return self.extractions[start:end]

    def load_indices(self, indices: Sequence[int]) -> list[Extraction]:
        return [self.extractions[i] for i in indices]


class SpooledRecords(Records):
    """Extractions pickled under their cache keys (``kg.cache.ExtractionCache`` layout)."""

    def __init__(self, names: Sequence[str], keys: Sequence[str], paths: Sequence[str],
                 cache, max_bytes: int):
        self.names, self.keys, self.paths = list(names), list(keys), list(paths)
        self.cache, self.max_bytes = cache, max_bytes

    def _one(self, i: int) -> Extraction:
        hit = self.cache.get(self.keys[i])
        if hit is not None and hit[0] is not None:
            return hit[0]
        # unreadable entry: the source file has the bytes the key was made from, so extracting
        # it again gives the same records
        from .build import process_file
        ex, rep = process_file(self.paths[i], self.max_bytes)
        if ex is None:
            raise OSError(f"{self.paths[i]}: its cached records are unreadable and it can no "
                          f"longer be extracted: {rep.reason}")
        self.cache.put(self.keys[i], (ex, rep))
        return ex

    def load(self, start: int, end: int) -> list[Extraction]:
        return [self._one(i) for i in range(start, min(end, len(self.names)))]

    def load_indices(self, indices: Sequence[int]) -> list[Extraction]:
        return [self._one(i) for i in indices]


def as_records(extractions: Sequence[Extraction] | Records) -> Records:
    return extractions if isinstance(extractions, Records) else InMemoryRecords(extractions)


OWNER = ".owner"


def claim(directory: Path) -> int:
    """Lock a spool for this process (the kernel drops the lock when it dies); returns the fd."""
    fd = os.open(directory / OWNER, os.O_CREAT | os.O_RDWR, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def dead_spools(out: Path) -> list[Path]:
    """Spools in ``out`` whose build died before removing them (``kg.build.recover_outputs``):
    those whose owner lock can be taken. A live build's spool is never listed."""
    dead = []
    for d in sorted(out.glob(".spool-*")):
        try:
            fd = os.open(d / OWNER, os.O_RDWR)
        except OSError:
            dead.append(d)  # died before it could claim it
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            dead.append(d)
        except OSError:
            pass
        finally:
            os.close(fd)
    return dead
