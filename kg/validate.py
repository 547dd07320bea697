"""SHACL validation of a build against ontology/shapes.ttl (with ontology/kg.ttl), as pyshacl runs it.

Example:
    >>> from rdflib import Graph
    >>> validate_graph(Graph())[0]
    True
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from .errors import KGError

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


def validate_graph(graph: Graph) -> tuple[bool, str]:
    """(conforms, report text) for a graph, with the same options as the contract's command line."""
    import pyshacl

    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    onto = Graph().parse(ONTOLOGY_DIR / "kg.ttl")
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes, ont_graph=onto,
                                         inference="none", advanced=True, allow_warnings=True)
    return bool(conforms), text


def validate_dir(out_dir: str | Path) -> tuple[bool, str]:
    path = Path(out_dir) / "graph.ttl"
    if not path.is_file():
        raise KGError(f"{out_dir}: no graph.ttl (run `kg build` first)")
    return validate_graph(Graph().parse(path, format="turtle"))
