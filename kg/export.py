"""Serialising the dataset: a thin table over rdflib's serializers, and atomic file writes.

Formats are rdflib plugins; we only name them. ``atomic_write`` writes to a
temporary file beside the target and renames it, so a reader never sees half
a file and a killed build leaves the previous file intact.

Example:
    >>> from kg.graph import new_dataset
    >>> serialize(new_dataset(), "ttl").startswith("@prefix")
    True
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph

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


def serialize(ds: Dataset, fmt: str) -> str:
    """The dataset in one of FORMATS (ttl is the union graph; the others keep named graphs)."""
    rdf_format = FORMATS[fmt][0]
    if fmt == "ttl":
        return union_graph(ds).serialize(format="turtle")
    if fmt == "jsonld":
        return ds.serialize(format="json-ld", context=jsonld_context(), auto_compact=True)
    return ds.serialize(format=rdf_format)


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
