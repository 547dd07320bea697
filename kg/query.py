"""SPARQL over a build: the competency and example queries, results as rows or W3C formats.

Queries run on pyoxigraph: the persistent store in DIR/store when the build
wrote one, else a temporary on-disk store loaded from DIR/graph.trig (same
engine, so the same rows in the same order). Named graphs
are kept (one per article), and the default graph is their union (stored
once in the store, see kg.store.materialize_union), so a query
may use GRAPH ?g to ask which article said what, or plain patterns for the
whole graph.

Example:
    >>> q = "SELECT (1 AS ?x) WHERE {}"
    >>> run_query_on(load_store_from_trig(None), q)[1]
    [{'x': '1'}]
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox

from .errors import QueryError

QUERY_DIR = Path(__file__).resolve().parent.parent / "ontology" / "queries"


def load_store_from_trig(path: str | Path | None) -> ox.Store:
    store = ox.Store()
    if path is not None:
        store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    return store


def open_store(out_dir: str | Path) -> ox.Store:
    """The build's store: DIR/store if present (read-only), else loaded from graph.trig."""
    out_dir = Path(out_dir)
    persistent = out_dir / "store"
    if persistent.is_dir():
        try:
            return ox.Store.read_only(str(persistent))
        except (OSError, ValueError):
            pass
    trig = out_dir / "graph.trig"
    if not trig.is_file():
        raise QueryError(f"{out_dir}: no graph.trig (run `kg build` first)")
    from .store import temporary_store
    return temporary_store(trig)


def query_text(query: str) -> str:
    """A .rq file's text, a name of ontology/queries (persons), or the query itself."""
    p = Path(query)
    if p.suffix == ".rq" and p.is_file():
        return p.read_text(encoding="utf-8")
    named = QUERY_DIR / f"{query}.rq"
    if named.is_file():
        return named.read_text(encoding="utf-8")
    if p.suffix == ".rq":
        raise QueryError(f"{query}: no such query file")
    return query


def _union(store: ox.Store) -> bool:
    # Stores written by kg hold the union in the default graph (kg.store.materialize_union);
    # only an older store needs Oxigraph's (slower, duplicating) union option.
    from .store import has_union_graph
    return not has_union_graph(store)


def _term_value(term) -> str:
    if term is None:
        return ""
    return term.value


_COMMENT = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>\s]*>)|#[^\n]*""")


def has_order_by(query: str) -> bool:
    """True when the query text (comments, strings and IRIs aside) says ORDER BY anywhere."""
    text = _COMMENT.sub(" ", query)
    return re.search(r"\bORDER\s+BY\b", text, re.IGNORECASE) is not None


def run_query_on(store: ox.Store, query: str) -> tuple[list[str], list[dict[str, str]]]:
    """(variables, rows as plain strings) of a SELECT query; '' for unbound. The rows of a
    query without ORDER BY come sorted by their columns, in order."""
    try:
        result = store.query(query, use_default_graph_as_union=_union(store))
    except SyntaxError as error:
        raise QueryError(f"SPARQL syntax error: {error}") from None
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = [{v: _term_value(sol[v]) for v in variables} for sol in result]
        if not has_order_by(query):
            # any order is a right answer to an unordered query; sorted by the columns it is the
            # same on every engine and run, and Python sorts strings far faster than Oxigraph
            # sorts terms on disk (it decodes both at every comparison: 1.3 of 1.6 s at 1M)
            rows.sort(key=lambda r: tuple(r[v] for v in variables))
        return variables, rows
    if isinstance(result, ox.QueryBoolean):
        return ["boolean"], [{"boolean": "true" if bool(result) else "false"}]
    rows = [{"subject": str(t.subject), "predicate": str(t.predicate), "object": str(t.object)}
            for t in result]
    return ["subject", "predicate", "object"], rows


def run_query(out_dir: str | Path, query: str) -> tuple[list[str], list[dict[str, str]]]:
    return run_query_on(open_store(out_dir), query_text(query))


def results_json(store: ox.Store, query: str) -> str:
    """W3C SPARQL 1.1 Query Results JSON of a query."""
    result = store.query(query, use_default_graph_as_union=_union(store))
    return result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8")


def format_rows(variables: list[str], rows: list[dict[str, str]], fmt: str) -> str:
    """table (aligned text), csv (W3C SPARQL CSV results) or json (W3C SPARQL JSON results)."""
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(variables)
        for r in rows:
            w.writerow([r[v] for v in variables])
        return buf.getvalue()
    if fmt == "json":
        bindings = [{v: {"type": "literal", "value": r[v]} for v in variables if r[v] != ""}
                    for r in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=1)
    widths = {v: max([len(v)] + [len(r[v]) for r in rows]) for v in variables}
    widths = {v: min(w, 60) for v, w in widths.items()}
    lines = ["  ".join(v.ljust(widths[v]) for v in variables),
             "  ".join("-" * widths[v] for v in variables)]
    for r in rows:
        lines.append("  ".join((r[v][:57] + "..." if len(r[v]) > 60 else r[v]).ljust(widths[v])
                               for v in variables))
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
