"""Serialising the dataset: a thin table over rdflib's serializers, and atomic file writes.

Formats are rdflib plugins; we only name them. ``atomic_write`` writes to a
temporary file beside the target and renames it, so a reader never sees half
a file and a killed build leaves the previous file intact.

Example:
    >>> from kg.graph import new_dataset
    >>> serialize(new_dataset(), "nquads")
    ''
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from .namespace import BASE

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"

FORMATS = {
    "trig": ("trig", "graph.trig"),
    "ttl": ("turtle", "graph.ttl"),
    "jsonld": ("json-ld", "graph.jsonld"),
    "nquads": ("nquads", "graph.nq"),
}


def union_graph(ds: Dataset) -> Graph:
    """Every fact of every article graph in one graph (graph.ttl)."""
    g = Graph()
    for prefix, ns in ds.namespaces():
        g.bind(prefix, ns, override=True)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def jsonld_context() -> dict:
    """The published JSON-LD context (ontology/context.jsonld), or a minimal one."""
    path = ONTOLOGY_DIR / "context.jsonld"
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))["@context"]
    return {"kg": BASE + "ontology#", "schema": "http://schema.org/", "id": BASE + "id/"}


# Above this many quads JSON-LD is written by Oxigraph (expanded, no context): rdflib's compacting
# serializer takes minutes on a large archive, the compact form is for web developers' small builds.
COMPACT_JSONLD_MAX_QUADS = 60_000
_OX_FORMATS = {"trig": ox.RdfFormat.TRIG, "ttl": ox.RdfFormat.TURTLE, "nquads": ox.RdfFormat.N_QUADS,
               "jsonld": ox.RdfFormat.JSON_LD}


def _ox_term(term):
    """An rdflib term as the same pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def _plain_quads(ds: Dataset) -> list[tuple]:
    """(s, p, o, graph) tuples of a Dataset; graph None for the default graph."""
    out = []
    for s, p, o, g in ds.quads((None, None, None, None)):
        gid = g.identifier if hasattr(g, "identifier") else g
        out.append((s, p, o, None if gid is None or gid == DATASET_DEFAULT_GRAPH_ID else gid))
    return out


def ox_quads(quads: Iterable[tuple]) -> list:
    """(s, p, o, graph) tuples of rdflib terms (graph None: the default graph) as pyoxigraph
    quads, each distinct term converted once."""
    cache: dict = {}
    get = cache.get

    def conv(t):
        got = get(t)
        if got is None:
            got = cache[t] = _ox_term(t)
        return got

    default = ox.DefaultGraph()
    return [ox.Quad(conv(s), conv(p), conv(o), default if g is None else conv(g))
            for s, p, o, g in quads]


class OxQuads:
    """The quads of a build (pyoxigraph terms, ``kg.graph.to_quads``) and their union, for every
    output written from them. Serialising through Oxigraph is two orders of magnitude faster
    than rdflib's serializers and gives the same graphs (tests/test_e2e.py re-reads and compares).

    ``named``: one quad per (s, p, o, article graph); ``union``: each triple once (graph.ttl's
    content and the store's default graph).
    """

    def __init__(self, quads: list):
        self.named = quads
        self.union = list(dict.fromkeys(q.triple for q in quads))

    def serialize(self, fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
        """One of FORMATS written by Oxigraph (``ttl``: the union, each triple once)."""
        out = self.union if fmt == "ttl" else self.named
        kwargs = {"prefixes": prefixes} if prefixes and fmt in ("trig", "ttl") else {}
        return ox.serialize(out, format=_OX_FORMATS[fmt], **kwargs)


def serialize_quads(quads: list, fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
    """pyoxigraph quads in one of FORMATS, written by Oxigraph (``ttl``: the union of the
    graphs, each triple once)."""
    return OxQuads(quads).serialize(fmt, prefixes)


def _prefixes(ds: Dataset) -> dict[str, str]:
    return {p: str(ns) for p, ns in ds.namespaces() if p and p in _PREFIXES}


_PREFIXES = {"kg", "schema", "org", "prov", "skos", "wd", "id", "rdf", "rdfs", "xsd", "owl"}


def quad_count(ds: Dataset) -> int:
    """Quads in every graph of the dataset (len(ds) counts the default graph only)."""
    return sum(len(g) for g in ds.graphs())


def serialize(ds: Dataset, fmt: str) -> str:
    """The dataset in one of FORMATS (ttl is the union graph; the others keep named graphs)."""
    if fmt == "jsonld" and quad_count(ds) <= COMPACT_JSONLD_MAX_QUADS:
        return ds.serialize(format="json-ld", context=jsonld_context(), auto_compact=True)
    return serialize_quads(ox_quads(_plain_quads(ds)), fmt, _prefixes(ds)).decode("utf-8")


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write data to path through a temporary file and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
