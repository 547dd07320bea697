"""The explorer: the graph as an interactive, self-contained HTML page (vis-network, networkx).

Dataset -> view model (kg.viz.model: nodes, facts with evidence, edges, the
filters' attributes) -> measures (kg.viz.measures: centrality, communities,
positions) -> payload (compact JSON) -> page (kg.viz.page: one HTML file with
everything inline).  The page's behaviour lives in kg/viz/assets/explorer.js;
docs/explorer.md describes it.  A large build's *entity view* is a ViewModel merged
from per-chunk fragments instead (kg.viz.fragments), which adds its part to the payload.

Above ``LARGE_THRESHOLD`` nodes the page starts with physics off and the
positions computed here; below it vis-network's physics refines those
positions, settles and stops.

Example:
    >>> from kg.graph import new_dataset
    >>> "<html" in render_explorer(new_dataset())
    True
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable

from rdflib import Dataset

from .measures import measure, to_graph
from .model import KINDS, RELATIONS, ViewModel, view_model
from .page import render_page, safe_json

__all__ = ["render_explorer", "render_view", "view_model", "explorer_payload", "safe_json", "LARGE_THRESHOLD",
           "KINDS"]

LARGE_THRESHOLD = 1000
REL_NAMES = list(RELATIONS)


def explorer_payload(vm: ViewModel, layout_threshold: int = LARGE_THRESHOLD,
                     memo=None, parallel: bool = False) -> dict:
    """The page's data: compact lists (short keys) so a 30k-node graph stays a few MB.
    ``memo`` (kg.viz.measures.MeasuresMemo) keeps the graph measures between builds;
    ``parallel`` lets them use a second process (kg.viz.measures.measure)."""
    measures, parts, positions = measure(to_graph(vm), memo, parallel)
    community = {n: i for i, part in enumerate(parts) for n in part}
    names = list(measures)
    nodes = []
    for n, d in enumerate(vm.nodes):
        x, y = positions.get(n, (0.0, 0.0))
        node = {"l": d["label"], "k": KINDS.index(d["kind"]), "fo": d["fold"],
                "yr": sorted(d["years"]), "pr": sorted(d["prov"]), "na": sorted(d["nations"]),
                "ev": d["ev"], "px": x, "py": y, "cm": community.get(n, -1),
                "ms": [round(measures[m].get(n, 0.0), 4) for m in names]}
        if d["sub"]:
            node["st"] = d["sub"]
        if d["alt"]:
            node["al"] = d["alt"]
        extra = {k: d[k] for k in ("date", "location", "headline", "file", "byline", "text",
                                   "code", "name_en") if d.get(k)}
        if extra:
            node["ex"] = extra
        nodes.append(node)
    key = hashlib.sha1("\n".join(d["iri"] for d in vm.nodes).encode("utf-8")).hexdigest()[:12]
    payload = {
        "meta": {"kinds": list(KINDS), "rels": [[r, *RELATIONS[r]] for r in REL_NAMES],
                 "measures": names, "large": len(vm.nodes) > layout_threshold,
                 "threshold": layout_threshold, "key": key, "communities": len(parts)},
        "nodes": nodes,
        "edges": [[e["s"], e["o"], REL_NAMES.index(e["rel"]), e["ev"], "; ".join(e["labels"])]
                  for e in vm.edges],
        "facts": [[f["s"], REL_NAMES.index(f["rel"]), f["o"], f["ev"], f["label"], f["date"],
                   int(f["former"]), f["article"]] for f in vm.facts],
        "evidence": [[e["sentence"], e["confidence"], e["article"], e["start"], e["end"]]
                     for e in vm.evidence],
        "awards": [[a["event"], a["kind"], a["recipients"], a["ev"]] for a in vm.awards],
        "pn": [[r["place"], r["nation"], r["articles"]] for r in vm.province_nation],
    }
    extend = getattr(vm, "extend_payload", None)  # the entity view (kg.viz.fragments) adds its part
    if extend is not None:
        extend(payload)
    return payload


def render_explorer(ds: Dataset | Iterable[tuple] | object, layout_threshold: int = LARGE_THRESHOLD,
                    title: str = "Knowledge graph explorer") -> str:
    """The explorer page of a dataset (or of ``to_quads`` quads, or of the index that
    ``kg.viz.records.record_index`` makes), as one self-contained HTML string."""
    return render_view(view_model(ds), layout_threshold, title)


def render_view(vm: ViewModel, layout_threshold: int = LARGE_THRESHOLD,
                title: str = "Knowledge graph explorer", memo=None, parallel: bool = False) -> str:
    """The explorer page of a view model (``view_model``); ``memo`` and ``parallel`` as in
    ``explorer_payload``."""
    payload = explorer_payload(vm, layout_threshold, memo, parallel)
    counts = {k: sum(1 for n in vm.nodes if n["kind"] == k) for k in KINDS}
    summary = ", ".join(f"{v} {k}" for k, v in counts.items() if v)
    return render_page(payload, f"{title} — {summary or 'empty graph'}")
