"""The build: input files -> articles -> extractions -> resolution -> RDF -> output folder.

``process_file`` is the per-article unit of work (read, clean, extract); it
never raises for a bad file but returns a skipped ``FileReport`` with the
reason, so one bad file never stops the others. ``build`` runs it over the
inputs, resolves entities across articles, writes every output to a staging
folder inside the output folder and then moves each file into place, so a
build killed at any moment leaves the previous outputs whole.

Exit status (``BuildResult.exit_status``): 0 every file read, 2 some skipped,
1 nothing built.

Example:
    >>> r = process_file("data/articles/000_2359d3971b14e0d4.txt")
    >>> r[1].status
    'ok'
"""
from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .errors import BuildError, UnreadableInput
from .export import FORMATS, atomic_write, serialize
from .extract import EXTRACTOR_VERSION, extract
from .graph import to_dataset
from .ingest import clean
from .model import Extraction
from .reader import DEFAULT_MAX_BYTES, read_file
from .resolve import resolve

OUTPUT_FILES = ("graph.trig", "graph.ttl", "graph.jsonld", "explorer.html", "report.json",
                "merges.json")


@dataclass
class FileReport:
    file: str
    status: str  # "ok" | "skipped"
    reason: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    published: str | None = None
    locality: str | None = None


@dataclass
class BuildResult:
    out: Path
    files: list[FileReport]
    counts: dict[str, int]
    exit_status: int
    seconds: float


def list_inputs(inputs: Sequence[str | Path]) -> list[Path]:
    """Every file of the given folders (recursively, names starting with a dot left out) and files."""
    paths: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                if f.is_file() and not any(part.startswith(".") for part in rel.parts):
                    paths.append(f)
        else:
            paths.append(p)
    return paths


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


def _progress(iterable: Iterable, total: int, enabled: bool, desc: str):
    if not enabled:
        return iterable
    from tqdm import tqdm
    return tqdm(iterable, total=total, desc=desc, unit="article", file=sys.stderr,
                dynamic_ncols=True, mininterval=0.5)


def extract_all(paths: list[Path], jobs: int = 1, max_bytes: int = DEFAULT_MAX_BYTES,
                progress: bool = False, runner: Callable | None = None
                ) -> list[tuple[Extraction | None, FileReport]]:
    """Run process_file over the paths, in this process or in ``jobs`` processes."""
    if runner is not None:
        return runner(paths)
    if jobs <= 1 or len(paths) < 2:
        return [process_file(p, max_bytes) for p in _progress(paths, len(paths), progress, "extract")]
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        it = pool.map(partial(process_file, max_bytes=max_bytes), paths, chunksize=16)
        return list(_progress(it, len(paths), progress, "extract"))


def write_outputs(out: Path, extractions: list[Extraction], reports: list[FileReport],
                  seconds: float) -> dict[str, int]:
    """Resolve, map to RDF and write every output file atomically; returns the counts."""
    resolution = resolve(extractions)
    ds = to_dataset(extractions, resolution)
    staging = out / ".staging"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    for fmt in ("trig", "ttl", "jsonld"):
        (staging / FORMATS[fmt][1]).write_text(serialize(ds, fmt), encoding="utf-8")
    from .viz import render_explorer
    (staging / "explorer.html").write_text(render_explorer(ds), encoding="utf-8")
    merges = [asdict(m) for m in resolution.merges]
    (staging / "merges.json").write_text(json.dumps(merges, ensure_ascii=False, indent=1),
                                         encoding="utf-8")
    counts = {
        "files": len(reports),
        "articles": len(extractions),
        "skipped": sum(r.status == "skipped" for r in reports),
        "persons": sum(e.kind == "person" for e in resolution.entities.values()),
        "organisations": sum(e.kind == "organisation" for e in resolution.entities.values()),
        "events": sum(len(x.events) for x in extractions),
        "positions": sum(len(x.positions) for x in extractions),
        "documents": len({d.code for x in extractions for d in x.documents}),
        "countries": len({c.code for x in extractions for c in x.countries}),
        "triples": len(ds),
        "merges": len(merges),
    }
    report = {"extractor_version": EXTRACTOR_VERSION, "seconds": round(seconds, 3),
              "counts": counts, "files": [asdict(r) for r in reports]}
    (staging / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1),
                                         encoding="utf-8")
    # The Oxigraph store (DIR/store) for fast queries: built beside, then swapped in by renames.
    from .store import STORE_DIRNAME, write_store
    write_store(out / STORE_DIRNAME, trig_path=staging / FORMATS["trig"][1])
    for name in OUTPUT_FILES:
        src = staging / name
        if src.exists():
            atomic_write(out / name, src.read_bytes())
    shutil.rmtree(staging, ignore_errors=True)
    return counts


def build(inputs: Sequence[str | Path], out: str | Path, jobs: int = 1,
          max_bytes: int = DEFAULT_MAX_BYTES, progress: bool = False,
          runner: Callable | None = None, engine: str = "local", scheduler: str | None = None,
          cache: bool = True) -> BuildResult:
    """Build the knowledge graph of the input files into ``out``.

    Extraction runs on ``engine`` ("local": ``jobs`` processes; "dask": the
    cluster at ``scheduler``); with ``cache`` it reuses the extractions of
    unchanged files from ``out/.cache`` (kg.engine, kg.cache).
    """
    start = time.perf_counter()
    out = Path(out)
    paths = list_inputs(inputs)
    if not paths:
        raise BuildError(f"no input files in {', '.join(map(str, inputs))}")
    if runner is not None:
        results = extract_all(paths, jobs, max_bytes, progress, runner)
    else:
        from .engine import extract, make_runner
        results = extract(paths, out, make_runner(engine, jobs, scheduler, max_bytes), max_bytes,
                          use_cache=cache, progress=progress)
    extractions = [ex for ex, _ in results if ex is not None]
    reports = [rep for _, rep in results]
    for rep in reports:
        if rep.status == "skipped":
            print(f"kg: skipped {rep.file}: {rep.reason}", file=sys.stderr)
    if not extractions:
        return BuildResult(out, reports, {"files": len(reports), "articles": 0}, 1,
                           time.perf_counter() - start)
    out.mkdir(parents=True, exist_ok=True)
    counts = write_outputs(out, extractions, reports, time.perf_counter() - start)
    status = 2 if counts["skipped"] else 0
    return BuildResult(out, reports, counts, status, time.perf_counter() - start)
