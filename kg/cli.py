"""The `kg` command: a thin layer over the library (build, query, validate, viz, eval).

Each command parses its options, makes one library call and turns a KGError
into a one-line message and a non-zero exit status.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import KGError


def _fail(error: Exception) -> None:
    click.echo(f"kg: error: {error}", err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def cli() -> None:
    """Build and query a knowledge graph of Vietnamese people-to-people diplomacy news."""


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out", default="out", show_default=True, type=click.Path(path_type=Path),
              help="Output folder.")
@click.option("-j", "--jobs", default=1, show_default=True, help="Extract in N processes.")
@click.option("--max-bytes", default=5 * 1024 * 1024, show_default=True, type=click.IntRange(min=0),
              help="Skip (and report) input files larger than this many bytes.")
@click.option("--strict", is_flag=True,
              help="Exit 1 and write nothing if any file is skipped (default: exit 2, write the rest).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where extraction runs: local processes (-j) or a Dask cluster (--scheduler).")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="Address of the Dask scheduler (with --engine dask).")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Reuse the extractions of unchanged files from OUT/.cache (incremental build).")
@click.option("--store/--no-store", default=True, show_default=True,
              help="Write the SPARQL store (OUT/store). Without it the build takes about a "
                   "third less CPU; kg query then reads graph.trig, kg serve loads it, "
                   "kg store writes it later.")
@click.option("--merge-overrides", "overrides_file", type=click.Path(exists=True, dir_okay=False,
                                                                     path_type=Path),
              help="TSV of article, name, entity key: force or split merges (see merges.json).")
def build(inputs: tuple[Path, ...], out: Path, jobs: int, max_bytes: int, strict: bool,
          quiet: bool, engine: str, scheduler: str | None, cache: bool, store: bool,
          overrides_file: Path | None) -> None:
    """Build the graph of INPUTS (files or folders; default data/articles) into --out.

    Writes graph.trig (one named graph per article), graph.ttl (all facts),
    graph.jsonld, explorer.html, report.json and merges.json. Each skipped file
    gets one line on stderr with its path and reason (as in report.json). Exit
    status: 0 all files read, 2 some skipped (outputs written for the rest),
    1 nothing built (with --strict: any file skipped; nothing is written).
    """
    from .build import build as run_build

    from .resolve import load_overrides

    inputs = inputs or (Path("data/articles"),)
    try:
        overrides = load_overrides(overrides_file) if overrides_file else None
        result = run_build(inputs, out, jobs=jobs, max_bytes=max_bytes,
                           progress=not quiet and sys.stderr.isatty(), engine=engine,
                           scheduler=scheduler, cache=cache, strict=strict, overrides=overrides,
                           store=store)
    except KGError as error:
        _fail(error)
    if not quiet:
        c = result.counts
        click.echo(f"kg: {c.get('articles', 0)} article(s) read, {c.get('skipped', 0)} skipped "
                   f"in {result.seconds:.1f} s", err=True)
        if result.exit_status != 1:
            click.echo(f"kg: {c['persons']} persons, {c['organisations']} organisations, "
                       f"{c['events']} events, {c['documents']} documents, {c['countries']} "
                       f"partner nations, {c['triples']} triples", err=True)
            click.echo(f"kg: outputs in {out}/ (graph.trig, graph.ttl, graph.jsonld, "
                       f"explorer.html, report.json)", err=True)
    if strict and result.exit_status == 1 and result.counts.get("articles"):
        click.echo(f"kg: --strict: {result.counts['skipped']} file(s) skipped, nothing written",
                   err=True)
    sys.exit(result.exit_status)


@cli.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
def query(directory: Path, query: str, fmt: str) -> None:
    """Run QUERY (a .rq file, a name in ontology/queries, or SPARQL text) on a build."""
    from .query import format_rows, run_query
    from .store import has_store

    trig = directory / "graph.trig"
    if not has_store(directory) and trig.is_file() and trig.stat().st_size > HINT_TRIG_BYTES:
        # a build made with --no-store: each query loads the whole graph; say how to avoid it
        click.echo(f"kg: {directory} has no store: loading graph.trig for this query "
                   f"(`kg store {directory}` writes one; later queries are then fast)", err=True)
    try:
        variables, rows = run_query(directory, query)
    except KGError as error:
        _fail(error)
    out = format_rows(variables, rows, fmt)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")


HINT_TRIG_BYTES = 16 << 20  # about 1,500 articles: loading takes seconds from here on


@cli.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
def store(directory: Path) -> None:
    """Write DIRECTORY/store, the SPARQL store, for a build made with --no-store."""
    from .build import add_store

    try:
        n = add_store(directory)
    except KGError as error:
        _fail(error)
    click.echo(f"kg: {directory / 'store'} written: {n} quads", err=True)


@cli.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
def validate(directory: Path) -> None:
    """Check DIRECTORY/graph.ttl against ontology/shapes.ttl (SHACL)."""
    from .validate import validate_dir

    try:
        conforms, text = validate_dir(directory)
    except KGError as error:
        _fail(error)
    if conforms:
        click.echo(f"{directory}/graph.ttl conforms to ontology/shapes.ttl")
        return
    click.echo(text)
    sys.exit(1)


@cli.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
              help="Where to write the page (default DIRECTORY/explorer.html).")
def viz(directory: Path, output: Path | None) -> None:
    """Write the interactive explorer page of a build."""
    from rdflib import Dataset

    from .export import atomic_write
    from .viz import render_explorer

    trig = directory / "graph.trig"
    if not trig.is_file():
        _fail(KGError(f"{directory}: no graph.trig (run `kg build` first)"))
    ds = Dataset()
    ds.parse(trig, format="trig")
    target = output or directory / "explorer.html"
    atomic_write(target, render_explorer(ds))
    click.echo(f"kg: wrote {target}")


@cli.command(name="eval")
@click.option("--gold", "gold", required=True, type=click.Path(exists=True, file_okay=False,
                                                                  path_type=Path),
              help="Folder of gold JSON files (shared gold format).")
@click.argument("articles", type=click.Path(exists=True, path_type=Path))
@click.option("--verbose", "-v", is_flag=True, help="List false positives and negatives.")
@click.option("--json", "json_out", type=click.Path(path_type=Path), help="Write all figures here.")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(min=1),
              help="Extraction processes (as kg build -j).")
def eval_cmd(gold: Path, articles: Path, verbose: bool, json_out: Path | None, jobs: int) -> None:
    """Score the extractor on ARTICLES against gold annotations (P/R/F1 per kind)."""
    from .evaluate import evaluate, format_report

    try:
        result = evaluate(articles, gold, jobs=jobs)
    except KGError as error:
        _fail(error)
    click.echo(format_report(result, verbose))
    if json_out:
        import json
        json_out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


@cli.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=7878, show_default=True, help="Port to listen on.")
@click.option("--timeout", "timeout_s", default=10.0, show_default=True,
              help="Time limit of one query, in seconds.")
@click.option("--max-rows", default=100_000, show_default=True,
              help="Largest result served (rows, or triples of CONSTRUCT/DESCRIBE).")
def serve(directory: Path, host: str, port: int, timeout_s: float, max_rows: int) -> None:
    """Serve a build as a read-only SPARQL endpoint (/query) with a query page (/)."""
    from .serve import Limits, serve as run_serve

    try:
        run_serve(directory, host, port, Limits(timeout_s=timeout_s, max_rows=max_rows))
    except KGError as error:
        _fail(error)


@cli.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--endpoint", required=True,
              help="SPARQL 1.1 Graph Store HTTP Protocol URL (e.g. http://host:7878/store).")
@click.option("--batch-size", default=50_000, show_default=True,
              help="Triples per request; a larger graph is sent as one PUT then POSTs.")
@click.option("--user", default=None, help="USER:PASSWORD for HTTP basic authentication.")
@click.option("--timeout", "timeout_s", default=120.0, show_default=True,
              help="Seconds to wait for each request.")
def load(directory: Path, endpoint: str, batch_size: int, user: str | None,
         timeout_s: float) -> None:
    """Push a build's named graphs to a Graph Store endpoint (idempotent: PUT per graph)."""
    from .load import load_dir

    try:
        stats = load_dir(directory, endpoint, batch_size=batch_size, auth=user,
                         timeout_s=timeout_s)
    except KGError as error:
        _fail(error)
    click.echo(f"kg: loaded {stats.graphs} graph(s), {stats.triples} triple(s) into "
               f"{endpoint} in {stats.requests} request(s)", err=True)


@cli.command(name="export")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "fmt", required=True,
              type=click.Choice(["nquads", "csv", "graphml", "gexf", "jsonld"]),
              help="nquads (graph.nq), csv (nodes.csv + edges.csv), graphml, gexf, jsonld.")
@click.option("--out", "out", type=click.Path(path_type=Path), default=None,
              help="Output file (csv: folder); default inside DIRECTORY.")
def export_cmd(directory: Path, fmt: str, out: Path | None) -> None:
    """Export a build for other tools (Gephi, Cytoscape, spreadsheets, triple stores)."""
    from .exports import export_dir

    try:
        written = export_dir(directory, fmt, out)
    except KGError as error:
        _fail(error)
    for path in written:
        click.echo(f"kg: wrote {path}", err=True)


@cli.command()
@click.argument("n", type=click.IntRange(min=0))
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--seed", default=0, show_default=True, help="Same seed, same files.")
def synth(n: int, directory: Path, seed: int) -> None:
    """Write N synthetic articles to DIRECTORY/articles and their gold to DIRECTORY/gold."""
    from .synth import synth as run_synth

    try:
        written = run_synth(n, directory, seed)
    except OSError as error:
        _fail(KGError(f"{directory}: {error.strerror or error}"))
    click.echo(f"kg: wrote {written} article(s) to {directory}/articles and their gold to "
               f"{directory}/gold", err=True)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
