"""The write phase on several cores: RDF mapping in forked workers, the explorer in a child.

After resolution the build holds every extraction and the resolution in memory;
forked processes inherit them without pickling (copy-on-write), so

- ``map_parallel`` maps contiguous chunks of articles to quads in ``jobs``
  workers; each returns its chunk as N-Quads bytes (Oxigraph writes and parses
  them in Rust), and the chunks are joined in article order, so the quads are
  exactly those of ``kg.graph.to_quads`` in the same order;
- ``Background`` runs one function (the explorer page) in a forked child while
  this process serialises the graph and writes the store, and hands back its
  result or raises its error as a BuildError (one line for the CLI).

Fork is POSIX-only; elsewhere (or with one job) the same work runs in this process.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import traceback
from collections.abc import Callable, Sequence
from typing import Any

import pyoxigraph as ox

from .errors import BuildError
from .graph import to_quads
from .lexicon import Lexicon, load_lexicon
from .model import Extraction, Resolution

# Chunks small enough to balance two workers, large enough that each costs more than its IPC.
MIN_CHUNK = 64
_STATE: tuple | None = None  # (extractions, resolution, lexicon), set before forking


def can_fork() -> bool:
    return "fork" in mp.get_all_start_methods() and os.name == "posix"


def _map_chunk(bounds: tuple[int, int]) -> bytes:
    extractions, resolution, lexicon = _STATE  # type: ignore[misc]
    quads = to_quads(extractions[bounds[0]:bounds[1]], resolution, lexicon)
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


def map_parallel(extractions: Sequence[Extraction], resolution: Resolution, jobs: int,
                 lexicon: Lexicon | None = None) -> list[ox.Quad]:
    """``to_quads`` of the extractions, computed in ``jobs`` forked workers (same quads, same order)."""
    global _STATE
    lexicon = lexicon or load_lexicon()
    n = len(extractions)
    if jobs <= 1 or n < 2 * MIN_CHUNK or not can_fork():
        return to_quads(extractions, resolution, lexicon)
    size = max(MIN_CHUNK, -(-n // (jobs * 4)))
    bounds = [(i, min(n, i + size)) for i in range(0, n, size)]
    _STATE = (extractions, resolution, lexicon)
    try:
        with mp.get_context("fork").Pool(jobs) as pool:
            quads: list[ox.Quad] = []
            for data in pool.imap(_map_chunk, bounds):
                quads.extend(ox.parse(data, format=ox.RdfFormat.N_QUADS))
            return quads
    finally:
        _STATE = None


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
