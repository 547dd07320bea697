"""The build: input files -> articles -> extractions -> resolution -> RDF -> output folder.

``process_file`` is the per-article unit of work (read, clean, extract); it
never raises for a bad file but returns a skipped ``FileReport`` with the
reason, so one bad file never stops the others. ``build`` runs it over the
inputs, resolves entities across articles and writes the outputs as one set:
every file (and the Oxigraph store) goes to a private staging folder, which is
renamed to ``DIR/.commit`` once complete (the commit point); its entries are
then renamed into place, report.json last. A build killed before the commit
point leaves the previous outputs untouched; one killed after it leaves a
complete ``.commit`` that the next build (or ``recover_outputs``) moves in
first. One build writes a folder at a time (a lock on ``DIR/.lock``). A large output
that a commit replaces is kept aside in ``DIR/.superseded`` (a hard link) and deleted
by the next build, in a thread, while it reads its inputs (``sweep_superseded``).

Exit status (``BuildResult.exit_status``): 0 every file read, 2 some skipped,
1 nothing built (and nothing written: also with ``strict`` when any file is skipped).

Example:
    >>> r = process_file("data/articles/000_2359d3971b14e0d4.txt")
    >>> r[1].status
    'ok'
"""
from __future__ import annotations

import fcntl
import gc
import itertools
import json
import os
import shutil
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BuildError, UnreadableInput
from .extract import EXTRACTOR_VERSION, extract
from .gcpause import paused_gc
from .ingest import clean
from .model import Extraction
from .reader import DEFAULT_MAX_BYTES, read_file
from .resolve import ArticleMentions, mentions_of, resolve_mentions
from .spool import Records, SpooledRecords, as_records, dead_spools

OUTPUT_FILES = ("graph.trig", "graph.ttl", "graph.jsonld", "explorer.html", "report.json",
                "merges.json")
# the order of the final renames: report.json, which names every other file's sha256, last
OUTPUT_ORDER = ("store", "graph.trig", "graph.ttl", "graph.jsonld", "explorer.html", "merges.json",
                "report.json")


@dataclass
class FileReport:
    file: str
    status: str  # "ok" | "skipped"
    reason: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    published: str | None = None
    locality: str | None = None


def _report_row(r: FileReport) -> dict:
    return {"file": r.file, "status": r.status, "reason": r.reason, "counts": r.counts,
            "warnings": r.warnings, "published": r.published, "locality": r.locality}


def _report_text(report: dict, rows: Iterable[dict]) -> Iterable[str]:
    """report.json in pieces: the summary indented, then ``files``, one row per line."""
    from .write import json_rows
    head = json.dumps(report, ensure_ascii=False, indent=1)
    return itertools.chain([head[:-2] + ',\n "files": '], json_rows(rows), ["\n}"])


@dataclass
class BuildResult:
    out: Path
    files: list[FileReport]
    counts: dict[str, int]
    exit_status: int
    seconds: float


def list_inputs(inputs: Sequence[str | Path]) -> list[Path]:
    """Every file directly in the given folders (names starting with a dot left out), and files.

    Subfolders are not entered: a corpus folder often has its annotations beside the articles
    (``kg synth``'s gold/), and a build must never read them.
    """
    paths: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            # scandir: the entry's type comes with its name (no stat per file); by name:
            # Path.__lt__ is slow
            with os.scandir(p) as entries:
                found = sorted((e.name, e.is_dir()) for e in entries)
            # not only regular files: a broken link or a pipe is reported, not silently left out
            paths.extend(p / name for name, is_dir in found
                         if not is_dir and not name.startswith("."))
        else:
            paths.append(p)
    return paths


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def process_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES
                 ) -> tuple[Extraction | None, FileReport]:
    """Read, clean and extract one file; a file that can't be read gives a skipped report."""
    path = Path(path)
    try:
        raw = read_file(path, max_bytes=max_bytes)
        article = clean(path.name, raw)
        if not article.text.strip():
            raise UnreadableInput("no article text after removing site chrome")
        ex = extract(article)
    except UnreadableInput as error:
        return None, FileReport(str(path), "skipped", str(error))
    except Exception as error:  # an extractor bug must not stop the other files
        return None, FileReport(str(path), "skipped",
                                f"extraction failed: {type(error).__name__}: {error}")
    counts = {kind: len(getattr(ex, kind)) for kind in
              ("persons", "positions", "organisations", "events", "countries", "documents")}
    return ex, FileReport(str(path), "ok", "", counts, list(ex.warnings),
                          ex.article.published, ex.article.locality)


COMMIT_DIRNAME = ".commit"
STAGING_PREFIX = ".staging-"
LOCK_NAME = ".lock"
_MANIFEST = "MANIFEST.json"


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _apply_commit(out: Path, commit: Path) -> None:
    """Rename the committed entries into ``out`` (idempotent: a rerun skips what already moved)."""
    names = json.loads((commit / _MANIFEST).read_text(encoding="utf-8"))
    token = os.urandom(6).hex()
    for name in names:
        src, dst = commit / name, out / name
        if not os.path.lexists(src):
            continue
        if src.is_dir():  # rename(2) cannot replace a non-empty folder: move the old one aside
            if os.path.lexists(dst):
                old = commit / f".old-{name}"
                shutil.rmtree(old, ignore_errors=True)
                os.replace(dst, old)
            os.replace(src, dst)
        else:
            _keep_aside(dst, out / SUPERSEDED_DIRNAME, token)
            os.replace(src, dst)
    _fsync(out)
    shutil.rmtree(commit, ignore_errors=True)


SUPERSEDED_DIRNAME = ".superseded"
_ASIDE_MIN_BYTES = 8 << 20


def _keep_aside(path: Path, superseded: Path, token: str) -> None:
    """Hard-link a large output about to be replaced into ``superseded``: the rename that
    replaces it then frees no blocks, which on a disk mounted with ``discard`` costs 0.2 s
    per 150 MB, at the end of the build; ``sweep_superseded`` deletes it during the next
    build, in a thread, while that build reads its inputs."""
    try:
        st = path.stat()
        if st.st_size >= _ASIDE_MIN_BYTES and stat.S_ISREG(st.st_mode):
            superseded.mkdir(exist_ok=True)
            os.link(path, superseded / f"{token}-{path.name}")
    except OSError:  # no such file, or no hard links here: the rename frees it, as before
        pass


def sweep_superseded(out: Path) -> threading.Thread | None:
    """Start deleting the outputs earlier builds replaced (``_keep_aside``); join the thread
    before returning. Their names are unique, so a build committing meanwhile is safe."""
    superseded = out / SUPERSEDED_DIRNAME
    if not superseded.is_dir():
        return None

    def sweep() -> None:
        for entry in list(os.scandir(superseded)):
            try:
                os.unlink(entry.path)
            except OSError:
                pass
        try:
            superseded.rmdir()
        except OSError:  # not empty: a commit put a file there meanwhile
            pass
    thread = threading.Thread(target=sweep, name="kg-sweep")
    thread.start()
    return thread


def recover_outputs(out: str | Path) -> bool:
    """Finish the commit a killed build left in ``out``; remove dead builds' staging folders.

    Call with the output folder's lock held (``write_outputs`` does). Returns
    True when a pending commit was moved in.
    """
    out = Path(out)
    commit = out / COMMIT_DIRNAME
    moved = False
    if (commit / _MANIFEST).is_file():
        _apply_commit(out, commit)
        moved = True
    elif os.path.lexists(commit):  # renamed in only after its manifest: cannot be partial
        shutil.rmtree(commit, ignore_errors=True)
    for staging in [*out.glob(STAGING_PREFIX + "*"), *dead_spools(out)]:
        shutil.rmtree(staging, ignore_errors=True)
    return moved


def write_outputs(out: Path, extractions: Sequence[Extraction] | Records, reports: list[FileReport],
                  seconds: float, overrides: dict[tuple[str, str], str] | None = None,
                  jobs: int = 1, file_keys: dict[str, str] | None = None,
                  mentions: Sequence[ArticleMentions] | None = None, store: bool = True
                  ) -> dict[str, int]:
    """Resolve, map to RDF and write every output as one set (see the module doc); returns the counts.

    ``extractions`` are the articles' records, in memory or spooled on disk (kg.spool);
    ``mentions`` what resolution needs of each (computed here when not given). The files
    are written by ``kg.write.write_staging`` (with ``jobs`` > 1 the mapping runs in forked
    workers) into a staging folder committed at once; without ``store``, no SPARQL store.
    """
    from .delta import article_signatures
    stages: dict[str, float] = {"extract": round(seconds, 3)}
    clock = time.perf_counter()
    records = as_records(extractions)
    if mentions is None:
        mentions = [mentions_of(ex) for ex in records.load(0, len(records))]
    with paused_gc():
        resolution = resolve_mentions(mentions, overrides=overrides)
    # with the cache on: a signature per article graph, so the next build can update the store
    signatures = article_signatures(records.names, resolution, file_keys) if file_keys else None
    stages["resolve"] = round(time.perf_counter() - clock, 3)
    # what is held now lives to the end: a full GC pass over it at every collection the write
    # phase triggers would cost more than the mapping (and would copy it into forked workers)
    gc.freeze()
    try:
        return _write_locked(out, records, reports, seconds, resolution, mentions, signatures,
                             jobs, stages, store)
    finally:
        gc.unfreeze()


def _write_locked(out: Path, records: Records, reports: list[FileReport], seconds: float,
                  resolution, mentions: Sequence[ArticleMentions], signatures, jobs: int,
                  stages: dict[str, float], store: bool = True) -> dict[str, int]:
    from .delta import forget_state, load_state, plan_store_update, previous_outputs, save_state
    from .store import store_path
    from .workers import Background
    from .write import merges_json, write_file, write_staging
    out.mkdir(parents=True, exist_ok=True)
    with open(out / LOCK_NAME, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released by the kernel if this process dies
        recover_outputs(out)
        state = load_state(out) if signatures else None
        update = plan_store_update(out, signatures, state) if store else None
        if not store:
            # removed before anything is written: a build that fails then leaves the previous
            # outputs without a store (queries read graph.trig), never a store of other files
            shutil.rmtree(store_path(out), ignore_errors=True)
        # unchanged chunks can be copied from the committed files unless every chunk's TriG
        # must be made to load a new store in full
        previous = previous_outputs(out, state) if update or not store else None
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
        # merges.json needs only the resolution: a forked child writes it (a row per merged
        # mention: 60k rows at 10k articles) while the graph files are made. (Not the
        # report's rows too: reading every file's report in the child copies the pages
        # they lie on, 60 MB at 10k articles.)
        merges = Background(lambda: write_file(staging / "merges.json", merges_json(resolution)),
                            enabled=jobs > 1)
        try:
            from .cache import ChunkCache
            digests, sizes = write_staging(staging, records, resolution, jobs, stages, update,
                                           ChunkCache(out) if signatures else None, signatures,
                                           previous, store)
            digests["merges.json"] = merges.result()
            counts = {
                "files": len(reports),
                "articles": len(records),
                "skipped": sum(r.status == "skipped" for r in reports),
                "persons": sum(e.kind == "person" for e in resolution.entities.values()),
                "organisations": sum(e.kind == "organisation"
                                     for e in resolution.entities.values()),
                "events": sum(m.events for m in mentions),
                "positions": sum(m.positions for m in mentions),
                "documents": len({c for m in mentions for c in m.documents}),
                "countries": len({c for m in mentions for c in m.countries}),
                "triples": sizes["triples"],
                "merges": len(resolution.merges),
            }
            # sha256 of each file beside it lets a reader check that the set is one build's
            made = ({"mode": "updated", "graphs_loaded": len(update.add),
                     "graphs_removed": len(update.remove)} if update
                    else {"mode": "loaded"} if store else {"mode": "none"})
            report = {"extractor_version": EXTRACTOR_VERSION, "seconds": round(seconds, 3),
                      "stages": stages, "counts": counts, "store": made, "outputs": digests}
            write_file(staging / "report.json", _report_text(report, map(_report_row, reports)))
            (staging / _MANIFEST).write_text(json.dumps(
                [n for n in OUTPUT_ORDER if os.path.lexists(staging / n)]), encoding="utf-8")
            _fsync(staging)
            os.replace(staging, out / COMMIT_DIRNAME)  # the commit point
        except BaseException:
            merges.cancel()
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _apply_commit(out, out / COMMIT_DIRNAME)
        if signatures:
            save_state(out, signatures, digests["graph.trig"], sizes.get("layout"),
                       sizes.get("chunked", False))
        else:
            forget_state(out)
    return counts


def add_store(out: str | Path) -> int:
    """Write ``out``/store from the committed build's graph.trig and graph.ttl (a build made
    with ``store=False``); returns its number of quads. Under the build lock, so no build
    commits other files meanwhile; the next incremental build then updates this store."""
    from .store import store_path, write_store
    out = Path(out)
    with open(out / LOCK_NAME, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        recover_outputs(out)
        trig, union = out / "graph.trig", out / "graph.ttl"
        if not trig.is_file() or not union.is_file():
            raise BuildError(f"{out}: no graph.trig and graph.ttl (run `kg build` first)")
        n = write_store(store_path(out), trig_path=trig, union_path=union) or 0
        _record_store(out / "report.json", {"mode": "loaded", "by": "kg store"})
        return n


def _record_store(path: Path, made: dict) -> None:
    """Set report.json's ``store`` (replaced whole through a temporary file: a reader sees
    the old report or the new one)."""
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return  # no report to correct (a build always writes one; kept as found if damaged)
    from .write import write_file
    report["store"] = made
    rows = report.pop("files", [])
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    write_file(tmp, _report_text(report, rows))
    os.replace(tmp, path)


def build(inputs: Sequence[str | Path], out: str | Path, jobs: int = 1,
          max_bytes: int = DEFAULT_MAX_BYTES, progress: bool = False,
          runner: Callable | None = None, engine: str = "local", scheduler: str | None = None,
          cache: bool = True, strict: bool = False,
          overrides: dict[tuple[str, str], str] | None = None, store: bool = True) -> BuildResult:
    """Build the knowledge graph of the input files into ``out``.

    Extraction runs on ``engine`` ("local": ``jobs`` processes; "dask": the
    cluster at ``scheduler``); with ``cache`` it reuses the extractions of
    unchanged files from ``out/.cache`` (kg.engine, kg.cache). With ``strict``
    a single skipped file means exit status 1 and nothing written. Without ``store`` no
    SPARQL store is written (and a previous build's is removed): a third of a large build's
    CPU (docs/scale.md); ``kg query`` then reads graph.trig and ``kg serve`` loads it.
    """
    start = time.perf_counter()
    out = Path(out)
    paths = list_inputs(inputs)
    if not paths:
        raise BuildError(f"no input files in {', '.join(map(str, inputs))}")
    try:  # an unusable output folder is one clear error before any work, not a traceback later
        out.mkdir(parents=True, exist_ok=True)
        if not os.access(out, os.W_OK | os.X_OK):
            raise PermissionError(13, "Permission denied")
    except OSError as error:
        raise BuildError(f"cannot write the outputs to {out}: {error.strerror or error}") from None
    sweeper = sweep_superseded(out)
    try:
        return _build(paths, out, start, jobs, max_bytes, progress, runner, engine, scheduler,
                      cache, strict, overrides, store)
    finally:
        if sweeper is not None:
            sweeper.join()


def _build(paths: list[Path], out: Path, start: float, jobs: int, max_bytes: int,
           progress: bool, runner: Callable | None, engine: str, scheduler: str | None,
           cache: bool, strict: bool, overrides: dict[tuple[str, str], str] | None,
           store: bool = True) -> BuildResult:
    # Not regular files (broken links, pipes, devices) are refused here, never opened: a pipe blocks.
    odd = {i: process_file(p, max_bytes) for i, p in enumerate(paths) if not _is_regular(p)}
    regular = [p for i, p in enumerate(paths) if i not in odd]
    from .cache import ExtractionCache
    from .engine import ExtractStats, extract, make_runner
    stats = ExtractStats()
    if runner is None:
        runner = make_runner(engine, jobs, scheduler, max_bytes)
    # without the cache the records still go to disk (a spool in ``out``, removed below)
    spool = None if cache else ExtractionCache.spool(out)
    try:
        results = extract(regular, out, runner, max_bytes, use_cache=cache, progress=progress,
                          stats=stats, spool=spool, background=jobs > 1) if regular else []
        it = iter(results)
        results = [odd[i] if i in odd else next(it) for i in range(len(paths))]
        reports = [rep for _, rep in results]
        for rep in reports:
            if rep.status == "skipped":
                print(f"kg: skipped {rep.file}: {rep.reason}", file=sys.stderr)
        skipped = sum(rep.status == "skipped" for rep in reports)
        mentions = [m for m, _ in results if m is not None]
        if not mentions or (strict and skipped):
            return BuildResult(out, reports, {"files": len(reports), "articles": len(mentions),
                                              "skipped": skipped}, 1, time.perf_counter() - start)
        ok = [rep for m, rep in results if m is not None]
        records = SpooledRecords([m.name for m in mentions], [stats.keys[r.file] for r in ok],
                                 [r.file for r in ok], spool or ExtractionCache(out), max_bytes)
        try:
            # the cache key of each article's file (with the cache on): kg.delta's signatures
            file_keys = dict(zip(records.names, records.keys)) if cache else None
            counts = write_outputs(out, records, reports, time.perf_counter() - start, overrides,
                                   jobs=jobs if engine == "local" else max(jobs, 2),
                                   file_keys=file_keys, mentions=mentions, store=store)
        except OSError as error:  # disk full, no permission: the previous outputs stay as they were
            raise BuildError(f"cannot write the outputs to {out}: "
                             f"{error.strerror or error}") from None
    except BaseException:
        stats.cancel()
        raise
    finally:
        try:
            stats.finish()  # the mentions index, saved by a child meanwhile
        finally:
            if spool is not None:
                spool.remove()
    status = 2 if counts["skipped"] else 0
    return BuildResult(out, reports, counts, status, time.perf_counter() - start)
