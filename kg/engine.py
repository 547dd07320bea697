"""Where extraction runs: this process, a local process pool, or a Dask cluster; and what is re-run.

Every engine applies the same per-article function, ``kg.build.process_file``,
and yields ``(Extraction | None, FileReport)`` in input order, lazily, so a
build never holds more than a bounded window of texts:

- ``run_local(paths, jobs)``: in this process (jobs 1) or a process pool; the
  workers read the files themselves.
- ``run_dask(paths, address)``: on an existing ``distributed`` scheduler. The
  workers need not share our filesystem, so we send each file's name and
  bytes (in batches, a few batches in flight at a time); a worker writes them
  to a private temporary folder under the same name and runs process_file
  there, so a file gives the same result on either engine.

``extract(paths, out, ...)`` puts the incremental cache (kg.cache) in front of
an engine: files whose key is cached are not sent at all.

Example:
    >>> [rep.status for _, rep in run_local(["data/articles/000_2359d3971b14e0d4.txt"])]
    ['ok']
"""
from __future__ import annotations

import hashlib
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from .build import FileReport, process_file
from .cache import ExtractionCache, FileKeys, MentionIndex
from .errors import BuildError
from .model import Extraction
from .reader import DEFAULT_MAX_BYTES
from .resolve import ArticleMentions, mentions_of

Result = tuple[Extraction | None, FileReport]
Runner = Callable[[Sequence[Path]], Iterator[Result]]
ENGINES = ("local", "dask")


def run_local(paths: Sequence[str | Path], jobs: int = 1,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Result]:
    """process_file over the paths, in order: here, or in ``jobs`` worker processes."""
    if jobs <= 1 or len(paths) < 2:
        for p in paths:
            yield process_file(p, max_bytes)
        return
    from concurrent.futures import ProcessPoolExecutor

    # chunks amortise the pickling round trip; the workers read the texts, we never hold them
    chunk = max(1, min(64, len(paths) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(partial(process_file, max_bytes=max_bytes), paths, chunksize=chunk)


def process_payload(name: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Result:
    """process_file on bytes sent from elsewhere; the report names the original path."""
    with tempfile.TemporaryDirectory(prefix="kg-worker-") as tmp:
        local = Path(tmp) / Path(name).name
        local.write_bytes(data)
        ex, rep = process_file(local, max_bytes)
    return ex, replace(rep, file=name)


def process_batch(batch: list[tuple[str, bytes]], max_bytes: int = DEFAULT_MAX_BYTES) -> list[Result]:
    return [process_payload(name, data, max_bytes) for name, data in batch]


def _payloads(paths: Sequence[Path], max_bytes: int) -> Iterator[tuple[str, bytes] | Path]:
    """(name, bytes) to send; a path stands for a file that is skipped here, unread (too big, unreadable)."""
    for p in paths:
        try:
            if p.stat().st_size > max_bytes:
                yield p
                continue
            yield str(p), p.read_bytes()
        except OSError:
            yield p


def run_dask(paths: Sequence[str | Path], address: str, max_bytes: int = DEFAULT_MAX_BYTES,
             batch_size: int = 32, in_flight: int | None = None) -> Iterator[Result]:
    """process_file over the paths on the Dask cluster at ``address`` (tcp://HOST:PORT), in order."""
    try:
        from distributed import Client
    except ImportError as error:  # pragma: no cover - dask is a test and cluster dependency
        raise BuildError(f"the dask engine needs dask.distributed: {error}") from None
    paths = [Path(p) for p in paths]
    try:
        client = Client(address, timeout=30, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise BuildError(f"cannot reach the Dask scheduler at {address}: {error}") from None
    try:
        threads = sum(client.nthreads().values()) or 1
        window = in_flight or 2 * threads
        pending: deque = deque()  # futures, or local results, in input order
        batch: list[tuple[str, bytes]] = []

        def flush() -> None:
            if batch:
                pending.append(client.submit(process_batch, list(batch), max_bytes, pure=False))
                batch.clear()

        for item in _payloads(paths, max_bytes):
            if isinstance(item, Path):  # keep order: send what is batched, then this file's own result
                flush()
                pending.append([process_file(item, max_bytes)])
            else:
                batch.append(item)
                if len(batch) >= batch_size:
                    flush()
            while len(pending) > window:
                yield from _result(pending.popleft())
        flush()
        while pending:
            yield from _result(pending.popleft())
    finally:
        client.close()


def _result(item) -> list[Result]:
    return item if isinstance(item, list) else item.result()


class LocalRunner:
    """The local engine: a function of the paths to extract, which ``extract`` also asks to
    write the records straight to the cache from its workers (``spool_file``)."""

    def __init__(self, jobs: int = 1, max_bytes: int = DEFAULT_MAX_BYTES):
        self.jobs, self.max_bytes = jobs, max_bytes

    def __call__(self, paths: Sequence[str | Path]) -> Iterator[Result]:
        return run_local(paths, self.jobs, self.max_bytes)

    def spool_file(self, paths: Sequence[Path], keys: Sequence[str], directory: Path):
        return _spooled_local(paths, keys, directory, self.jobs, self.max_bytes)


def make_runner(engine: str = "local", jobs: int = 1, scheduler: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Runner:
    """The engine as a function of the paths to extract."""
    if engine == "local":
        return LocalRunner(jobs, max_bytes)
    if engine == "dask":
        if not scheduler:
            raise BuildError("--engine dask needs --scheduler tcp://HOST:PORT")
        return partial(run_dask, address=scheduler, max_bytes=max_bytes)
    raise BuildError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")


@dataclass
class ExtractStats:
    files: int = 0
    cached: int = 0
    extracted: int = 0
    removed: int = 0
    seconds: float = 0.0
    keys: dict[str, str] = field(default_factory=dict)  # path -> entry key
    # saves still running in forked children (``extract(..., background=True)``): the caller
    # waits for them with ``finish`` (or stops them with ``cancel`` when the build failed)
    pending: list = field(default_factory=list)

    def finish(self) -> None:
        """Wait for the background saves; the first failure is raised after all have ended."""
        pending, self.pending = self.pending, []
        errors = []
        for job in pending:
            try:
                job.result()
            except BaseException as error:  # noqa: BLE001 - re-raised below
                errors.append(error)
        if errors:
            raise errors[0]

    def cancel(self) -> None:
        pending, self.pending = self.pending, []
        for job in pending:
            job.cancel()


Slim = tuple[ArticleMentions | None, FileReport]


def spool_file(path: Path, key: str, directory: str, max_bytes: int = DEFAULT_MAX_BYTES
               ) -> tuple[ArticleMentions | None, FileReport, int]:
    """process_file in a worker that writes the full records to the cache or spool itself
    and sends back only the mentions (kg.resolve.ArticleMentions), the report and the
    entry's size: the build process never receives or holds the records."""
    ex, rep = process_file(path, max_bytes)
    size = ExtractionCache(directory, Path(directory)).put(key, (ex, rep))
    return (mentions_of(ex) if ex is not None else None), rep, size


INLINE_MAX = 8  # per job: fewer files than this are extracted in the build's own process


def _spooled_local(paths: Sequence[Path], keys: Sequence[str], directory: Path, jobs: int,
                   max_bytes: int) -> Iterator[tuple[ArticleMentions | None, FileReport, int]]:
    task = partial(spool_file, directory=str(directory), max_bytes=max_bytes)
    # a few files (an incremental build's changes) are extracted here: starting the workers
    # (fork, warm-up of the lexicons in each) costs as much as about 20 articles
    if jobs <= 1 or len(paths) < INLINE_MAX * jobs:
        yield from map(task, paths, keys)
        return
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(64, len(paths) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(task, paths, keys, chunksize=chunk)


def extract(paths: Sequence[Path], out: str | Path | None, runner: Runner,
            max_bytes: int = DEFAULT_MAX_BYTES, use_cache: bool = True, progress: bool = False,
            stats: ExtractStats | None = None, spool: ExtractionCache | None = None,
            background: bool = False) -> list[Slim]:
    """(mentions, report) for every path in order; the full records go to ``DIR/.cache``
    (or, with ``use_cache`` off, to ``spool``, which the caller makes with
    ``ExtractionCache.spool(out)`` and removes) under the keys in ``stats.keys``. Files whose
    key is in the cache's index are not extracted again.

    The local engine's workers write the records themselves (``spool_file``); any other
    runner (Dask, a test's) yields full results, which are written here. With ``background``
    the mentions index is saved by a forked child (the caller waits with ``stats.finish()``):
    at 10k articles, 0.35 s the build need not wait for before mapping."""
    start = time.perf_counter()
    stats = stats if stats is not None else ExtractStats()
    stats.files = len(paths)
    results: list[Slim | None] = [None] * len(paths)
    if use_cache and out is not None:
        cache = ExtractionCache(out)
        cache.drop_stale_versions()
        file_keys = FileKeys(cache, max_bytes)
        keys = [file_keys.key(p) for p in paths]
        file_keys.save()
    else:
        if spool is None:
            raise ValueError("extract without the cache needs a spool for the records")
        cache = spool
        keys = [hashlib.sha256(f"{i}".encode()).hexdigest() for i in range(len(paths))]
    index = MentionIndex(cache)
    known = index.load() if use_cache else {}
    entries: dict = {}
    todo: list[int] = []
    for i, p in enumerate(paths):
        hit = known.get(keys[i])
        if hit is not None and cache.size(keys[i]) == hit[2]:
            rep = hit[1]
            rep.file = str(p)  # a fresh object of this build's own (unpickled just now)
            results[i] = (hit[0], rep)
            entries[keys[i]] = hit
        else:
            todo.append(i)
    stats.cached = len(paths) - len(todo)
    stats.keys = {str(p): k for p, k in zip(paths, keys)}
    todo_paths, todo_keys = [paths[i] for i in todo], [keys[i] for i in todo]
    spooling = getattr(runner, "spool_file", None)
    if spooling is not None:
        produced = spooling(todo_paths, todo_keys, cache.dir)
    else:
        produced = _spool_here(runner(todo_paths), todo_keys, cache)
    if progress and todo:
        from tqdm import tqdm
        produced = tqdm(produced, total=len(todo), desc="extract", unit="article", file=sys.stderr,
                        dynamic_ncols=True, mininterval=0.5)
    for i, (mentions, rep, size) in zip(todo, produced):
        results[i] = (mentions, rep)
        entries[keys[i]] = (mentions, rep, size)
    stats.extracted = len(todo)
    if use_cache and out is not None:
        stats.removed = cache.keep_only(keys)
        if todo or len(known) != len(entries):
            if background:
                from .workers import Background
                stats.pending.append(Background(lambda: index.save(entries)))
            else:
                index.save(entries)
    stats.seconds = time.perf_counter() - start
    return results  # type: ignore[return-value]


def _spool_here(results: Iterator[Result], keys: Sequence[str], cache: ExtractionCache
                ) -> Iterator[tuple[ArticleMentions | None, FileReport, int]]:
    for key, (ex, rep) in zip(keys, results):
        size = cache.put(key, (ex, rep))
        yield (mentions_of(ex) if ex is not None else None), rep, size
