"""Scale benchmark: build throughput, stage costs, memory, incremental rebuilds, resolution growth.

Usage:
    python bench/bench_scale.py [--sizes 1000,10000] [--jobs 1,2] [--work /tmp/kg-bench]
                                [--resolve-sizes 1000,10000,100000] [--underthesea 200]
                                [--json results.json]

For each size N it writes a synthetic corpus (``kg synth N``, seed 1) and runs
``kg build -q --no-cache -j J`` in a subprocess, sampling the memory of the whole
process tree (psutil) for the peak: the sum of PSS (a page shared by forked processes
counted once, split among them) and, for comparison, the sum of RSS; articles/s = N / wall time; with each
build, the stage times it writes to its report.json (extraction, resolution, RDF
mapping and serialisation, JSON-LD, explorer, store and Turtle). It then times an
incremental rebuild after changing 10
articles (as a fraction of the full build with the cache on), resolution alone
on 1k/10k/100k extractions (the extractions of the corpus, repeated under new
article and person names), and, if installed, underthesea's NER on the same
texts (``pip install -e '.[bench]'``). Figures go to stdout (and --json).
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _rollup(pid: int) -> tuple[int, int] | None:
    """(PSS, RSS) in bytes from /proc/PID/smaps_rollup: the kernel's own sums, much cheaper to
    read than the full smaps psutil parses (sampling must not slow the build it measures)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            fields = dict(line.split(b":", 1) for line in f.read().splitlines()[1:] if b":" in line)
        return int(fields[b"Pss"].split()[0]) * 1024, int(fields[b"Rss"].split()[0]) * 1024
    except (OSError, KeyError, ValueError):
        return None


def _tree_memory(procs) -> tuple[int, int]:
    """(PSS, RSS) summed over processes. Forked workers share their parent's pages until they
    write them: RSS counts a shared page in every process, PSS divides it among them, so the
    PSS sum is the memory the tree really holds."""
    pss = rss = 0
    for p in procs:
        got = _rollup(p.pid)
        if got is None:
            try:
                info = p.memory_info()
            except psutil.Error:
                continue
            got = (info.rss, info.rss)
        pss += got[0]
        rss += got[1]
    return pss, rss


def run_build(args: list[str]) -> tuple[float, float, int, float]:
    """(seconds, peak MB of the process tree (PSS), exit status, peak MB summing RSS)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(proc.pid)
    peak = peak_rss = 0
    while proc.poll() is None:
        try:
            pss, rss = _tree_memory([parent] + parent.children(recursive=True))
            peak, peak_rss = max(peak, pss), max(peak_rss, rss)
        except psutil.Error:
            pass
        time.sleep(0.5)
    return time.perf_counter() - start, peak / 2**20, proc.returncode, peak_rss / 2**20


def corpus(work: Path, n: int) -> Path:
    from kg.synth import synth

    d = work / f"synth-{n}"
    if not (d / "articles").is_dir() or len(list((d / "articles").iterdir())) != n:
        synth(n, d, seed=1)
    return d / "articles"


def incremental(articles: Path, work: Path, jobs: int) -> dict[str, float]:
    out = work / f"incr-{articles.parent.name}"
    shutil.rmtree(out, ignore_errors=True)  # the first build must be a full one (a cold cache)
    full, _, _, _ = run_build([str(articles), "--out", str(out), "-q", "-j", str(jobs)])
    # the full build leaves its cache (a GB at 10k) to the kernel to write out; timed right
    # after it, the incremental build's fsyncs would wait for that write-back: not its cost
    os.sync()
    files = sorted(articles.iterdir())
    originals = {f: f.read_bytes() for f in files[:10]}
    try:
        for f in originals:
            f.write_text(f.read_text(encoding="utf-8") + "\nLiên hiệp đã tiếp đoàn bạn Lào.\n",
                         encoding="utf-8")
        again, _, _, _ = run_build([str(articles), "--out", str(out), "-q", "-j", str(jobs)])
    finally:
        for f, data in originals.items():
            f.write_bytes(data)
    return {"full_with_cache_s": full, "incremental_10_changed_s": again, "fraction": again / full}


def resolve_growth(out_dirs: list[Path], sizes: list[int]) -> dict[int, float]:
    """Seconds of the build's resolution (kg.resolve.resolve_mentions) over n articles'
    mentions (the corpus' own, renamed per copy); the mentions' blocking keys are computed in
    the extraction workers, so they are made before the clock starts."""
    from kg.gcpause import paused_gc
    from kg.model import Extraction
    from kg.resolve import mentions_of, resolve_mentions

    base: list[Extraction] = []
    for d in out_dirs:
        for f in sorted(d.glob("*/??/*.pickle")):  # the entries, one per article
            ex, _ = pickle.loads(f.read_bytes())
            if ex is not None:
                base.append(ex)
    if not base:
        return {}
    times = {}
    for n in sizes:
        exs = []
        for i in range(n):
            ex = base[i % len(base)]
            copy = i // len(base)
            tag = f" {copy}" if copy else ""
            exs.append(replace(
                ex, article=replace(ex.article, name=f"{copy}-{ex.article.name}"),
                persons=tuple(replace(p, name=p.name + tag) for p in ex.persons),
                positions=tuple(replace(p, person=p.person + tag) for p in ex.positions)))
        mentions = [mentions_of(ex) for ex in exs]
        del exs
        s = time.perf_counter()
        with paused_gc():  # as the build runs it (kg.build.write_outputs)
            resolve_mentions(mentions)
        times[n] = time.perf_counter() - s
    return times


def underthesea_rate(articles: Path, n: int) -> float | None:
    """underthesea NER articles/s on the first n texts (sentence by sentence), or None."""
    try:
        from underthesea import ner, sent_tokenize
    except ImportError:
        return None
    texts = [p.read_text(encoding="utf-8") for p in sorted(articles.iterdir())[:n]]
    ner("Hà Nội")  # load the model outside the timing
    s = time.perf_counter()
    for text in texts:
        for sent in sent_tokenize(text):
            ner(sent)
    return n / (time.perf_counter() - s)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--resolve-sizes", default="1000,10000,100000")
    ap.add_argument("--underthesea", type=int, default=200)
    ap.add_argument("--incremental", type=int, default=10000, help="corpus size (0: skip)")
    ap.add_argument("--no-store", dest="no_store", default="",
                    help="sizes also built -j 2 with --no-store (e.g. 10000)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/kg-bench"))
    ap.add_argument("--json", type=Path)
    a = ap.parse_args()
    a.work.mkdir(parents=True, exist_ok=True)
    results: dict = {"builds": []}

    def report(key, value):
        print(f"{key}: {value}", flush=True)
        if a.json:
            a.json.write_text(json.dumps(results, indent=1), encoding="utf-8")

    for n in [int(x) for x in a.sizes.split(",") if x]:
        arts = corpus(a.work, n)
        for j in [int(x) for x in a.jobs.split(",")]:
            secs, peak, rc, peak_rss = run_build([str(arts), "--out", str(a.work / f"out-{n}-j{j}"),
                                                  "-q", "--no-cache", "-j", str(j)])
            row = {"articles": n, "jobs": j, "seconds": round(secs, 2),
                   "articles_per_s": round(n / secs, 1), "peak_mb": round(peak),
                   "peak_rss_sum_mb": round(peak_rss), "exit": rc}
            rep = a.work / f"out-{n}-j{j}" / "report.json"
            if rep.is_file():  # the build times its own stages (extract, resolve, mapping...)
                row["stages"] = json.loads(rep.read_text(encoding="utf-8")).get("stages", {})
            results["builds"].append(row)
            report("build", row)
    for n in [int(x) for x in a.no_store.split(",") if x]:
        out = a.work / f"out-{n}-j2-nostore"
        secs, peak, rc, peak_rss = run_build([str(corpus(a.work, n)), "--out", str(out), "-q",
                                              "--no-cache", "-j", "2", "--no-store"])
        row = {"articles": n, "jobs": 2, "store": False, "seconds": round(secs, 2),
               "articles_per_s": round(n / secs, 1), "peak_mb": round(peak),
               "peak_rss_sum_mb": round(peak_rss), "exit": rc}
        if (out / "report.json").is_file():
            row["stages"] = json.loads((out / "report.json").read_text(encoding="utf-8"))["stages"]
        results["builds"].append(row)
        report("build", row)
    if a.incremental:
        results["incremental"] = incremental(corpus(a.work, a.incremental), a.work, 2)
        results["incremental"]["articles"] = a.incremental
        report("incremental", results["incremental"])
    outs = sorted(a.work.glob("incr-*/.cache"))
    sizes = [int(x) for x in a.resolve_sizes.split(",") if x]
    if outs and sizes:
        results["resolve_seconds"] = resolve_growth(outs, sizes)
        report("resolve", results["resolve_seconds"])
    if a.underthesea:
        rate = underthesea_rate(corpus(a.work, max(a.underthesea, 1000)), a.underthesea)
        results["underthesea_articles_per_s"] = rate
        report("underthesea articles/s", rate)


if __name__ == "__main__":
    main()
